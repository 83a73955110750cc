package cn.servicemap.stations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.support.Api;
import cn.servicemap.support.DemoRegionTestBase;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import tools.jackson.databind.JsonNode;

/** Station import over HTTP on each database: the dry-run report, all-or-nothing commits, encodings, scale. */
abstract class StationImportContract extends DemoRegionTestBase {

    static final String HEADER = "名称,类型,经度,纬度,地址,电话,开放时间,服务项目\n";

    @MockitoSpyBean
    StationRepository repository;

    static String tag() {
        return "导入" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Rows 2..12 of a file with one problem each, and two good rows. */
    static String badCorpus(String tag) {
        return HEADER
                + tag + "好1,爱心驿站,118.7886,32.0219,贡院街,025-12345678,Mo-Fr 08:00-18:00,饮水、热饭\n"   // 2 good
                + tag + "反,爱心驿站,32.0219,118.7886,,,,\n"                                                   // 3 swapped
                + tag + "非数,爱心驿站,NaN,32.0219,,,,\n"                                                       // 4 NaN
                + tag + "空,爱心驿站,118.7886,,,,,\n"                                                           // 5 empty lat
                + tag + "类,咖啡馆,118.7886,32.0230,,,,\n"                                                      // 6 unknown kind
                + tag + "服,爱心驿站,118.7886,32.0240,,,,按摩\n"                                                 // 7 unknown service
                + tag + "时,爱心驿站,118.7886,32.0250,,,25:00-26:00,\n"                                         // 8 bad hours
                + tag + "京,爱心驿站,116.3970,39.9090,,,,\n"                                                    // 9 outside region
                + tag + "外,爱心驿站,10.0,50.0,,,,\n"                                                           // 10 outside China
                + tag + "好1,爱心驿站,118.78862,32.02192,,,,\n"                                                 // 11 duplicate of row 2
                + "\"" + tag + "好2\",职工之家,\"118.7900\",32.0300,\"石鼓路, 88号\",,24/7,\"图书,空调/取暖\"\n"; // 12 good
    }

    @Test
    void shouldReportEveryBadRowInADryRunAndWriteNothing() {
        String tag = tag();
        int before = repository.count();
        Api.Response r = api().upload("/api/stations/imports?crs=WGS84", "corpus.csv", badCorpus(tag).getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("committed").asBoolean()).isFalse();
        assertThat(j.get("totalRows").asInt()).isEqualTo(11);
        assertThat(j.get("goodRows").asInt()).isEqualTo(2);
        assertThat(j.get("badRows").asInt()).isEqualTo(9);
        List<org.assertj.core.groups.Tuple> problems = new ArrayList<>();
        j.get("problems").forEach(p -> problems.add(tuple(p.get("rowNumber").asInt(),
                p.get("column").isNull() ? null : p.get("column").asText(), p.get("code").asText())));
        assertThat(problems).contains(
                tuple(3, "纬度", "SWAPPED_COORDINATES"),
                tuple(4, "经度", "NOT_FINITE"),
                tuple(5, "纬度", "MISSING_VALUE"),
                tuple(6, "类型", "UNKNOWN_KIND"),
                tuple(7, "服务项目", "UNKNOWN_SERVICE"),
                tuple(8, "开放时间", "BAD_OPENING_HOURS"),
                tuple(9, "经度", "OUTSIDE_REGION"),
                tuple(10, "经度", "OUTSIDE_CHINA"),
                tuple(11, "名称", "DUPLICATE"));
        j.get("problems").forEach(p -> assertThat(p.get("reason").asText()).isNotBlank());
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void shouldCommitOnlyTheGoodRowsInOneGo() {
        String tag = tag();
        int before = repository.count();
        Api.Response r = api().upload("/api/stations/imports?crs=WGS84&commit=true", "corpus.csv",
                badCorpus(tag).getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("committed").asBoolean()).isTrue();
        assertThat(r.json().get("stationIds").size()).isEqualTo(2);
        assertThat(r.json().get("importRunId").asLong()).isPositive();
        assertThat(repository.count()).isEqualTo(before + 2);
        List<String> names = StationApiContract.names(api().get("/api/stations?q=" + tag));
        assertThat(names).containsExactlyInAnyOrder(tag + "好1", tag + "好2");
        JsonNode good2 = api().get("/api/stations?q=" + tag + "好2").json().get("features").get(0).get("properties");
        assertThat(good2.get("address").asText()).isEqualTo("石鼓路, 88号");
        assertThat(good2.get("services").findValuesAsString("code")).containsExactlyInAnyOrder("BOOKS", "CLIMATE");

        // The same file again: every row is now a duplicate of a stored station, nothing more is written.
        Api.Response again = api().upload("/api/stations/imports?crs=WGS84&commit=true", "corpus.csv",
                badCorpus(tag).getBytes(StandardCharsets.UTF_8));
        assertThat(again.json().get("goodRows").asInt()).isZero();
        assertThat(repository.count()).isEqualTo(before + 2);
    }

    @Test
    void shouldReadAGbkFileWithChineseHeaders() {
        String tag = tag();
        String csv = HEADER + tag + "国标码,户外劳动者服务站点,118.7886,32.0219,夫子庙,,周一至周五 8:00-18:00,饮水\n";
        Api.Response r = api().upload("/api/stations/imports?crs=WGS84&commit=true", "gbk.csv", csv.getBytes(Charset.forName("GBK")));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("format").asText()).contains("GB");
        assertThat(r.json().get("goodRows").asInt()).isEqualTo(1);
        JsonNode p = api().get("/api/stations?q=" + tag).json().get("features").get(0).get("properties");
        assertThat(p.get("name").asText()).isEqualTo(tag + "国标码");
        assertThat(p.get("openingHours").get("osm").asText()).isEqualTo("Mo-Fr 08:00-18:00");
    }

    /**
     * A surveyor's sheet in the CGCS2000 3° Gauss–Krüger grid with central meridian 120°E (EPSG:4549), X the northing
     * and Y the easting as Chinese surveying writes them, values from PROJ's cs2cs for 新街口 and 夫子庙: stored within a
     * metre of those places, the report saying it converted; a projection it cannot convert is a field error.
     */
    @Test
    void shouldImportAGaussKrugerSheetToWithinAMetre() {
        String tag = tag();
        String csv = "名称,类型,X坐标,Y坐标\n" + tag + "新街口,爱心驿站,3547162.2402,384625.4235\n"
                + tag + "夫子庙,爱心驿站,3544922.4366,385554.4631\n";
        Api.Response r = api().upload("/api/stations/imports?crs=EPSG:4549&commit=true", "gk.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("goodRows").asInt()).as(r.text()).isEqualTo(2);
        assertThat(r.json().get("warnings").toString()).contains("EPSG:4549");
        double[][] truth = {{118.7785, 32.042}, {118.7886, 32.0219}};
        String[] names = {"新街口", "夫子庙"};
        for (int i = 0; i < 2; i++) {
            JsonNode c = api().get("/api/stations?q=" + tag + names[i]).json().get("features").get(0).get("geometry").get("coordinates");
            assertThat(Geodesic.distanceMeters(c.get(0).asDouble(), c.get(1).asDouble(), truth[i][0], truth[i][1])).as(names[i]).isLessThan(1);
        }
        Api.Response mercator = api().upload("/api/stations/imports?crs=EPSG:3857", "m.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(mercator.status()).isEqualTo(400);
        assertThat(mercator.json().get("field").asText()).isEqualTo("crs");
    }

    @Test
    void shouldPlaceStationsWithinHalfAMetreOnlyWhenTheCoordinateSystemIsDeclaredRight() {
        // True WGS84 positions, written in GCJ-02 as copied from AMap.
        double[][] truth = {{118.7886, 32.0219}, {118.7800, 32.0400}, {118.7700, 32.0500}};
        for (String declared : List.of("GCJ02", "WGS84")) {
            String tag = tag();
            StringBuilder csv = new StringBuilder(HEADER);
            for (int i = 0; i < truth.length; i++) {
                LonLat gcj = ChinaCoordinates.gcj02FromWgs84(truth[i][0], truth[i][1]);
                csv.append(tag).append(i).append(",爱心驿站,").append(gcj.lon()).append(',').append(gcj.lat()).append(",,,,\n");
            }
            JsonNode report = api().upload("/api/stations/imports?crs=" + declared + "&commit=true", "amap.csv",
                    csv.toString().getBytes(StandardCharsets.UTF_8)).json();
            assertThat(report.get("goodRows").asInt()).isEqualTo(3);
            for (int i = 0; i < truth.length; i++) {
                JsonNode c = api().get("/api/stations?q=" + tag + i).json().get("features").get(0).get("geometry").get("coordinates");
                double off = Geodesic.distanceMeters(c.get(0).asDouble(), c.get(1).asDouble(), truth[i][0], truth[i][1]);
                if (declared.equals("GCJ02")) {
                    assertThat(off).isLessThan(0.5);
                } else {
                    assertThat(off).as("GCJ-02 read as WGS84 is the ~500 m Nanjing offset").isBetween(400.0, 700.0);
                }
            }
        }
    }

    @Test
    void shouldImportAHundredThousandRowsInOneTransaction() {
        String tag = tag();
        StringBuilder csv = new StringBuilder(HEADER);
        int rows = 100_000;
        for (int i = 0; i < rows; i++) {
            // a 400 × 250 lattice of points ~5 m apart in 秦淮区, written in micro-degrees (String.format is slow)
            int lonMicro = 118_780_000 + (i % 400) * 50;
            int latMicro = 32_010_000 + (i / 400) * 50;
            csv.append(tag).append('-').append(i).append(",爱心驿站,").append(lonMicro / 1_000_000).append('.')
                    .append(String.valueOf(1_000_000 + lonMicro % 1_000_000), 1, 7).append(',')
                    .append(latMicro / 1_000_000).append('.').append(String.valueOf(1_000_000 + latMicro % 1_000_000), 1, 7)
                    .append(",,,24/7,饮水|如厕\n");
        }
        int before = repository.count();
        Api.Response r = api().upload("/api/stations/imports?crs=WGS84&commit=true", "big.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text().substring(0, Math.min(500, r.text().length()))).isEqualTo(200);
        assertThat(r.json().get("totalRows").asInt()).isEqualTo(rows);
        assertThat(r.json().get("goodRows").asInt()).isEqualTo(rows);
        assertThat(repository.count()).isEqualTo(before + rows);
        JsonNode some = api().get("/api/stations?q=" + tag + "-99999").json();
        assertThat(some.get("count").asInt()).isEqualTo(1);
        assertThat(some.get("features").get(0).get("properties").get("services").findValuesAsString("code"))
                .containsExactlyInAnyOrder("WATER", "TOILET");
    }

    @Test
    void shouldWriteNothingWhenACommitFailsHalfWay() {
        String tag = tag();
        int before = repository.count();
        // The stations are inserted, then writing their audit events fails: the whole import must roll back.
        doThrow(new IllegalStateException("simulated failure after the station rows were written"))
                .when(repository).recordEvents(anyList(), eq("IMPORT"), any(), any(), any(), anyList());
        try {
            Api.Response r = api().upload("/api/stations/imports?crs=WGS84&commit=true", "corpus.csv",
                    badCorpus(tag).getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        } finally {
            reset(repository);
        }
        assertThat(repository.count()).isEqualTo(before);
        assertThat(StationApiContract.names(api().get("/api/stations?q=" + tag))).isEmpty();
    }

    @Test
    void shouldImportXlsxAndGeoJsonFiles() throws Exception {
        String tag = tag();
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        try (org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(xlsx, "test", "1.0")) {
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("站点");
            String[] header = {"名称", "类型", "经度", "纬度", "座位数"};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            ws.value(1, 0, tag + "表格");
            ws.value(1, 1, "职工之家");
            ws.value(1, 2, 118.7886);
            ws.value(1, 3, 32.0219);
            ws.value(1, 4, 8);
        }
        Api.Response fromXlsx = api().upload("/api/stations/imports?crs=WGS84&commit=true", "stations.xlsx", xlsx.toByteArray());
        assertThat(fromXlsx.status()).as(fromXlsx.text()).isEqualTo(200);
        assertThat(fromXlsx.json().get("goodRows").asInt()).isEqualTo(1);
        JsonNode p = api().get("/api/stations?q=" + tag + "表格").json().get("features").get(0).get("properties");
        assertThat(p.get("capacity").asInt()).isEqualTo(8);
        assertThat(p.get("kind").asText()).isEqualTo("WORKERS_HOME");

        String geojson = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name":"%s点","kind":"司机之家","services":["饮水","打气"]},
                  "geometry":{"type":"Point","coordinates":[118.7800,32.0450]}},
                 {"type":"Feature","properties":{"name":"%s线","kind":"司机之家"},
                  "geometry":{"type":"LineString","coordinates":[[118.78,32.04],[118.79,32.05]]}}]}""".formatted(tag, tag);
        Api.Response fromGeoJson = api().upload("/api/stations/imports?crs=WGS84&commit=true", "stations.geojson",
                geojson.getBytes(StandardCharsets.UTF_8));
        assertThat(fromGeoJson.json().get("goodRows").asInt()).isEqualTo(1);
        assertThat(fromGeoJson.json().get("problems").get(0).get("rowNumber").asInt()).isEqualTo(2);
        assertThat(fromGeoJson.json().get("problems").get(0).get("reason").asText()).contains("LineString");
    }

    @Test
    void shouldRefuseUnreadableFilesAndUnknownCoordinateSystems() {
        Api.Response xls = api().upload("/api/stations/imports?crs=WGS84", "old.xls", new byte[]{1, 2, 3});
        assertThat(xls.status()).isEqualTo(400);
        assertThat(xls.json().get("field").asText()).isEqualTo("file");
        assertThat(xls.json().get("detail").asText()).contains(".xlsx");
        Api.Response crs = api().upload("/api/stations/imports?crs=UTM50", "a.csv", HEADER.getBytes(StandardCharsets.UTF_8));
        assertThat(crs.status()).isEqualTo(400);
        assertThat(crs.json().get("field").asText()).isEqualTo("crs");
    }

    /** The Nanjing core's named OSM places (the demo region's extract) as a station file in {@code system}, "lng,lat" to 6 decimals. */
    static String osmPlacesAsStations(cn.servicemap.gis.crs.CoordinateSystem system) {
        java.nio.file.Path osm = java.nio.file.Path.of(System.getProperty("servicemap.repo-root", ".."))
                .resolve("../shared/data/osm-cn-fixtures/nanjing-xinjiekou.osm");
        StringBuilder csv = new StringBuilder("名称,类型,经度,纬度\n");
        for (cn.servicemap.gis.osm.NamedPlaces.NamedPlace p : cn.servicemap.gis.osm.NamedPlaces.read(osm)) {
            LonLat at = ChinaCoordinates.fromWgs84(system, p.lon(), p.lat());
            csv.append('"').append(p.name().replace("\"", "\"\"")).append("\",爱心驿站,")
                    .append(String.format(java.util.Locale.ROOT, "%.6f,%.6f", at.lon(), at.lat())).append('\n');
        }
        return csv.toString();
    }

    /** The undeclared GCJ-02 file: real place names of the region at their GCJ-02 position, declared WGS84 → the warning. */
    @Test
    void shouldWarnWhenAGcj02FileIsDeclaredWgs84() {
        byte[] gcj = osmPlacesAsStations(cn.servicemap.gis.crs.CoordinateSystem.GCJ02).getBytes(StandardCharsets.UTF_8);
        Api.Response r = api().upload("/api/stations/imports?crs=WGS84", "places.csv", gcj);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("goodRows").asInt()).as(r.text()).isGreaterThan(200);
        assertThat(r.json().get("warnings").toString()).contains("坐标疑似为 GCJ-02", "请改选 GCJ-02", "import it again declaring GCJ02");

        Api.Response declared = api().upload("/api/stations/imports?crs=GCJ02", "places.csv", gcj);
        assertThat(declared.json().get("warnings").toString()).doesNotContain("疑似");
        byte[] wgs84 = osmPlacesAsStations(cn.servicemap.gis.crs.CoordinateSystem.WGS84).getBytes(StandardCharsets.UTF_8);
        Api.Response right = api().upload("/api/stations/imports?crs=WGS84", "places.csv", wgs84);
        assertThat(right.json().get("goodRows").asInt()).as(right.text()).isGreaterThan(100);
        assertThat(right.json().get("warnings").toString()).doesNotContain("疑似");
    }

    /**
     * Stations whose names no OSM place has (驿站 at the extract's shop, bank, restaurant … nodes), in GCJ-02 but declared
     * WGS84: told by the region's building outlines instead.
     */
    @Test
    void shouldWarnByTheBuildingsWhenNoNameMatches() {
        String tag = tag();
        java.nio.file.Path osm = java.nio.file.Path.of(System.getProperty("servicemap.repo-root", ".."))
                .resolve("../shared/data/osm-cn-fixtures/nanjing-xinjiekou.osm");
        StringBuilder csv = new StringBuilder("名称,类型,经度,纬度\n");
        int i = 0;
        for (cn.servicemap.gis.osm.OsmFeature f : cn.servicemap.gis.osm.OsmFeatureReader.read(osm, t -> !t.containsKey("building")
                && (t.containsKey("amenity") || t.containsKey("shop") || t.containsKey("office") || t.containsKey("tourism")))) {
            if (f.geometry() instanceof org.locationtech.jts.geom.Point p) {
                LonLat gcj = ChinaCoordinates.gcj02FromWgs84(p.getX(), p.getY());
                csv.append(tag).append("驿站").append(++i).append(",爱心驿站,")
                        .append(String.format(java.util.Locale.ROOT, "%.6f,%.6f", gcj.lon(), gcj.lat())).append('\n');
            }
        }
        Api.Response r = api().upload("/api/stations/imports?crs=WGS84", "stations.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("goodRows").asInt()).as(r.text()).isGreaterThan(200);
        assertThat(r.json().get("warnings").toString()).contains("坐标疑似为 GCJ-02", "建筑轮廓", "import it again declaring GCJ02");
    }

    /** An AMap export without a declared system: read as GCJ-02, the location column split, the report saying so. */
    @Test
    void shouldReadAnAmapExportWithoutADeclaredSystem() {
        String tag = tag();
        String csv = "id,name,type,typecode,address,location,pname,cityname,adname,tel,站点类型\n"
                + "B0FF1," + tag + "高德,生活服务;生活服务场所,070000,中山路1号,\"118.790000,32.040000\",江苏省,南京市,秦淮区,025-84561234,爱心驿站\n"
                + "B0FF2," + tag + "坏,生活服务;生活服务场所,070000,中山路2号,118.79,江苏省,南京市,秦淮区,,爱心驿站\n";
        Api.Response r = api().upload("/api/stations/imports", "amap.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("coordinateSystem").asText()).isEqualTo("GCJ02");
        assertThat(r.json().get("goodRows").asInt()).isEqualTo(1);
        assertThat(r.json().get("problems").get(0).get("code").asText()).isEqualTo("BAD_LOCATION");
        assertThat(r.json().get("problems").get(0).get("column").asText()).isEqualTo("location");
        assertThat(r.json().get("warnings").toString()).contains("高德", "GCJ-02");

        Api.Response plain = api().upload("/api/stations/imports", "plain.csv", (HEADER + tag + "无,爱心驿站,118.79,32.04,,,,\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.json().get("coordinateSystem").isNull()).isTrue();
        assertThat(plain.json().get("problems").get(0).get("code").asText()).isEqualTo("MISSING_COORDINATE_SYSTEM");
    }
}
