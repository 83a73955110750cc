package cn.servicemap.gis.districts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.table.ReadLimitException;
import cn.servicemap.gis.table.ReadLimits;
import cn.servicemap.gis.testdata.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
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

    // ---------------------------------------------------------------- hostile files: refused early, the limit named

    @Test
    void shouldRefuseNestingOf5000LevelsWithTheLimitAndNoWordOfTheParser() {
        String deep = collection(feature("320102", "玄武区", "\"x\":" + "[".repeat(5_000) + "]".repeat(5_000)));
        assertThatThrownBy(() -> DistrictBoundaryReader.read(stream(deep), CoordinateSystem.WGS84))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("GeoJSON 嵌套超过 64 层 (the GeoJSON is nested more than 64 levels deep)")
                .hasMessageNotContaining("Constraint").hasMessageNotContaining("maxNestingDepth");
        // a member that is skipped unread is still parsed, so its nesting counts too
        String deepBbox = "{\"type\":\"FeatureCollection\",\"bbox\":" + "[".repeat(5_000) + "]".repeat(5_000) + ",\"features\":[]}";
        assertThatThrownBy(() -> DistrictBoundaryReader.read(stream(deepBbox), CoordinateSystem.WGS84))
                .isInstanceOf(ReadLimitException.class).hasMessageContaining("嵌套超过 64 层");
    }

    @Test
    void shouldRefuseMoreFeaturesThanMaxRows() throws IOException {
        String four = collection(feature("320102", "玄武区", ""), feature("320104", "秦淮区", ""),
                feature("320105", "建邺区", ""), feature("320106", "鼓楼区", ""));
        assertThat(DistrictBoundaryReader.read(stream(four), CoordinateSystem.WGS84, ReadLimits.DEFAULTS.withMaxRows(4))).hasSize(4);
        assertThatThrownBy(() -> DistrictBoundaryReader.read(stream(four), CoordinateSystem.WGS84, ReadLimits.DEFAULTS.withMaxRows(3)))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("GeoJSON 的要素超过 3 个 (the GeoJSON has more than 3 features)");
    }

    @Test
    void shouldRefuseMoreJsonValuesInTheWholeFileThanMaxFileValues() throws IOException {
        // each feature: 21 values (the feature, its type, properties, adcode, name, geometry, its type, coordinates, the
        // ring, and 4 positions of 3: the array and two numbers)
        String two = collection(feature("320102", "玄武区", ""), feature("320104", "秦淮区", ""));
        assertThat(DistrictBoundaryReader.read(stream(two), CoordinateSystem.WGS84, ReadLimits.DEFAULTS.withMaxFileValues(42)))
                .hasSize(2);
        // counted over the file, not per feature
        assertThatThrownBy(() -> DistrictBoundaryReader.read(stream(two), CoordinateSystem.WGS84,
                ReadLimits.DEFAULTS.withMaxFileValues(41)))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("GeoJSON 中的值超过 41 个（约 13 个坐标点） (the GeoJSON holds more than 41 values, about 13 positions)");
        assertThat(ReadLimits.DEFAULTS.maxFileValues()).isEqualTo(30_000_000);
    }

    @Test
    void shouldReadTheRealFileWellWithinTheValueLimit() throws IOException {
        // Nanjing's 11 simplified districts: 2,520 positions, 7,845 JSON values in the features (the default allows 30 million)
        ReadLimits tight = ReadLimits.DEFAULTS.withMaxFileValues(7_845);
        try (InputStream in = Files.newInputStream(TestData.sharedFile("admin-boundaries-datav/320100_full.json"))) {
            assertThat(DistrictBoundaryReader.read(in, CoordinateSystem.GCJ02, tight)).hasSize(11);
        }
        try (InputStream in = Files.newInputStream(TestData.sharedFile("admin-boundaries-datav/320100_full.json"))) {
            assertThatThrownBy(() -> DistrictBoundaryReader.read(in, CoordinateSystem.GCJ02, tight.withMaxFileValues(7_844)))
                    .isInstanceOf(ReadLimitException.class).hasMessageContaining("more than 7,844 values");
        }
    }

    @Test
    void shouldRefuseAPropertyLongerThanMaxCellChars() throws IOException {
        String longName = collection(feature("320102", "长".repeat(10_001), ""));
        assertThatThrownBy(() -> DistrictBoundaryReader.read(stream(longName), CoordinateSystem.WGS84))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("GeoJSON 中有一段文本超过 10000 个字符 (a text in the GeoJSON is longer than 10,000 characters)");
        String longOther = collection(feature("320102", "玄武区", "\"acroutes\":\"" + "x".repeat(10_001) + "\""));
        assertThatThrownBy(() -> DistrictBoundaryReader.read(stream(longOther), CoordinateSystem.WGS84))
                .isInstanceOf(ReadLimitException.class).hasMessageContaining("10,000 characters");
        String longKey = collection(feature("320102", "玄武区", "\"" + "k".repeat(10_001) + "\":1"));
        assertThatThrownBy(() -> DistrictBoundaryReader.read(stream(longKey), CoordinateSystem.WGS84))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("GeoJSON 中有一个属性名超过 10000 个字符 (a property name in the GeoJSON is longer than 10,000 characters)");
        // the limit itself is allowed
        String atLimit = collection(feature("320102", "长".repeat(10_000), ""));
        assertThat(DistrictBoundaryReader.read(stream(atLimit), CoordinateSystem.WGS84).get(0).nameZh()).hasSize(10_000);
    }

    @Test
    void shouldRefuseNaNAndInfinityWhereverTheyStand() {
        for (String bad : new String[]{"NaN", "Infinity", "-Infinity", "1e999"}) {
            String inRing = collection(feature("320102", "玄武区", "").replace("[118.1,32]", "[" + bad + ",32]"));
            assertThatThrownBy(() -> DistrictBoundaryReader.read(stream(inRing), CoordinateSystem.WGS84)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("GeoJSON 第 2 行有非有限的数")
                    .hasMessageContaining("line 2 of the GeoJSON holds a number that is not finite: NaN, Infinity");
            String inProperty = collection(feature("320102", "玄武区", "\"childrenNum\":" + bad));
            assertThatThrownBy(() -> DistrictBoundaryReader.read(stream(inProperty), CoordinateSystem.WGS84)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
        }
        // an integer of 400 digits is a number, but no double: named with its feature
        String huge = collection(feature("320102", "玄武区", "").replace("[118.1,32]", "[1" + "0".repeat(400) + ",32]"));
        assertThatThrownBy(() -> DistrictBoundaryReader.read(stream(huge), CoordinateSystem.WGS84))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("feature 1 (320102): a position must be [lon, lat] of finite numbers");
    }

    @Test
    void shouldNameANulByteOrANulCharacterClearly() {
        byte[] file = collection(feature("320102", "玄武区", "")).getBytes(StandardCharsets.UTF_8);
        byte[] zeros = Arrays.copyOf(file, file.length + 4_096); // a file padded with zeros, as a broken copy leaves it
        assertThatThrownBy(() -> DistrictBoundaryReader.read(new ByteArrayInputStream(zeros), CoordinateSystem.WGS84))
                .isInstanceOf(IOException.class).isNotInstanceOf(ReadLimitException.class)
                .hasMessageContaining("含有 NUL 字节").hasMessageContaining("holds a NUL byte (0x00) at line 2")
                .hasMessageNotContaining("CTRL-CHAR");
        byte[] inName = collection(feature("320102", "玄武\0区", "")).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DistrictBoundaryReader.read(new ByteArrayInputStream(inName), CoordinateSystem.WGS84))
                .isInstanceOf(IOException.class).hasMessageContaining("holds a NUL byte (0x00) at line 2");
        // escaped, it is valid JSON, but no database text holds it
        String escaped = collection(feature("320102", "玄武\\u0000区", ""));
        assertThatThrownBy(() -> DistrictBoundaryReader.read(stream(escaped), CoordinateSystem.WGS84))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature 1 (320102): property name holds a NUL character");
    }

    @Test
    void shouldSayOnWhichLineAFileStopsBeingJson() {
        String cut = collection(feature("320102", "玄武区", ""));
        assertThatThrownBy(() -> DistrictBoundaryReader.read(stream(cut.substring(0, cut.length() - 30)), CoordinateSystem.WGS84))
                .isInstanceOf(IOException.class).isNotInstanceOf(ReadLimitException.class)
                .hasMessageStartingWith("文件不是有效的 JSON（第 2 行） (the file is not valid JSON, line 2)")
                .hasMessageNotContaining("Unexpected end-of-input");
        assertThatThrownBy(() -> DistrictBoundaryReader.read(stream(cut + "\n" + cut), CoordinateSystem.WGS84))
                .isInstanceOf(IOException.class)
                .hasMessage("文件在 GeoJSON 对象之后还有内容（第 3 行） (the file goes on after the GeoJSON object, at line 3)");
        assertThatThrownBy(() -> DistrictBoundaryReader.read(stream("[]"), CoordinateSystem.WGS84))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a GeoJSON FeatureCollection");
        assertThatThrownBy(() -> DistrictBoundaryReader.read(stream("{\"type\":\"FeatureCollection\",\"features\":{}}"),
                CoordinateSystem.WGS84)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an array");
    }

    /** A FeatureCollection: its first line the header, each feature on a line of its own. */
    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + String.join(",\n", features) + "]}";
    }

    /** A district feature with a small square outline (WGS84); {@code more}: further properties, as JSON members. */
    private static String feature(String adcode, String name, String more) {
        return "{\"type\":\"Feature\",\"properties\":{\"adcode\":\"" + adcode + "\",\"name\":\"" + name + "\""
                + (more.isEmpty() ? "" : "," + more) + "},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[118,32],[118.1,32],[118.1,32.1],[118,32]]]}}";
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
