package cn.servicemap.gis.table;

import cn.servicemap.gis.testdata.TestData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.servicemap.gis.crs.CoordinateSystem;

class GeoJsonRowSourceTest {

    private static final String COLLECTION = """
            {"type": "FeatureCollection",
             "features": [
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [118.7837654321, 32.041200]},
               "properties": {"名称": " 新街口爱心驿站 ", "容量": 12, "评分": 4.50, "开放": true,
                              "服务": ["饮水", "充电"], "联系": {"电话": "025-1234"}, "备注": null}},
              {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[118.7, 32.0], [118.8, 32.1]]},
               "properties": {"名称": "一条路"}},
              {"type": "Feature", "geometry": null, "properties": {"名称": "没有位置", "区": "鼓楼"}},
              {"type": "Feature", "geometry": {"type": "MultiPoint", "coordinates": [[118.77, 32.06]]},
               "properties": {"名称": "单点"}},
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": []}, "properties": {}},
              {"type": "Feature", "geometry": {"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}, "properties": {}},
              {"type": "Feature", "geometry": null, "properties": {"名称": "属性里有坐标", "lon": 118.5, "lat": "32.5"}},
              null
             ],
             "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
            }
            """;

    @TempDir
    Path dir;

    @Test
    void shouldReadPointsAndFlattenProperties() throws IOException {
        List<SourceRow> rows;
        try (RowSource source = RowSources.open(write("stations.geojson", COLLECTION), "站点.geojson")) {
            assertThat(source.format()).isEqualTo("GeoJSON");
            assertThat(source.declaredCoordinateSystem()).contains(CoordinateSystem.WGS84);
            assertThat(source.headers()).containsExactly("名称", "容量", "评分", "开放", "服务", "联系", "备注", "区", "lon", "lat");
            rows = CsvRowSourceTest.readAll(source);
        }
        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);

        SourceRow point = rows.get(0);
        assertThat(point.readProblems()).isEmpty();
        assertThat(point.cell("名称")).isEqualTo("新街口爱心驿站");
        assertThat(point.cell("lon")).isEqualTo("118.7837654321");
        assertThat(point.cell("lat")).isEqualTo("32.0412");
        assertThat(point.cell("容量")).isEqualTo("12");
        assertThat(point.cell("评分")).isEqualTo("4.5");
        assertThat(point.cell("开放")).isEqualTo("true");
        assertThat(point.cell("服务")).isEqualTo("饮水,充电");
        assertThat(point.cell("联系")).isEqualTo("{\"电话\":\"025-1234\"}");
        assertThat(point.cells()).containsEntry("备注", "").containsEntry("区", "");

        assertThat(rows.get(1).readProblems()).containsExactly("geometry is a LineString, expected Point");
        assertThat(rows.get(1).cell("lon")).isEmpty();
        assertThat(rows.get(2).readProblems()).containsExactly("the feature has no geometry");
        assertThat(rows.get(2).cell("区")).isEqualTo("鼓楼");
        assertThat(rows.get(3).readProblems()).isEmpty();
        assertThat(rows.get(3).cell("lon")).isEqualTo("118.77");
        assertThat(rows.get(4).readProblems()).containsExactly("geometry is an empty Point");
        assertThat(rows.get(5).readProblems()).singleElement().asString().contains("MultiPoint of 2 points");
        assertThat(rows.get(6).readProblems()).as("coordinates given as properties").isEmpty();
        assertThat(rows.get(6).cell("lon")).isEqualTo("118.5");
        assertThat(rows.get(6).cell("lat")).isEqualTo("32.5");
        assertThat(rows.get(7).readProblems()).containsExactly("feature 8 is not a JSON object");
    }

    @Test
    void shouldReadASingleFeatureAndCgcs2000Crs() throws IOException {
        String feature = """
                {"type": "Feature", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4490"}},
                 "properties": {"名称": "职工服务中心"}, "geometry": {"type": "Point", "coordinates": [118.78, 32.04, 12.5]}}
                """;
        try (RowSource source = RowSources.open(write("one.json", feature), "one.json")) {
            assertThat(source.declaredCoordinateSystem()).contains(CoordinateSystem.CGCS2000);
            assertThat(source.headers()).containsExactly("名称", "lon", "lat");
            List<SourceRow> rows = CsvRowSourceTest.readAll(source);
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.rowNumber()).isEqualTo(1);
                assertThat(row.cell("lon")).isEqualTo("118.78");
                assertThat(row.cell("名称")).isEqualTo("职工服务中心");
            });
        }
    }

    @Test
    void shouldDeclareNothingWithoutCrsAndRejectProjectedCrs() throws IOException {
        String plain = "{\"type\":\"FeatureCollection\",\"features\":[]}";
        try (RowSource source = RowSources.open(write("plain.geojson", plain), "plain.geojson")) {
            assertThat(source.declaredCoordinateSystem()).isEmpty();
            assertThat(source.headers()).containsExactly("lon", "lat");
            assertThat(source.iterator().hasNext()).isFalse();
        }
        String mercator = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                + "{\"name\":\"urn:ogc:def:crs:EPSG::3857\"}},\"features\":[]}";
        assertThatThrownBy(() -> RowSources.open(write("m.geojson", mercator), "m.geojson"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("EPSG::3857").hasMessageContaining("WGS84 or CGCS2000");
    }

    @Test
    void shouldRejectWhatIsNotAFeatureCollection() throws IOException {
        assertThatThrownBy(() -> RowSources.open(write("g.json", "{\"type\":\"Point\",\"coordinates\":[1,2]}"), "g.json"))
                .isInstanceOf(IOException.class).hasMessageContaining("FeatureCollection or a Feature");
        assertThatThrownBy(() -> RowSources.open(write("a.json", "[1,2]"), "a.json"))
                .isInstanceOf(IOException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> RowSources.open(write("bad.json", "{\"type\": \"FeatureCollection\", \"features\": [}"), "bad.json"))
                .isInstanceOf(IOException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void shouldReadTheRealDataVBoundariesAsNonPointRows() throws IOException {
        Path nanjing = TestData.sharedFile("admin-boundaries-datav/320100_full.json");
        try (RowSource source = RowSources.open(nanjing, "320100_full.json")) {
            assertThat(source.declaredCoordinateSystem()).as("DataV is GCJ-02 but says nothing").isEmpty();
            assertThat(source.headers()).contains("adcode", "name", "center", "level", "parent", "lon", "lat");
            List<SourceRow> rows = CsvRowSourceTest.readAll(source);
            assertThat(rows).hasSize(11);
            assertThat(rows).extracting(r -> r.cell("name")).contains("玄武区", "高淳区");
            assertThat(rows.get(0).cell("adcode")).isEqualTo("320102");
            assertThat(rows.get(0).cell("center")).matches("118\\.\\d+,32\\.\\d+");
            assertThat(rows).allSatisfy(r -> assertThat(r.readProblems())
                    .containsExactly("geometry is a MultiPolygon, expected Point"));
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
