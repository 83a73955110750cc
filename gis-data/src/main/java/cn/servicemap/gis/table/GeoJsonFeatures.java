package cn.servicemap.gis.table;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.NumericNode;

import cn.servicemap.gis.table.LimitedJson.CountingNodeFactory;
import cn.servicemap.gis.table.LimitedJson.TooManyValues;

/**
 * Reads a GeoJSON FeatureCollection from a stream one feature at a time, within {@link ReadLimits}, for files that are
 * not station tables (district boundaries). Each feature is handed over as a Jackson 2 tree, numbered from 1, and not
 * kept: the handler keeps what it needs. Of the top-level members only {@code type} and {@code features} are read; the
 * others ({@code crs}, {@code bbox}, …) are skipped without building them. Numbers are read as doubles (or integers).
 *
 * <p>Refused as soon as the parser gets there, before the features after it are read:
 * <ul>
 *   <li>with a {@link ReadLimitException}: nesting deeper than {@link ReadLimits#maxNestingDepth()}, a string or property
 *       name longer than {@link ReadLimits#maxCellChars()}, a number of more than 1,000 digits, more than
 *       {@link ReadLimits#maxRows()} features, more than {@link ReadLimits#maxFileValues()} JSON values in the features
 *       together ({@link ReadLimits#maxFeatureValues()} does not apply);</li>
 *   <li>with an {@link IllegalArgumentException}: NaN, Infinity or a number beyond the range of a double anywhere in the
 *       features (the parser accepts the tokens {@code NaN} and {@code Infinity} only to name them); a document that is
 *       not a JSON object with {@code "type": "FeatureCollection"}, or whose {@code features} is not an array;</li>
 *   <li>with an {@link IOException}: a file that is not JSON, or goes on after the collection, saying on which line (a
 *       NUL byte is named as such).</li>
 * </ul>
 * Exceptions of the handler pass through unchanged. No message quotes the parser.
 */
public final class GeoJsonFeatures {

    /** Takes one feature of the collection. */
    @FunctionalInterface
    public interface FeatureHandler {
        /**
         * @param number  1 for the first feature of the file
         * @param feature the feature as it is in the file ({@code null} in the file is a {@link NullNode})
         */
        void feature(int number, JsonNode feature) throws IOException;
    }

    private GeoJsonFeatures() {
    }

    /**
     * Reads the features of {@code geojson} (UTF-8, or UTF-16/32 as the parser detects it) into {@code handler}; see the
     * class comment for what is refused. Closes the stream.
     */
    public static void read(InputStream geojson, ReadLimits limits, FeatureHandler handler) throws IOException {
        FiniteNodeFactory nodes = new FiniteNodeFactory(limits.maxFileValues());
        ObjectMapper mapper = new ObjectMapper(LimitedJson.factory(limits)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build());
        mapper.setNodeFactory(nodes);
        try (JsonParser parser = mapper.getFactory().createParser(geojson)) {
            try {
                readCollection(parser, limits, handler);
            } catch (TooManyValues e) {
                throw limits.tooManyFileValues();
            } catch (NotFinite e) {
                int line = parser.currentLocation().getLineNr();
                throw new IllegalArgumentException("GeoJSON 第 " + line + " 行有非有限的数（NaN、Infinity 或超出双精度范围）"
                        + " (line " + line + " of the GeoJSON holds a number that is not finite: NaN, Infinity, or beyond the"
                        + " range of a double)");
            }
        } catch (JsonProcessingException e) { // also from opening or closing the parser: none leaves this method
            throw LimitedJson.refusal(e, limits);
        }
    }

    private static void readCollection(JsonParser parser, ReadLimits limits, FeatureHandler handler) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw notACollection("the file is not a JSON object");
        }
        String type = null;
        int features = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("type".equals(name)) {
                type = parser.getText(); // "{" or "[" for an object or array, skipped
                parser.skipChildren();
                if (!"FeatureCollection".equals(type)) { // refused before any feature when "type" comes first, as usual
                    throw notACollection("type is " + quoted(type));
                }
            } else if ("features".equals(name)) {
                if (value != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException("GeoJSON 的 features 不是数组 (the GeoJSON \"features\" member is not an array)");
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) { // at the end of the input the parser throws
                    if (++features > limits.maxRows()) {
                        throw limits.tooManyFeatures();
                    }
                    JsonNode feature = parser.readValueAsTree();
                    handler.feature(features, feature == null ? NullNode.getInstance() : feature);
                }
            } else {
                parser.skipChildren();
            }
        }
        if (type == null) {
            throw notACollection("it has no \"type\"");
        }
        // read to the end: a file padded with zeros or with a second document after the first is damaged
        if (parser.nextToken() != null) {
            int line = parser.currentLocation().getLineNr();
            throw new IOException("文件在 GeoJSON 对象之后还有内容（第 " + line + " 行） (the file goes on after the GeoJSON object,"
                    + " at line " + line + ")");
        }
    }

    private static IllegalArgumentException notACollection(String why) {
        return new IllegalArgumentException("文件不是 GeoJSON 要素集合 (not a GeoJSON FeatureCollection: " + why + ")");
    }

    private static String quoted(String text) {
        return text == null ? "null" : "'" + Cells.abbreviate(text) + "'";
    }

    /** A number the tree would hold as NaN or infinite. */
    private static final class NotFinite extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFinite() {
            super(null, null, false, false);
        }
    }

    /** Counts the values of all features together and refuses a double that is not finite. */
    private static final class FiniteNodeFactory extends CountingNodeFactory {
        private static final long serialVersionUID = 1L;

        FiniteNodeFactory(int max) {
            super(max);
        }

        @Override
        public NumericNode numberNode(double v) {
            if (!Double.isFinite(v)) {
                throw new NotFinite();
            }
            return super.numberNode(v);
        }

        @Override
        public NumericNode numberNode(float v) {
            if (!Float.isFinite(v)) {
                throw new NotFinite();
            }
            return super.numberNode((double) v); // counted there
        }
    }
}
