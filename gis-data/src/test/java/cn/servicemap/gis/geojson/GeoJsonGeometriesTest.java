package cn.servicemap.gis.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTReader;

class GeoJsonGeometriesTest {

    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    static final ObjectMapper JSON = new ObjectMapper();

    static Geometry roundTrip(String wkt) throws Exception {
        Geometry g = new WKTReader(WGS84).read(wkt);
        JsonNode json = JSON.valueToTree(GeoJsonGeometries.write(g));
        return GeoJsonGeometries.read(json, WGS84);
    }

    @Test
    void shouldRoundTripEveryGeometryType() throws Exception {
        for (String wkt : List.of("POINT (118.7886 32.0219)", "LINESTRING (118 32, 118.1 32.1)",
                "POLYGON ((118 32, 118.1 32, 118.1 32.1, 118 32.1, 118 32), (118.02 32.02, 118.03 32.02, 118.03 32.03, 118.02 32.02))",
                "MULTIPOLYGON (((118 32, 118.1 32, 118.1 32.1, 118 32)), ((119 32, 119.1 32, 119.1 32.1, 119 32)))",
                "MULTILINESTRING ((118 32, 118.1 32.1), (119 32, 119.1 32.1))", "MULTIPOINT ((118 32), (119 33))",
                "GEOMETRYCOLLECTION (POINT (118 32), LINESTRING (118 32, 118.1 32.1))")) {
            assertThat(roundTrip(wkt).equalsExact(new WKTReader(WGS84).read(wkt))).as(wkt).isTrue();
        }
    }

    @Test
    void shouldWriteLonBeforeLatRoundedToACentimetre() {
        Map<String, Object> point = GeoJsonGeometries.write(WGS84.createPoint(new org.locationtech.jts.geom.Coordinate(118.123456789, 32.987654321)));
        assertThat(point).containsEntry("type", "Point").containsEntry("coordinates", List.of(118.1234568, 32.9876543));
    }

    @Test
    void shouldSayWhatIsWrongWithABadGeometry() throws Exception {
        assertThatThrownBy(() -> GeoJsonGeometries.read(JSON.readTree("{\"type\":\"Circle\"}"), WGS84)).hasMessageContaining("Circle");
        assertThatThrownBy(() -> GeoJsonGeometries.read(JSON.readTree("{\"type\":\"Point\",\"coordinates\":[\"a\",1]}"), WGS84))
                .hasMessageContaining("[lon, lat]");
        assertThatThrownBy(() -> GeoJsonGeometries.read(null, WGS84)).hasMessageContaining("missing");
    }
}
