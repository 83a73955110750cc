package cn.servicemap.gis.districts;

import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.LocalMetricProjection;
import cn.servicemap.gis.geojson.GeoJsonGeometries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 */
public final class DistrictBoundaryReader {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private DistrictBoundaryReader() {
    }

    /**
     * @throws IllegalArgumentException naming the feature and the property when a feature has no
     *                                  6-digit adcode, no name or no (multi)polygon geometry
     */
    public static List<DistrictBoundary> read(InputStream geojson, CoordinateSystem crs) throws IOException {
        JsonNode root = new ObjectMapper().readTree(geojson);
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new IllegalArgumentException("not a GeoJSON FeatureCollection");
        }
        List<DistrictBoundary> districts = new ArrayList<>();
        int number = 0;
        for (JsonNode feature : root.path("features")) {
            number++;
            JsonNode properties = feature.path("properties");
            String adcode = properties.path("adcode").asText("");
            if (!adcode.matches("\\d{6}")) {
                throw new IllegalArgumentException("feature " + number + ": property adcode must be a 6-digit code, was '" + adcode + "'");
            }
            String name = properties.path("name").asText("").trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("feature " + number + " (" + adcode + "): property name is missing");
            }
            JsonNode parentNode = properties.path("parent");
            String parent = parentNode.isObject() ? parentNode.path("adcode").asText(null) : parentNode.asText(null);
            String level = properties.path("level").asText("district");
            Geometry source = GeoJsonGeometries.read(feature.path("geometry"), WGS84);
            Geometry wgs84 = ChinaCoordinates.toWgs84(crs, source);
            MultiPolygon boundary = asMultiPolygon(wgs84, number, adcode);
            double areaKm2 = LocalMetricProjection.centredOn(boundary.getEnvelopeInternal())
                    .toMetric(boundary).getArea() / 1e6;
            districts.add(new DistrictBoundary(adcode, name, parent, level, boundary, areaKm2));
        }
        return districts;
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
