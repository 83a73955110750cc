package cn.servicemap.gis.districts;

import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.LocalMetricProjection;
import cn.servicemap.gis.geojson.GeoJsonGeometries;
import cn.servicemap.gis.table.GeoJsonFeatures;
import cn.servicemap.gis.table.ReadLimitException;
import cn.servicemap.gis.table.ReadLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads district boundaries from a GeoJSON FeatureCollection whose features carry {@code adcode}
 * and {@code name} properties (the Aliyun DataV.GeoAtlas "_full" files, and files shaped like
 * them). Coordinates are converted from the declared system to WGS84; DataV files are GCJ-02.
 *
 * <p>The file is read as a stream, one feature at a time ({@link GeoJsonFeatures}), within {@link ReadLimits}:
 * nesting ({@link ReadLimits#maxNestingDepth()}), features ({@link ReadLimits#maxRows()}), JSON values in the whole file
 * ({@link ReadLimits#maxFileValues()}: about 10 million positions by default, a province at full detail has a few
 * million), the length of every string ({@link ReadLimits#maxCellChars()}); NaN and Infinity are refused. Each feature's
 * properties and geometry are checked as it is read; the conversion to WGS84, the repair of invalid outlines and the
 * areas follow once the whole file has passed the limits, so that a file beyond them is refused before that work.
 */
public final class DistrictBoundaryReader {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private DistrictBoundaryReader() {
    }

    /** Reads with the {@link ReadLimits#DEFAULTS default limits}; see {@link #read(InputStream, CoordinateSystem, ReadLimits)}. */
    public static List<DistrictBoundary> read(InputStream geojson, CoordinateSystem crs) throws IOException {
        return read(geojson, crs, ReadLimits.DEFAULTS);
    }

    /**
     * Reads the boundaries and closes the stream.
     *
     * @throws ReadLimitException       (an IOException) when the file goes beyond {@code limits}; the message names the
     *                                  limit, for the user
     * @throws IllegalArgumentException naming the feature and the property when a feature has no 6-digit adcode, no
     *                                  name, a NUL character in its name, parent or level, or no (multi)polygon
     *                                  geometry of finite [lon, lat] positions; when the file is not a FeatureCollection
     *                                  or holds NaN or Infinity (saying on which line)
     * @throws IOException              when the file is not JSON, saying on which line (a NUL byte named as such), or
     *                                  cannot be read; never the JSON parser's own exception or words
     */
    public static List<DistrictBoundary> read(InputStream geojson, CoordinateSystem crs, ReadLimits limits)
            throws IOException {
        List<Feature> features = new ArrayList<>();
        GeoJsonFeatures.read(geojson, limits, (number, feature) -> features.add(feature(number, feature)));
        List<DistrictBoundary> districts = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.set(i, null); // the outline as read is garbage once converted
            Geometry wgs84 = ChinaCoordinates.toWgs84(crs, f.geometry());
            MultiPolygon boundary = asMultiPolygon(wgs84, f.number(), f.adcode());
            double areaKm2 = LocalMetricProjection.centredOn(boundary.getEnvelopeInternal())
                    .toMetric(boundary).getArea() / 1e6;
            districts.add(new DistrictBoundary(f.adcode(), f.name(), f.parent(), f.level(), boundary, areaKm2));
        }
        return districts;
    }

    /** A feature as read, its outline still in the file's coordinate system. */
    private record Feature(int number, String adcode, String name, String parent, String level, Geometry geometry) {
    }

    private static Feature feature(int number, JsonNode feature) {
        JsonNode properties = feature.path("properties");
        String adcode = properties.path("adcode").asText("");
        if (!adcode.matches("\\d{6}")) {
            String shown = adcode.length() > 20 ? adcode.substring(0, 20) + "…" : adcode;
            throw new IllegalArgumentException("feature " + number + ": property adcode must be a 6-digit code, was '"
                    + shown.replace("\0", "\\u0000") + "'");
        }
        String name = withoutNul(properties.path("name").asText("").trim(), "name", number, adcode);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("feature " + number + " (" + adcode + "): property name is missing");
        }
        JsonNode parentNode = properties.path("parent");
        String parent = parentNode.isObject() ? parentNode.path("adcode").asText(null) : parentNode.asText(null);
        parent = parent == null ? null : withoutNul(parent, "parent", number, adcode);
        String level = withoutNul(properties.path("level").asText("district"), "level", number, adcode);
        try {
            return new Feature(number, adcode, name, parent, level, GeoJsonGeometries.read(feature.path("geometry"), WGS84));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feature " + number + " (" + adcode + "): " + e.getMessage(), e);
        }
    }

    /** The text, unless it holds a NUL character: PostgreSQL cannot store one in text, and no district name has one. */
    private static String withoutNul(String text, String property, int number, String adcode) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("第 " + number + " 个要素（" + adcode + "）的属性 " + property
                    + " 含有 NUL 字符（\\u0000） (feature " + number + " (" + adcode + "): property " + property
                    + " holds a NUL character, \\u0000)");
        }
        return text;
    }

    private static MultiPolygon asMultiPolygon(Geometry g, int number, String adcode) {
        if (!g.isValid()) {
            g = g.buffer(0);
        }
        if (g instanceof MultiPolygon mp) {
            return mp;
        }
        if (g instanceof Polygon p) {
            return WGS84.createMultiPolygon(new Polygon[]{p});
        }
        throw new IllegalArgumentException("feature " + number + " (" + adcode + "): geometry is a "
                + g.getGeometryType() + ", expected Polygon or MultiPolygon");
    }
}
