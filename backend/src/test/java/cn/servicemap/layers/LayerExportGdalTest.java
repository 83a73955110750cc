package cn.servicemap.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.geojson.GeoJsonGeometries;
import cn.servicemap.support.Api;
import cn.servicemap.support.DemoRegionTestBase;
import cn.servicemap.support.RequiresGdal;
import cn.servicemap.support.TestDatabases;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every export read back by a real GIS reader: GDAL (ogr2ogr) turns each downloaded file — GeoJSON, the zipped
 * Shapefile in GBK and in UTF-8, KML, GeoPackage, CSV and XLSX — into GeoJSON, and its features must be the source's:
 * each station's code, name and place, each band's and gap's minutes, people and polygon (the same area to a part in a
 * million), each proposed site of a finished siting job. Plus the OGC API collections of bands, gaps and siting results
 * and the errors of a bad request.
 */
@RequiresGdal
class LayerExportGdalTest extends DemoRegionTestBase {

    private static final String REGION = "nanjing-core";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    @Test
    void shouldExportTheStationsInEveryFormatThatGdalReadsBackAsTheyAre() throws Exception {
        JsonNode stored = api().get("/api/stations").json().get("features");
        assertThat(stored.size()).isGreaterThan(10);
        Map<String, JsonNode> byCode = new HashMap<>();
        stored.forEach(f -> byCode.put(f.get("properties").get("code").asText(), f));

        for (String format : List.of("geojson", "shp", "shp&encoding=UTF-8", "kml", "gpkg", "csv", "xlsx")) {
            Path file = download("/api/export/stations?region=" + REGION + "&format=" + format);
            com.fasterxml.jackson.databind.JsonNode read = readBack(file, format.startsWith("csv")
                    ? new String[]{"-oo", "X_POSSIBLE_NAMES=经度", "-oo", "Y_POSSIBLE_NAMES=纬度"} : new String[0]);
            com.fasterxml.jackson.databind.JsonNode features = read.get("features");
            assertThat(features.size()).as(format).isEqualTo(stored.size());
            boolean chineseHeaders = format.equals("csv") || format.equals("xlsx");
            for (com.fasterxml.jackson.databind.JsonNode f : features) {
                com.fasterxml.jackson.databind.JsonNode p = f.get("properties");
                String code = p.get(chineseHeaders ? "站点编码" : "code").asText();
                JsonNode source = byCode.get(code);
                assertThat(source).as(format + " " + code).isNotNull();
                assertThat(p.get(chineseHeaders ? "名称" : format.equals("kml") ? "Name" : "name").asText()).as(format).isEqualTo(source.get("properties").get("name").asText());
                double lon = source.get("geometry").get("coordinates").get(0).asDouble();
                double lat = source.get("geometry").get("coordinates").get(1).asDouble();
                if (format.equals("xlsx")) {
                    assertThat(p.get("经度").asDouble()).isCloseTo(lon, within(1e-7));
                    assertThat(p.get("纬度").asDouble()).isCloseTo(lat, within(1e-7));
                } else {
                    assertThat(f.get("geometry").get("coordinates").get(0).asDouble()).as(format + " " + code).isCloseTo(lon, within(1e-7));
                    assertThat(f.get("geometry").get("coordinates").get(1).asDouble()).as(format + " " + code).isCloseTo(lat, within(1e-7));
                }
            }
        }
        // the Shapefile says its encoding and its coordinate system
        Path zip = download("/api/export/stations?region=" + REGION + "&format=shp");
        String info = run("ogrinfo", "-ro", "-so", "-al", "/vsizip/" + zip.toAbsolutePath());
        assertThat(info).contains("WGS", "Point");
        try (var entries = new java.util.zip.ZipFile(zip.toFile())) {
            assertThat(entries.stream().map(java.util.zip.ZipEntry::getName).toList())
                    .containsExactlyInAnyOrder("stations-" + REGION + ".shp", "stations-" + REGION + ".shx", "stations-" + REGION + ".dbf",
                            "stations-" + REGION + ".prj", "stations-" + REGION + ".cpg");
            assertThat(new String(entries.getInputStream(entries.getEntry("stations-" + REGION + ".cpg")).readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("936");
        }
    }

    /**
     * GDAL projects the exported stations into CGCS2000 Gauss–Krüger grids — CM 120°E (EPSG:4549) and zone 40 with the
     * zone number in front (EPSG:4528) — writing its own .prj; that Shapefile, imported, puts every station within a metre
     * of where it was.
     */
    @Test
    void shouldImportAGaussKrugerShapefileGdalMadeToWithinAMetre() throws Exception {
        Path wgs84 = download("/api/export/stations?region=" + REGION + "&format=shp&encoding=UTF-8");
        JsonNode stored = api().get("/api/stations?region=" + REGION).json().get("features");
        for (String epsg : List.of("4549", "4528")) {
            Path dir = Files.createDirectories(wgs84.resolveSibling("gk" + epsg));
            Path shp = dir.resolve("gk" + epsg + ".shp");
            for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
                Files.deleteIfExists(dir.resolve("gk" + epsg + "." + ext));
            }
            run("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:" + epsg, "-lco", "ENCODING=UTF-8", "-dialect", "SQLite", "-sql",
                    "SELECT 'GK" + epsg + "-' || code AS name, kind, geometry FROM \"stations-" + REGION + "\"", shp.toString(),
                    "/vsizip/" + wgs84.toAbsolutePath());
            assertThat(Files.readString(dir.resolve("gk" + epsg + ".prj"))).contains("Gauss").doesNotContain("WGS_1984\",SPHEROID");
            java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
                for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
                    out.putNextEntry(new java.util.zip.ZipEntry("gk" + epsg + "." + ext));
                    Files.copy(dir.resolve("gk" + epsg + "." + ext), out);
                    out.closeEntry();
                }
            }
            Api.Response imported = api().upload("/api/stations/imports?region=" + REGION + "&crs=WGS84&commit=true", "gk" + epsg + ".zip", zip.toByteArray());
            assertThat(imported.status()).as(imported.text()).isEqualTo(200);
            assertThat(imported.json().get("goodRows").asInt()).as(imported.text()).isEqualTo(stored.size());
            assertThat(imported.json().get("warnings").toString()).contains("WGS84");
            for (JsonNode f : stored) {
                String name = "GK" + epsg + "-" + f.get("properties").get("code").asText();
                JsonNode found = api().get("/api/stations?region=" + REGION + "&q=" + name).json().get("features");
                assertThat(found.size()).as(name).isEqualTo(1);
                JsonNode c = found.get(0).get("geometry").get("coordinates");
                JsonNode truth = f.get("geometry").get("coordinates");
                assertThat(cn.servicemap.gis.crs.Geodesic.distanceMeters(c.get(0).asDouble(), c.get(1).asDouble(), truth.get(0).asDouble(),
                        truth.get(1).asDouble())).as(name).isLessThan(1);
            }
        }
    }

    @Test
    void shouldExportDistrictsBandsAndGapsInEveryFormatThatGdalReadsBackAsTheyAre() throws Exception {
        JsonNode districts = api().get("/api/districts?region=" + REGION).json().get("features");
        assertThat(districts.size()).isPositive();
        assertReadBack("/api/export/districts?region=" + REGION, districts, "adcode", "adcode", "行政区划代码", "adcode");

        JsonNode bands = api().get("/api/coverage/bands?region=" + REGION + "&bands=5,10").json().get("features");
        assertThat(bands.size()).isEqualTo(2);
        assertReadBack("/api/export/bands?region=" + REGION + "&bands=5,10", bands, "minutes", "minutes", "服务圈(分钟)", "minutes");

        JsonNode gaps = api().get("/api/coverage/gaps?region=" + REGION + "&bands=5&limit=5").json().get("features");
        assertThat(gaps.size()).isPositive();
        assertReadBack("/api/export/gaps?region=" + REGION + "&bands=5&gaps=5", gaps, "rank", "rank", "排名", "rank");
        for (com.fasterxml.jackson.databind.JsonNode f : readBack(download("/api/export/gaps?region=" + REGION + "&bands=5&gaps=5&format=gpkg"))
                .get("features")) {
            JsonNode source = gaps.get(f.get("properties").get("rank").asInt() - 1).get("properties");
            assertThat(f.get("properties").get("people").asLong()).isEqualTo(source.get("people").asLong());
            if (source.has("districtName")) {
                assertThat(f.get("properties").get("districtName").asText()).isEqualTo(source.get("districtName").asText());
            }
            if (source.has("suggestedSite")) {
                assertThat(f.get("properties").get("siteLon").asDouble()).isEqualTo(source.get("suggestedSite").get("lon").asDouble());
            }
        }

        // the same layers over OGC API – Features, which GDAL reads
        String service = "OAPIF:http://localhost:" + port() + "/ogc/" + REGION;
        assertThat(run("ogrinfo", "-ro", "-q", service)).contains("bands", "gaps").doesNotContain("siting");
        JsonNode ogcBands = api().anonymous().get("/ogc/" + REGION + "/collections/bands/items?bands=5,10").json();
        assertThat(ogcBands.get("numberMatched").asInt()).isEqualTo(2);
        assertThat(ogcBands.get("features").get(1).get("geometry").get("type").asText()).isEqualTo("MultiPolygon");
        JsonNode ogcGaps = api().anonymous().get("/ogc/" + REGION + "/collections/gaps/items?bands=5&gaps=5&limit=2").json();
        assertThat(ogcGaps.get("numberMatched").asInt()).isEqualTo(gaps.size());
        assertThat(ogcGaps.get("links").findValuesAsString("href").toString()).contains("bands=5", "gaps=5", "offset=2");
    }

    @Test
    void shouldExportTheLatestSitingResultToPlannersOnly() throws Exception {
        Api anonymous = api().anonymous();
        assertThat(anonymous.get("/api/export/siting?region=" + REGION + "&format=gpkg").status()).isEqualTo(401);
        assertThat(anonymous.get("/ogc/" + REGION + "/collections/siting/items").status()).isEqualTo(401);
        assertThat(anonymous.get("/ogc/" + REGION + "/collections").json().get("collections").findValuesAsString("id"))
                .containsExactly("stations", "districts", "bands", "gaps");

        Api.Response started = api().post("/api/planning/siting", Map.of("region", REGION, "minutes", 5, "sites", 3));
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String id = started.json().get("id").asText();
        JsonNode job = api().get("/api/jobs/" + id).json();
        for (int i = 0; i < 1200 && !job.get("status").asText().matches("SUCCEEDED|FAILED|CANCELLED"); i++) {
            Thread.sleep(50);
            job = api().get("/api/jobs/" + id).json();
        }
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode sites = api().get("/api/planning/siting/" + id).json().get("sites");
        assertThat(sites.size()).isEqualTo(3);

        for (String format : FORMATS) {
            com.fasterxml.jackson.databind.JsonNode read = readBack(download("/api/export/siting?region=" + REGION + "&format=" + format),
                    format.equals("csv") ? new String[]{"-oo", "X_POSSIBLE_NAMES=经度", "-oo", "Y_POSSIBLE_NAMES=纬度"} : new String[0]);
            assertThat(read.get("features").size()).as(format).isEqualTo(3);
            boolean sheet = format.equals("csv") || format.equals("xlsx");
            for (com.fasterxml.jackson.databind.JsonNode f : read.get("features")) {
                com.fasterxml.jackson.databind.JsonNode p = f.get("properties");
                JsonNode site = sites.get(p.get(sheet ? "序号" : "rank").asInt() - 1);
                double lon = format.equals("xlsx") ? p.get("经度").asDouble() : f.get("geometry").get("coordinates").get(0).asDouble();
                double lat = format.equals("xlsx") ? p.get("纬度").asDouble() : f.get("geometry").get("coordinates").get(1).asDouble();
                assertThat(lon).as(format).isCloseTo(site.get("lon").asDouble(), within(1e-7));
                assertThat(lat).as(format).isCloseTo(site.get("lat").asDouble(), within(1e-7));
                assertThat(p.get(sheet ? "选址任务" : "job").asText()).as(format).isEqualTo(id);
            }
        }
        JsonNode ogc = api().get("/ogc/" + REGION + "/collections/siting/items").json();
        assertThat(ogc.get("numberMatched").asInt()).isEqualTo(3);
        assertThat(api().get("/ogc/" + REGION + "/collections").json().get("collections").findValuesAsString("id")).contains("siting");
        assertThat(api().get("/api/export/siting?region=" + REGION + "&job=no-such-job").json().get("field").asText()).isEqualTo("job");
    }

    @Test
    void shouldRefuseABadExportRequestWithTheFieldAtFault() {
        Api api = api().anonymous();
        assertThat(api.get("/api/export/stations?format=pdf").json().get("field").asText()).isEqualTo("format");
        assertThat(api.get("/api/export/stations?format=shp&encoding=latin1").json().get("field").asText()).isEqualTo("encoding");
        assertThat(api.get("/api/export/rivers").status()).isEqualTo(404);
        assertThat(api.get("/api/export/gaps?gaps=0").json().get("field").asText()).isEqualTo("gaps");
        assertThat(api.get("/api/export/gaps?bands=5,10&minutes=7").json().get("field").asText()).isEqualTo("minutes");
        Api.Response bad = api.get("/api/export/bands?profile=PLANE");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).doesNotContain("Exception", "java.");
    }

    private static final List<String> FORMATS = List.of("geojson", "shp", "shp&encoding=UTF-8", "kml", "gpkg", "csv", "xlsx");

    /**
     * A polygon layer downloaded in every format and read back by GDAL: as many features as the source, each found by its
     * id (the column {@code key}, {@code dbf} in a Shapefile, {@code header} in a spreadsheet) and each polygon of the same
     * area — in an XLSX, which has no polygons, its point inside the source polygon.
     */
    private void assertReadBack(String path, JsonNode source, String key, String dbf, String header, String sourceKey) throws Exception {
        Map<String, JsonNode> byId = new HashMap<>();
        source.forEach(f -> byId.put(id(f.get("properties").get(sourceKey).asText()), f));
        for (String format : FORMATS) {
            com.fasterxml.jackson.databind.JsonNode read = readBack(download(path + "&format=" + format)).get("features");
            assertThat(read.size()).as(path + " " + format).isEqualTo(source.size());
            String column = format.startsWith("shp") ? dbf : format.equals("csv") || format.equals("xlsx") ? header : key;
            for (com.fasterxml.jackson.databind.JsonNode f : read) {
                String id = id(f.get("properties").get(column).asText());
                JsonNode original = byId.get(id);
                assertThat(original).as(path + " " + format + " " + id).isNotNull();
                Geometry polygon = GeoJsonGeometries.read(JSON.readTree(original.get("geometry").toString()), GEOMETRIES);
                if (format.equals("xlsx")) {
                    assertThat(polygon.contains(GEOMETRIES.createPoint(new org.locationtech.jts.geom.Coordinate(
                            f.get("properties").get("代表点经度").asDouble(), f.get("properties").get("代表点纬度").asDouble()))))
                            .as(path + " xlsx " + id).isTrue();
                } else {
                    // the API's GeoJSON rounds to 7 decimals (a centimetre), which moves a small, ragged polygon's area by parts in a million
                    assertThat(areaOf(f.get("geometry"))).as(path + " " + format + " " + id).isCloseTo(polygon.getArea(),
                            within(polygon.getArea() * 1e-4));
                }
            }
        }
    }

    /** An id as text, a whole number without the ".0" some readers give it. */
    private static String id(String text) {
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    private Path download(String path) throws IOException {
        HttpResponse<byte[]> r = api().bytes(path);
        assertThat(r.statusCode()).as(path + " " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        String name = r.headers().firstValue("Content-Disposition").orElseThrow().replaceAll(".*filename=\"?([^\";]+)\"?.*", "$1");
        Path dir = Files.createDirectories(Path.of("target", "exports", String.valueOf(path.hashCode() & 0xffff)));
        Path file = dir.resolve(name);
        Files.write(file, r.body());
        return file;
    }

    /** The file as GDAL reads it, converted to GeoJSON. */
    private static com.fasterxml.jackson.databind.JsonNode readBack(Path file, String... openOptions) throws Exception {
        Path out = file.resolveSibling(file.getFileName() + ".read.geojson");
        Files.deleteIfExists(out);
        String source = file.toString().endsWith(".zip") ? "/vsizip/" + file.toAbsolutePath() : file.toString();
        List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON"));
        command.addAll(List.of(openOptions));
        command.addAll(List.of(out.toString(), source));
        run(command.toArray(String[]::new));
        return JSON.readTree(out.toFile());
    }

    private static double area(JsonNode geometry) {
        try {
            return areaOf(JSON.readTree(geometry.toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The area in square degrees: enough to tell one polygon from another, which is all this test asks. */
    private static double areaOf(com.fasterxml.jackson.databind.JsonNode geometry) {
        Geometry g = GeoJsonGeometries.read(geometry, GEOMETRIES);
        return g.getArea();
    }

    /** Runs a GDAL tool; its output, or a failure with what it said. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }
}
