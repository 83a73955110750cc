package cn.servicemap.gis.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.table.ShapefileTestWriter.Feature;

class ShapefileRowSourceTest {

    @TempDir
    Path dir;

    /** Four records: a station, a deleted one, one without geometry, another station. */
    private static ShapefileTestWriter stations() {
        return new ShapefileTestWriter()
                .field("名称", 'C', 40, 0)
                .field("类型", 'C', 30, 0)
                .field("容量", 'N', 5, 0)
                .field("面积", 'N', 10, 2)
                .field("开放", 'L', 1, 0)
                .field("建成", 'D', 8, 0)
                .feature(Feature.point(118.7837654321, 32.0412345, "新街口爱心驿站", "户外劳动者服务站点", 12, 35.5, true, "20230501"))
                .feature(new Feature(new double[] {118.0, 32.0}, List.of("已删除", "", 0, 0.0, false, ""), true))
                .feature(new Feature(null, List.of("鼓楼职工之家", "职工之家"), false))
                .feature(Feature.point(118.77, 32.06, "河西工会驿站", "工会驿站"))
                .prj(ShapefileTestWriter.WGS84_PRJ);
    }

    @Test
    void shouldRoundTripGbkNamesAndCoordinates() throws IOException {
        Path zip = stations().cpg("GBK").writeZip(dir.resolve("stations.zip"), true);
        List<SourceRow> rows;
        try (RowSource source = RowSources.open(zip, "站点.zip")) {
            assertThat(source.format()).isEqualTo("Shapefile");
            assertThat(source.declaredCoordinateSystem()).contains(CoordinateSystem.WGS84);
            assertThat(source.headers()).containsExactly("名称", "类型", "容量", "面积", "开放", "建成", "lon", "lat");
            rows = CsvRowSourceTest.readAll(source);
        }
        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(1, 3, 4);

        SourceRow first = rows.get(0);
        assertThat(first.readProblems()).isEmpty();
        assertThat(first.cell("名称")).isEqualTo("新街口爱心驿站");
        assertThat(first.cell("类型")).isEqualTo("户外劳动者服务站点");
        assertThat(first.cell("lon")).isEqualTo("118.7837654321");
        assertThat(first.cell("lat")).isEqualTo("32.0412345");
        assertThat(first.cell("容量")).isEqualTo("12");
        assertThat(first.cell("面积")).isEqualTo("35.5");
        assertThat(first.cell("开放")).isEqualTo("true");
        assertThat(first.cell("建成")).isEqualTo("2023-05-01");

        assertThat(rows.get(1).cell("名称")).isEqualTo("鼓楼职工之家");
        assertThat(rows.get(1).readProblems()).singleElement().asString().contains("no geometry");
        assertThat(rows.get(1).cell("lon")).isEmpty();
        assertThat(rows.get(2).cell("lon")).isEqualTo("118.77");
        assertThat(rows.get(2).cells()).containsEntry("容量", "").containsEntry("开放", "").containsEntry("建成", "");
    }

    @Test
    void shouldDetectTheEncodingWithoutCpg() throws IOException {
        Path gbk = stations().writeZip(dir.resolve("gbk.zip"), true);
        Path utf8 = stations().charset(StandardCharsets.UTF_8).writeZip(dir.resolve("utf8.zip"), true);
        List<SourceRow> fromGbk;
        try (RowSource source = RowSources.open(gbk, "gbk.zip")) {
            assertThat(source.headers()).first().isEqualTo("名称");
            fromGbk = CsvRowSourceTest.readAll(source);
        }
        try (RowSource source = RowSources.open(utf8, "utf8.zip")) {
            assertThat(CsvRowSourceTest.readAll(source)).isEqualTo(fromGbk);
        }
        assertThat(fromGbk.get(0).cell("名称")).isEqualTo("新街口爱心驿站");
    }

    @Test
    void shouldHonourACpgThatSaysUtf8() throws IOException {
        Path zip = stations().charset(StandardCharsets.UTF_8).cpg("UTF-8").writeZip(dir.resolve("u.zip"), true);
        try (RowSource source = RowSources.open(zip, "u.zip")) {
            assertThat(CsvRowSourceTest.readAll(source).get(0).cell("类型")).isEqualTo("户外劳动者服务站点");
        }
    }

    @Test
    void shouldFindTheLayerInAFolderWithUpperCaseNamesAndReadPointZ() throws IOException {
        Path zip = stations().shapeType(11).path("导出/layer/", "STATIONS").cpg("936").prj(ShapefileTestWriter.CGCS2000_PRJ)
                .extraEntry("导出/说明.txt", "readme".getBytes(StandardCharsets.UTF_8))
                .extraEntry("__MACOSX/导出/layer/._STATIONS.shp", new byte[] {0})
                .writeZip(dir.resolve("nested.zip"), true);
        try (RowSource source = RowSources.open(zip, "nested.ZIP")) {
            assertThat(source.declaredCoordinateSystem()).contains(CoordinateSystem.CGCS2000);
            SourceRow first = CsvRowSourceTest.readAll(source).get(0);
            assertThat(first.cell("名称")).isEqualTo("新街口爱心驿站");
            assertThat(first.cell("lon")).isEqualTo("118.7837654321");
        }
    }

    @Test
    void shouldAcceptSinglePointMultiPointsOnly() throws IOException {
        Path zip = new ShapefileTestWriter().shapeType(8).field("名称", 'C', 20, 0)
                .feature(new Feature(new double[] {118.78, 32.04}, List.of("一个点"), false))
                .feature(new Feature(new double[] {118.78, 32.04, 118.79, 32.05}, List.of("两个点"), false))
                .writeZip(dir.resolve("multi.zip"), true);
        try (RowSource source = RowSources.open(zip, "multi.zip")) {
            assertThat(source.declaredCoordinateSystem()).isEmpty();
            List<SourceRow> rows = CsvRowSourceTest.readAll(source);
            assertThat(rows.get(0).readProblems()).isEmpty();
            assertThat(rows.get(0).cell("lat")).isEqualTo("32.04");
            assertThat(rows.get(1).readProblems()).singleElement().asString().contains("MultiPoint of 2 points");
        }
    }

    /**
     * A Gauss–Krüger layer (CGCS2000, 3° zone with central meridian 120°E), its points where PROJ's cs2cs puts
     * 东铁管巷 (118.7785, 32.042) and a point in 福州 (119.2965, 26.0745): read as WGS84 within a metre, and said so.
     */
    @Test
    void shouldConvertAGaussKrugerLayerToWgs84() throws IOException {
        Path zip = new ShapefileTestWriter().field("名称", 'C', 40, 0)
                .feature(new Feature(new double[] {384625.4235, 3547162.2402}, List.of("新街口"), false))
                .feature(new Feature(new double[] {429610.5796, 2885278.2669}, List.of("福州"), false))
                .prj(ShapefileTestWriter.CGCS2000_GK_PRJ).writeZip(dir.resolve("gk.zip"), true);
        try (RowSource source = RowSources.open(zip, "gk.zip")) {
            assertThat(source.declaredCoordinateSystem()).contains(CoordinateSystem.WGS84);
            assertThat(source.convertedFrom()).contains("CGCS2000_3_Degree_GK_CM_120E");
            List<SourceRow> rows = CsvRowSourceTest.readAll(source);
            assertThat(Geodesic.distanceMeters(Double.parseDouble(rows.get(0).cell("lon")), Double.parseDouble(rows.get(0).cell("lat")),
                    118.7785, 32.042)).isLessThan(1);
            assertThat(Geodesic.distanceMeters(Double.parseDouble(rows.get(1).cell("lon")), Double.parseDouble(rows.get(1).cell("lat")),
                    119.2965, 26.0745)).isLessThan(1);
        }
        // Beijing 1954: converted, and the report is told the datum shift is approximate
        Path beijing = new ShapefileTestWriter().field("名称", 'C', 40, 0)
                .feature(new Feature(new double[] {384562.9003, 3547217.4091}, List.of("新街口"), false))
                .prj(ShapefileTestWriter.CGCS2000_GK_PRJ.replace("CGCS2000_3_Degree_GK_CM_120E", "Beijing_1954_3_Degree_GK_CM_120E")
                        .replace("GCS_China_Geodetic_Coordinate_System_2000", "GCS_Beijing_1954").replace("D_China_2000", "D_Beijing_1954")
                        .replace("SPHEROID[\"CGCS2000\",6378137.0,298.257222101]", "SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]"))
                .writeZip(dir.resolve("bj54.zip"), true);
        try (RowSource source = RowSources.open(beijing, "bj54.zip")) {
            assertThat(source.convertedFrom().orElseThrow()).contains("Beijing_1954").contains("近似");
            SourceRow row = CsvRowSourceTest.readAll(source).get(0);
            assertThat(Geodesic.distanceMeters(Double.parseDouble(row.cell("lon")), Double.parseDouble(row.cell("lat")), 118.7785, 32.042))
                    .isLessThan(1);
        }
    }

    @Test
    void shouldRejectAProjectionItCannotConvertNamingIt() throws IOException {
        Path zip = stations().prj("PROJCS[\"Asia_Lambert_Conformal_Conic\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
                + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Lambert_Conformal_Conic\"],PARAMETER[\"Central_Meridian\",105.0],UNIT[\"Meter\",1.0]]")
                .writeZip(dir.resolve("lcc.zip"), true);
        assertThatThrownBy(() -> RowSources.open(zip, "lcc.zip"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Asia_Lambert_Conformal_Conic")
                .hasMessageContaining("高斯-克吕格");
    }

    @Test
    void shouldRejectOtherGeographicDatums() throws IOException {
        Path zip = stations().prj("GEOGCS[\"GCS_Tokyo\",DATUM[\"D_Tokyo\",SPHEROID[\"Bessel_1841\",6377397.155,299.1528128]],"
                + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]").writeZip(dir.resolve("tokyo.zip"), true);
        assertThatThrownBy(() -> RowSources.open(zip, "tokyo.zip")).isInstanceOf(IOException.class).hasMessageContaining("GCS_Tokyo");
    }

    @Test
    void shouldRejectPolygonLayers() throws IOException {
        Path zip = new ShapefileTestWriter().shapeType(5).field("名称", 'C', 20, 0)
                .feature(new Feature(new double[] {118.7, 32.0, 118.8, 32.0, 118.8, 32.1, 118.7, 32.0}, List.of("区"), false))
                .writeZip(dir.resolve("poly.zip"), true);
        assertThatThrownBy(() -> RowSources.open(zip, "poly.zip"))
                .isInstanceOf(IOException.class).hasMessageContaining("contains Polygon geometries, expected points");
    }

    @Test
    void shouldExplainIncompleteOrAmbiguousZips() throws IOException {
        Path noDbf = stations().writeZip(dir.resolve("nodbf.zip"), false);
        assertThatThrownBy(() -> RowSources.open(noDbf, "nodbf.zip"))
                .isInstanceOf(IOException.class).hasMessageContaining("no matching .dbf");

        Path two = stations().extraEntry("other.shp", new byte[100]).writeZip(dir.resolve("two.zip"), true);
        assertThatThrownBy(() -> RowSources.open(two, "two.zip"))
                .isInstanceOf(IOException.class).hasMessageContaining("2 Shapefiles");

        Path onlyText = dir.resolve("only-text.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(onlyText))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write('x');
        }
        assertThatThrownBy(() -> RowSources.open(onlyText, "only-text.zip"))
                .isInstanceOf(IOException.class).hasMessageContaining("no .shp file");

        Path notZip = Files.writeString(dir.resolve("fake.zip"), "not a zip");
        assertThatThrownBy(() -> RowSources.open(notZip, "fake.zip")).isInstanceOf(IOException.class);
    }

    @Test
    void shouldRecogniseCodePageNames() {
        Charset gb = Charset.forName("GB18030");
        for (String name : List.of("GBK", "936", "CP936", "gb2312", "GB18030", "ANSI 936", " gbk\n")) {
            assertThat(TextEncoding.fromCodePage(name)).as(name).contains(gb);
        }
        assertThat(TextEncoding.fromCodePage("UTF-8")).contains(StandardCharsets.UTF_8);
        assertThat(TextEncoding.fromCodePage("65001")).contains(StandardCharsets.UTF_8);
        assertThat(TextEncoding.fromCodePage("nonsense")).isEmpty();
        assertThat(TextEncoding.fromCodePage("")).isEmpty();
    }
}
