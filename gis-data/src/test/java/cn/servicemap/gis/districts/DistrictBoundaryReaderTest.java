package cn.servicemap.gis.districts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.testdata.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

class DistrictBoundaryReaderTest {

    static List<DistrictBoundary> nanjing(CoordinateSystem declared) throws IOException {
        try (InputStream in = Files.newInputStream(TestData.sharedFile("admin-boundaries-datav/320100_full.json"))) {
            return DistrictBoundaryReader.read(in, declared);
        }
    }

    @Test
    void shouldReadNanjingsElevenDistrictsWithOfficialAreas() throws IOException {
        Map<String, DistrictBoundary> byCode = nanjing(CoordinateSystem.GCJ02).stream()
                .collect(Collectors.toMap(DistrictBoundary::adcode, Function.identity()));
        assertThat(byCode).hasSize(11);
        assertThat(byCode.get("320102").nameZh()).isEqualTo("玄武区");
        assertThat(byCode.get("320102").parentAdcode()).isEqualTo("320100");
        // Official areas (km², 南京市统计年鉴); DataV outlines are simplified, so within 4 %.
        Map<String, Double> official = Map.of("320102", 75.46, "320104", 49.11, "320106", 54.18, "320105", 80.87,
                "320114", 134.59, "320115", 1561.0);
        official.forEach((adcode, km2) -> assertThat(byCode.get(adcode).areaKm2()).as(adcode).isCloseTo(km2, within(km2 * 0.04)));
        byCode.values().forEach(d -> assertThat(d.geometry().isValid()).as(d.adcode()).isTrue());
        byCode.values().forEach(d -> assertThat(d.geometry().getSRID()).isEqualTo(4326));
    }

    @Test
    void shouldShiftGcj02BoundariesAboutHalfAKilometreToWgs84() throws IOException {
        Map<String, Point> raw = nanjing(CoordinateSystem.WGS84).stream()
                .collect(Collectors.toMap(DistrictBoundary::adcode, d -> d.geometry().getCentroid()));
        for (DistrictBoundary d : nanjing(CoordinateSystem.GCJ02)) {
            Point converted = d.geometry().getCentroid();
            Point asGiven = raw.get(d.adcode());
            double shift = Geodesic.distanceMeters(converted.getX(), converted.getY(), asGiven.getX(), asGiven.getY());
            assertThat(shift).as(d.nameZh()).isBetween(450.0, 620.0);
            // GCJ-02 lies east and south of WGS84 in Nanjing, so converting moves the outline west and north.
            assertThat(converted.getX()).isLessThan(asGiven.getX());
            assertThat(converted.getY()).isGreaterThan(asGiven.getY());
        }
    }

    @Test
    void shouldNameTheFeatureAndPropertyThatIsWrong() {
        String noAdcode = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"某区"},
                 "geometry":{"type":"Polygon","coordinates":[[[118,32],[118.1,32],[118.1,32.1],[118,32]]]}}]}""";
        assertThatThrownBy(() -> DistrictBoundaryReader.read(stream(noAdcode), CoordinateSystem.WGS84))
                .hasMessageContaining("feature 1").hasMessageContaining("adcode");
        String line = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":320102,"name":"玄武区"},
                 "geometry":{"type":"LineString","coordinates":[[118,32],[118.1,32]]}}]}""";
        assertThatThrownBy(() -> DistrictBoundaryReader.read(stream(line), CoordinateSystem.WGS84))
                .hasMessageContaining("LineString");
        assertThatThrownBy(() -> DistrictBoundaryReader.read(stream("{\"type\":\"Feature\"}"), CoordinateSystem.WGS84))
                .hasMessageContaining("FeatureCollection");
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
