package cn.servicemap.gis.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.table.LimitedJson.CountingNodeFactory;
import cn.servicemap.gis.table.LimitedJson.TooManyValues;

/**
 * Streaming reader of a GeoJSON FeatureCollection (or a single Feature) with point geometries
 * (Jackson 2 streaming; one feature in memory at a time). The file is read twice: first to learn the
 * {@code crs} member and the union of property names (the headers), then to deliver the rows.
 *
 * <p>Properties become text: strings trimmed, numbers as written (plain decimal, no exponent or
 * trailing zeros), booleans {@code true}/{@code false}, null {@code ""}, arrays of scalars joined with
 * {@code ","}, objects and other arrays as JSON text. A Point (or a MultiPoint holding exactly one point)
 * gives cells {@code lon}/{@code lat}, overriding properties of those names; any other geometry,
 * an empty one, or none at all (unless properties {@code lon} and {@code lat} are present) is a read
 * problem of that row. The legacy {@code crs} member is honoured if it names WGS84 (CRS84, EPSG:4326)
 * or CGCS2000 (EPSG:4490); any other crs is rejected. Without it, no system is declared, even though
 * RFC 7946 implies WGS84: Chinese data (e.g. DataV) is often GCJ-02 without saying so.
 *
 * <p>Limits ({@link ReadLimits}), all checked by the first pass, so that a file beyond them is refused at
 * open: the parser's own constraints ({@link LimitedJson}) bound nesting ({@link ReadLimits#maxNestingDepth()})
 * and the length of every string and name ({@link ReadLimits#maxCellChars()}); a feature may hold at most
 * {@link ReadLimits#maxFeatureValues()} JSON values (counted as its tree is built); there may be at most
 * {@link ReadLimits#maxRows()} features and {@link ReadLimits#maxColumns()} distinct property names, and no
 * property may become a cell longer than {@link ReadLimits#maxCellChars()}.
 */
final class GeoJsonRowSource extends AbstractRowSource {

    private final JsonParser parser;
    private final CountingNodeFactory nodes;
    private final List<String> headers;
    private final Optional<CoordinateSystem> declared;
    private final JsonNode singleFeature;
    private int featureNumber;
    private boolean inFeatures;

    private GeoJsonRowSource(JsonParser parser, CountingNodeFactory nodes, Survey survey, ReadLimits limits) {
        super(limits);
        this.parser = parser;
        this.nodes = nodes;
        this.headers = Cells.withLonLat(new ArrayList<>(survey.propertyNames));
        this.declared = survey.declared;
        this.singleFeature = survey.singleFeature;
    }

    static GeoJsonRowSource open(Path file, ReadLimits limits) throws IOException {
        CountingNodeFactory nodes = new CountingNodeFactory(limits.maxFeatureValues());
        ObjectMapper mapper = mapper(limits, nodes);
        Survey survey;
        try (JsonParser first = mapper.getFactory().createParser(file.toFile())) {
            survey = Survey.of(first, nodes, limits);
        } catch (JsonProcessingException e) {
            throw LimitedJson.refusal(e, limits);
        } catch (TooManyValues e) {
            throw tooManyValues(limits);
        }
        JsonParser parser = mapper.getFactory().createParser(file.toFile());
        try {
            GeoJsonRowSource source = new GeoJsonRowSource(parser, nodes, survey, limits);
            if (survey.singleFeature == null) {
                source.moveToFeatures();
            }
            return source;
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public String format() {
        return "GeoJSON";
    }

    @Override
    public Optional<CoordinateSystem> declaredCoordinateSystem() {
        return declared;
    }

    @Override
    protected SourceRow readNext() throws IOException {
        if (singleFeature != null) {
            return featureNumber++ == 0 ? row(1, singleFeature) : null;
        }
        if (!inFeatures) {
            return null;
        }
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                inFeatures = false;
                return null;
            }
            nodes.reset();
            JsonNode feature = parser.readValueAsTree();
            return row(++featureNumber, feature == null ? NullNode.getInstance() : feature);
        } catch (JsonProcessingException e) { // the survey read the same tokens: only if the file changed since
            throw LimitedJson.refusal(e, limits);
        } catch (TooManyValues e) {
            throw tooManyValues(limits);
        }
    }

    /** A mapper whose parser keeps to the limits and whose trees count their values. */
    private static ObjectMapper mapper(ReadLimits limits, CountingNodeFactory nodes) {
        ObjectMapper mapper = new ObjectMapper(LimitedJson.factory(limits).build())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
        mapper.setNodeFactory(nodes);
        return mapper;
    }

    private static ReadLimitException tooManyValues(ReadLimits limits) {
        return new ReadLimitException("GeoJSON 中有要素超过 " + limits.maxFeatureValues() + " 个值",
                "a feature of the GeoJSON holds more than " + ReadLimits.grouped(limits.maxFeatureValues()) + " values");
    }

    @Override
    protected void closeResources() throws IOException {
        parser.close();
    }

    /** Positions the parser inside the top-level "features" array. */
    private void moveToFeatures() throws IOException {
        parser.nextToken(); // START_OBJECT, checked by the survey
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("features".equals(name) && value == JsonToken.START_ARRAY) {
                inFeatures = true;
                return;
            }
            parser.skipChildren();
        }
    }

    private SourceRow row(int number, JsonNode feature) {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        if (!feature.isObject()) {
            problems.add("feature " + number + " is not a JSON object");
        } else {
            JsonNode properties = feature.path("properties");
            properties.fields().forEachRemaining(e -> values.put(e.getKey().strip(), text(e.getValue())));
            geometry(feature.get("geometry"), values, problems);
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (String header : headers) {
            cells.put(header, values.getOrDefault(header, ""));
        }
        return new SourceRow(number, cells, problems);
    }

    private static void geometry(JsonNode geometry, Map<String, String> values, List<String> problems) {
        if (geometry == null || geometry.isNull()) {
            if (values.getOrDefault(Cells.LON, "").isEmpty() || values.getOrDefault(Cells.LAT, "").isEmpty()) {
                problems.add("the feature has no geometry");
            }
            return;
        }
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.path("coordinates");
        JsonNode point;
        if ("Point".equals(type)) {
            point = coordinates;
        } else if ("MultiPoint".equals(type) && coordinates.size() == 1) {
            point = coordinates.get(0);
        } else if ("MultiPoint".equals(type)) {
            problems.add("geometry is a MultiPoint of " + coordinates.size() + " points, expected one Point");
            return;
        } else if (type.isEmpty()) {
            problems.add("geometry has no type, expected a Point");
            return;
        } else {
            problems.add("geometry is a" + (type.matches("[AEIOU].*") ? "n " : " ") + type + ", expected Point");
            return;
        }
        if (point.size() == 0) {
            problems.add("geometry is an empty Point");
        } else if (point.size() < 2 || !point.get(0).isNumber() || !point.get(1).isNumber()) {
            problems.add("the Point's coordinates are not two numbers: " + Cells.abbreviate(point.toString()));
        } else {
            values.put(Cells.LON, Cells.decimal(point.get(0).decimalValue()));
            values.put(Cells.LAT, Cells.decimal(point.get(1).decimalValue()));
        }
    }

    /** A property value as a string cell. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isNumber()) {
            return Cells.decimal(value.decimalValue());
        }
        if (value.isTextual()) {
            return value.textValue().strip();
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        if (value.isArray()) {
            boolean scalars = true;
            for (JsonNode element : value) {
                scalars &= element.isValueNode();
            }
            if (scalars) {
                List<String> parts = new ArrayList<>();
                value.forEach(element -> parts.add(text(element)));
                return String.join(",", parts);
            }
        }
        return value.toString();
    }

    /**
     * First pass: the document's type, its crs and the property names of all features; refuses the file if
     * it goes beyond the limits (see the class comment).
     */
    private static final class Survey {
        private final Set<String> propertyNames = new LinkedHashSet<>();
        private final ReadLimits limits;
        private Optional<CoordinateSystem> declared = Optional.empty();
        private JsonNode singleFeature;
        private int features;

        private Survey(ReadLimits limits) {
            this.limits = limits;
        }

        static Survey of(JsonParser parser, CountingNodeFactory nodes, ReadLimits limits) throws IOException {
            Survey survey = new Survey(limits);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("GeoJSON must be a JSON object (a FeatureCollection or a Feature)");
            }
            String type = null;
            boolean sawFeatures = false;
            Map<String, JsonNode> featureMembers = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "type" -> type = parser.getValueAsString();
                    case "crs" -> survey.declared = crs(parser.readValueAsTree());
                    case "features" -> {
                        if (token != JsonToken.START_ARRAY) {
                            throw new IOException("GeoJSON \"features\" must be an array");
                        }
                        sawFeatures = true;
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            nodes.reset();
                            JsonNode feature = parser.readValueAsTree();
                            if (++survey.features > limits.maxRows()) {
                                throw limits.tooManyRows();
                            }
                            if (feature != null) {
                                survey.addProperties(feature, survey.features);
                            }
                        }
                    }
                    case "properties", "geometry" -> featureMembers.put(name, parser.readValueAsTree());
                    default -> parser.skipChildren();
                }
            }
            if ("FeatureCollection".equals(type)) {
                if (!sawFeatures) {
                    throw new IOException("the GeoJSON FeatureCollection has no \"features\" array");
                }
            } else if ("Feature".equals(type)) {
                ObjectNode feature = JsonNodeFactory.instance.objectNode();
                featureMembers.forEach(feature::set);
                survey.singleFeature = feature;
                survey.addProperties(feature, 1);
            } else {
                throw new IOException("GeoJSON must be a FeatureCollection or a Feature, found type '" + type + "'");
            }
            return survey;
        }

        /** Adds a feature's property names to the headers, checking their number and the length of each value. */
        private void addProperties(JsonNode feature, int number) throws ReadLimitException {
            var properties = feature.path("properties").fields();
            while (properties.hasNext()) {
                var property = properties.next();
                String name = property.getKey().strip();
                if (propertyNames.add(name) && propertyNames.size() > limits.maxColumns()) {
                    throw limits.tooManyColumns("要素的属性名超过 " + limits.maxColumns() + " 种",
                            "the features have more than " + ReadLimits.grouped(limits.maxColumns()) + " different properties");
                }
                if (text(property.getValue()).length() > limits.maxCellChars()) {
                    throw limits.cellTooLong("第 " + number + " 个要素的属性“" + Cells.abbreviate(name) + "”",
                            "property '" + Cells.abbreviate(name) + "' of feature " + number);
                }
            }
        }

        private static Optional<CoordinateSystem> crs(JsonNode crs) throws IOException {
            if (crs == null || crs.isNull()) {
                return Optional.empty();
            }
            String name = crs.path("properties").path("name").asText("");
            String lastPart = name.substring(name.lastIndexOf(':') + 1);
            for (String candidate : List.of(name, lastPart)) {
                try {
                    CoordinateSystem system = CoordinateSystem.parse(candidate);
                    return Optional.of(system);
                } catch (IllegalArgumentException e) {
                    // try the next spelling
                }
            }
            throw new IOException("the GeoJSON crs '" + (name.isEmpty() ? crs.toString() : name)
                    + "' is not supported: re-export the layer in WGS84 or CGCS2000 longitude/latitude");
        }
    }
}
