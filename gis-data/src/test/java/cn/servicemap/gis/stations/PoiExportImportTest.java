package cn.servicemap.gis.stations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.table.RowSource;
import cn.servicemap.gis.table.RowSources;
import cn.servicemap.gis.testdata.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Station files that are POI exports of AMap, Tencent and Baidu, with their own column names and coordinate systems. */
class PoiExportImportTest {

    @TempDir
    Path dir;

    final StationChecker checker = new StationChecker(TestData.catalog(), new DistrictLocator(List.of(), 200));

    ImportReport check(String fileName, String content, CoordinateSystem crs) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        try (RowSource rows = RowSources.open(file, fileName)) {
            return StationImportCheck.check(rows, fileName, crs, checker, List.of());
        }
    }

    static final String AMAP = """
            id,name,type,typecode,address,location,pname,cityname,adname,tel,站点类型
            B0FFG0ZJ1A,新街口爱心驿站,生活服务;生活服务场所;生活服务场所,070000,中山路1号,"118.784120,32.041230",江苏省,南京市,秦淮区,025-84561234;025-84561235,爱心驿站
            B0FFG0ZJ1B,汉中路爱心驿站,生活服务;生活服务场所;生活服务场所,070000,汉中路2号,"118.774500,32.040100",江苏省,南京市,鼓楼区,,爱心驿站
            """;

    @Test
    void shouldReadAnAmapExportAsGcj02WhenNoSystemIsDeclared() throws IOException {
        ImportReport r = check("amap.csv", AMAP, null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.coordinateSystem()).isEqualTo(CoordinateSystem.GCJ02);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("高德", "GCJ-02", "typecode", "AMap export"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("pname", "not imported"));
        assertThat(r.warnings()).noneSatisfy(w -> assertThat(w).contains("忽略未识别的列"));
        CheckedStation s = r.goodRows().get(0).station();
        LonLat wgs84 = ChinaCoordinates.wgs84FromGcj02(118.784120, 32.041230);
        assertThat(s.lon()).isCloseTo(wgs84.lon(), within(1e-9));
        assertThat(s.lat()).isCloseTo(wgs84.lat(), within(1e-9));
        assertThat(s.name()).isEqualTo("新街口爱心驿站");
        assertThat(s.address()).isEqualTo("中山路1号");
        assertThat(s.phone()).isEqualTo("025-84561234;025-84561235");
        assertThat(s.kind()).isNotNull();
    }

    @Test
    void shouldTakeAnEmptyListOfAnExportForNoValue() throws IOException {
        ImportReport r = check("amap.csv", AMAP.replace("中山路1号", "[]").replace("025-84561234;025-84561235", "[]"), null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.goodRows().get(0).station().address()).isNull();
        assertThat(r.goodRows().get(0).station().phone()).isNull();
    }

    @Test
    void shouldWarnWhenAnAmapExportIsDeclaredWgs84() throws IOException {
        ImportReport r = check("amap.csv", AMAP, CoordinateSystem.WGS84);
        assertThat(r.coordinateSystem()).isEqualTo(CoordinateSystem.WGS84);
        assertThat(r.goodRows()).hasSize(2);
        assertThat(r.goodRows().get(0).station().lon()).isEqualTo(118.78412);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("所选坐标系 WGS84", "高德", "请改选 GCJ-02", "import it again declaring GCJ02"));
    }

    @Test
    void shouldNotTakeTheAmapCategoryForAStationKind() throws IOException {
        ImportReport r = check("amap.csv", AMAP.replace(",站点类型", "").replace(",爱心驿站\n", "\n"), null);
        assertThat(r.fileRejected()).isTrue();
        assertThat(r.problems()).extracting(RowProblem::code).containsExactly(ProblemCode.MISSING_COLUMN);
        assertThat(r.problems().get(0).reason()).contains("kind");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("type、typecode", "地点分类", "站点类型"));
    }

    @Test
    void shouldReadABaiduExportWithLocationLatAndLngAsBd09() throws IOException {
        ImportReport r = check("baidu.csv", """
                uid,name,address,telephone,location.lat,location.lng,detail_info.tag,kind
                a1b2c3,新街口工会驿站,中山路5号,(025)84561234,32.047000,118.790000,生活服务,工会驿站
                """, null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.coordinateSystem()).isEqualTo(CoordinateSystem.BD09);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("百度", "BD-09", "uid"));
        LonLat wgs84 = ChinaCoordinates.wgs84FromBd09(118.79, 32.047);
        assertThat(r.goodRows().get(0).station().lon()).isCloseTo(wgs84.lon(), within(1e-9));
        assertThat(r.goodRows().get(0).station().lat()).isCloseTo(wgs84.lat(), within(1e-9));
    }

    @Test
    void shouldReadATencentPlaceSearchExportAsGcj02() throws IOException {
        ImportReport r = check("tencent.csv", """
                id,title,address,tel,category,location.lat,location.lng,ad_info.adcode,站点类型
                1234567890,鼓楼爱心驿站,中山北路1号,025-83331234,生活服务:其它,32.058000,118.780000,320106,爱心驿站
                """, null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.coordinateSystem()).isEqualTo(CoordinateSystem.GCJ02);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("腾讯", "Tencent"));
        assertThat(r.goodRows().get(0).station().name()).isEqualTo("鼓楼爱心驿站");
    }

    @Test
    void shouldTakeAChineseSpreadsheetWithAServiceNamedInItsCoordinateColumns() throws IOException {
        ImportReport r = check("gaode.csv", "名称,类型,高德经纬度\n站A,爱心驿站,\"118.78,32.04\"\n", null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.coordinateSystem()).isEqualTo(CoordinateSystem.GCJ02);
        ImportReport baidu = check("baidu.csv", "名称,类型,百度经度,百度纬度\n站A,爱心驿站,118.79,32.047\n", null);
        assertThat(baidu.coordinateSystem()).isEqualTo(CoordinateSystem.BD09);
        assertThat(baidu.goodRows()).hasSize(1);
    }

    @Test
    void shouldSplitAOneColumnLocationAndNameEachMalformedCell() throws IOException {
        String csv = "名称,类型,经纬度\n"
                + "站A,爱心驿站,\"118.78,32.04\"\n"       // 2: fine
                + "站B,爱心驿站,118.781，32.041\n"         // 3: full-width comma, fine
                + "站C,爱心驿站,118.78\n"                 // 4: one number
                + "站D,爱心驿站,\"abc,32.04\"\n"          // 5: not a number
                + "站E,爱心驿站,\"118.78,32.04,5\"\n"     // 6: three numbers
                + "站F,爱心驿站,\n"                       // 7: blank
                + "站G,爱心驿站,\"32.04,118.78\"\n"       // 8: latitude first
                + "站H,不存在的类型,\"118.78;\"\n";       // 9: bad kind and bad location: both named
        ImportReport r = check("loc.csv", csv, CoordinateSystem.WGS84);
        assertThat(r.goodRows()).extracting(ImportedRow::rowNumber).containsExactly(2, 3);
        assertThat(r.goodRows().get(1).station().lon()).isEqualTo(118.781);
        assertThat(r.problems()).extracting(RowProblem::rowNumber, RowProblem::column, RowProblem::code).containsExactly(
                tuple(4, "经纬度", ProblemCode.BAD_LOCATION),
                tuple(5, "经纬度", ProblemCode.BAD_LOCATION),
                tuple(6, "经纬度", ProblemCode.BAD_LOCATION),
                tuple(7, "经纬度", ProblemCode.MISSING_VALUE),
                tuple(8, "经纬度", ProblemCode.SWAPPED_COORDINATES),
                tuple(9, "经纬度", ProblemCode.BAD_LOCATION),
                tuple(9, "类型", ProblemCode.UNKNOWN_KIND));
        assertThat(r.problems().get(0).reason()).contains("经度,纬度", "longitude,latitude");
        assertThat(r.problems().get(0).value()).isEqualTo("118.78");
        assertThat(r.badRows()).isEqualTo(6);
    }

    @Test
    void shouldPreferSeparateLongitudeAndLatitudeColumnsToALocation() throws IOException {
        ImportReport r = check("both.csv", "name,kind,lon,lat,location\n站A,爱心驿站,118.78,32.04,\"1,2\"\n", CoordinateSystem.WGS84);
        assertThat(r.problems()).isEmpty();
        assertThat(r.goodRows().get(0).station().lon()).isEqualTo(118.78);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("location", "ignored"));
    }

    @Test
    void shouldRefuseAFileWhoseCoordinateSystemNobodyTells() throws IOException {
        ImportReport r = check("plain.csv", "名称,类型,经度,纬度\n站A,爱心驿站,118.78,32.04\n", null);
        assertThat(r.fileRejected()).isTrue();
        assertThat(r.coordinateSystem()).isNull();
        assertThat(r.problems()).extracting(RowProblem::code).containsExactly(ProblemCode.MISSING_COORDINATE_SYSTEM);
        assertThat(r.problems().get(0).reason()).contains("请选择", "GCJ02");
    }

    @Test
    void shouldDetectNoSourceFromGenericColumnsAloneAndNoneFromATie() {
        assertThat(PoiExport.detect(List.of("name", "address", "tel", "location", "type"))).isEmpty();
        assertThat(PoiExport.detect(List.of("name", "location", "adname", "cityname")))
                .hasValueSatisfying(d -> assertThat(d.columns()).containsExactly("adname", "cityname"));
        assertThat(PoiExport.detect(List.of("name", "typecode", "uid"))).isEmpty();
    }
}
