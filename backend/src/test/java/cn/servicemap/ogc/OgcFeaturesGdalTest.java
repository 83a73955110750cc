package cn.servicemap.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.DemoRegionTestBase;
import cn.servicemap.support.RequiresGdal;
import cn.servicemap.support.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * OGC API – Features read by a real client: GDAL's OAPIF driver lists the region's collections with ogrinfo, and
 * ogr2ogr copies the stations — page after page through the next links — into a GeoPackage whose features, read back
 * by GDAL, are the database's: every station, its code, name and place. Plus the landing page, conformance, paging and
 * errors over plain HTTP.
 */
@RequiresGdal
class OgcFeaturesGdalTest extends DemoRegionTestBase {

    private static final String REGION = "nanjing-core";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    @Test
    void shouldLetGdalListTheCollectionsAndCopyTheStationsIntoAGeoPackage() throws Exception {
        String service = "OAPIF:http://localhost:" + port() + "/ogc/" + REGION;
        String layers = run("ogrinfo", "-ro", "-q", service);
        assertThat(layers).contains("stations").contains("districts");

        Path dir = Files.createDirectories(Path.of("target", "ogc"));
        Path gpkg = dir.resolve("stations.gpkg");
        Files.deleteIfExists(gpkg);
        // small pages, so that the copy follows next links
        run("ogr2ogr", "-f", "GPKG", "-oo", "PAGE_SIZE=7", gpkg.toString(), service, "stations");
        Path csv = dir.resolve("stations.csv");
        Files.deleteIfExists(csv);
        run("ogr2ogr", "-f", "CSV", "-lco", "GEOMETRY=AS_XY", csv.toString(), gpkg.toString(), "stations");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        Map<String, String[]> byCode = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            byCode.put(cells[header.indexOf("code")], cells);
        }
        JsonNode stored = api().get("/api/stations").json().get("features");
        assertThat(byCode).hasSize(stored.size());
        assertThat(stored.size()).isGreaterThan(7);
        for (JsonNode f : stored) {
            JsonNode p = f.get("properties");
            String[] row = byCode.get(p.get("code").asText());
            assertThat(row).as(p.get("code").asText()).isNotNull();
            assertThat(row[header.indexOf("name")].replace("\"", "")).isEqualTo(p.get("name").asText());
            assertThat(Double.parseDouble(row[header.indexOf("X")])).isCloseTo(f.get("geometry").get("coordinates").get(0).asDouble(),
                    org.assertj.core.data.Offset.offset(1e-7));
            assertThat(Double.parseDouble(row[header.indexOf("Y")])).isCloseTo(f.get("geometry").get("coordinates").get(1).asDouble(),
                    org.assertj.core.data.Offset.offset(1e-7));
        }
        assertThat(header).contains("entry", "stepFree", "services", "openingHours");
    }

    @Test
    void shouldAnswerTheCoreResourcesAndPageWithNextLinks() {
        var api = api().anonymous();
        JsonNode landing = api.get("/ogc/" + REGION).json();
        assertThat(landing.get("links").findValuesAsString("rel")).contains("self", "service-desc", "conformance", "data");
        assertThat(api.get("/ogc/" + REGION + "/conformance").json().get("conformsTo").toString())
                .contains("ogcapi-features-1/1.0/conf/core", "conf/geojson");
        JsonNode collections = api.get("/ogc/" + REGION + "/collections").json().get("collections");
        assertThat(collections.findValuesAsString("id")).containsExactly("stations", "districts", "bands", "gaps");
        assertThat(collections.get(0).get("extent").get("spatial").get("bbox").get(0)).hasSize(4);

        var first = api.get("/ogc/" + REGION + "/collections/stations/items?limit=5");
        assertThat(first.header("Content-Type")).startsWith("application/geo+json");
        JsonNode page = first.json();
        assertThat(page.get("numberReturned").asInt()).isEqualTo(5);
        long matched = page.get("numberMatched").asLong();
        assertThat(matched).isEqualTo(api().get("/api/stations").json().get("count").asLong());
        String next = null;
        for (JsonNode l : page.get("links")) {
            if (l.get("rel").asText().equals("next")) {
                next = l.get("href").asText();
            }
        }
        assertThat(next).contains("offset=5");
        List<String> ids = new ArrayList<>();
        page.get("features").forEach(f -> ids.add(f.get("id").asText()));
        JsonNode second = api.get(next.substring(next.indexOf("/ogc/"))).json();
        second.get("features").forEach(f -> assertThat(ids).doesNotContain(f.get("id").asText()));
        // a box around 新街口 holds fewer stations than the region
        JsonNode boxed = api.get("/ogc/" + REGION + "/collections/stations/items?bbox=118.775,32.038,118.785,32.046&limit=1000").json();
        assertThat(boxed.get("numberMatched").asLong()).isPositive().isLessThan(matched);
        String one = page.get("features").get(0).get("id").asText();
        assertThat(api.get("/ogc/" + REGION + "/collections/stations/items/" + one).json().get("properties").get("id").asText()).isEqualTo(one);
        JsonNode district = api.get("/ogc/" + REGION + "/collections/districts/items?limit=1").json().get("features").get(0);
        assertThat(district.get("geometry").get("type").asText()).isEqualTo("MultiPolygon");
        assertThat(district.get("properties").get("population").asLong()).isPositive();
        assertThat(api.get("/ogc/" + REGION + "/collections/rivers").status()).isEqualTo(404);
        assertThat(api.get("/ogc/" + REGION + "/collections/stations/items?limit=0").json().get("field").asText()).isEqualTo("limit");
        assertThat(api.get("/ogc/" + REGION + "/collections/stations/items/0").status()).isEqualTo(404);
        assertThat(api.get("/ogc/atlantis").status()).isIn(400, 404);
    }

    @Test
    void shouldAnswerInCgcs2000GaussKrugerAsGdalProjectsIt() throws Exception {
        var api = api().anonymous();
        JsonNode info = api.get("/ogc/" + REGION + "/collections/stations").json();
        String cm120 = "http://www.opengis.net/def/crs/EPSG/0/4549";
        // Nanjing (118.7°–118.9°E): the 3° zone of CM 120°E (4549) and the 6° zone of CM 117°E (4509)
        assertThat(info.get("crs").toString()).contains("OGC/1.3/CRS84", "EPSG/0/4490", cm120, "EPSG/0/4509");
        assertThat(info.get("storageCrs").asText()).endsWith("CRS84");
        assertThat(api.get("/ogc/" + REGION + "/conformance").json().get("conformsTo").toString()).contains("ogcapi-features-2/1.0/conf/crs");

        JsonNode plain = api.get("/ogc/" + REGION + "/collections/stations/items?limit=5").json().get("features");
        var projected = api.get("/ogc/" + REGION + "/collections/stations/items?limit=5&crs=" + cm120);
        assertThat(projected.header("Content-Crs")).isEqualTo("<" + cm120 + ">");
        JsonNode grid = projected.json().get("features");
        JsonNode latFirst = api.get("/ogc/" + REGION + "/collections/stations/items?limit=5&crs=EPSG:4490").json().get("features");

        // the oracle: GDAL (PROJ) projects the same points into EPSG:4549
        Path dir = Files.createDirectories(Path.of("target", "ogc"));
        Path in = dir.resolve("crs84.csv");
        StringBuilder csv = new StringBuilder("id,lon,lat\n");
        for (JsonNode f : plain) {
            csv.append(f.get("id").asText()).append(',').append(f.get("geometry").get("coordinates").get(0).asText()).append(',')
                    .append(f.get("geometry").get("coordinates").get(1).asText()).append('\n');
        }
        Files.writeString(in, csv);
        Path out = dir.resolve("cm120.csv");
        Files.deleteIfExists(out);
        run("ogr2ogr", "-f", "CSV", "-s_srs", "OGC:CRS84", "-t_srs", "EPSG:4549", "-lco", "GEOMETRY=AS_XY", "-oo", "X_POSSIBLE_NAMES=lon",
                "-oo", "Y_POSSIBLE_NAMES=lat", out.toString(), in.toString());
        List<String> lines = Files.readAllLines(out);
        List<String> header = List.of(lines.get(0).split(","));
        for (int i = 0; i < plain.size(); i++) {
            String[] row = lines.get(i + 1).split(",");
            double easting = Double.parseDouble(row[header.indexOf("X")]);
            double northing = Double.parseDouble(row[header.indexOf("Y")]);
            JsonNode xy = grid.get(i).get("geometry").get("coordinates");
            assertThat(xy.get(0).asDouble()).as("northing (X) first").isCloseTo(northing, org.assertj.core.data.Offset.offset(0.01));
            assertThat(xy.get(1).asDouble()).isCloseTo(easting, org.assertj.core.data.Offset.offset(0.01));
            JsonNode lonLat = plain.get(i).get("geometry").get("coordinates");
            assertThat(latFirst.get(i).get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(lonLat.get(1).asDouble());
        }

        // a 6° zone with its number in front of the easting (zone 20, EPSG:4498), as GDAL projects it
        JsonNode zone20 = api.get("/ogc/" + REGION + "/collections/stations/items?limit=5&crs=EPSG:4498").json().get("features");
        Path out6 = dir.resolve("zone20.csv");
        Files.deleteIfExists(out6);
        run("ogr2ogr", "-f", "CSV", "-s_srs", "OGC:CRS84", "-t_srs", "EPSG:4498", "-lco", "GEOMETRY=AS_XY", "-oo", "X_POSSIBLE_NAMES=lon",
                "-oo", "Y_POSSIBLE_NAMES=lat", out6.toString(), in.toString());
        List<String> lines6 = Files.readAllLines(out6);
        for (int i = 0; i < plain.size(); i++) {
            String[] row = lines6.get(i + 1).split(",");
            JsonNode xy = zone20.get(i).get("geometry").get("coordinates");
            assertThat(xy.get(0).asDouble()).isCloseTo(Double.parseDouble(row[header.indexOf("Y")]), org.assertj.core.data.Offset.offset(0.01));
            assertThat(xy.get(1).asDouble()).isCloseTo(Double.parseDouble(row[header.indexOf("X")]), org.assertj.core.data.Offset.offset(0.01));
            assertThat(xy.get(1).asDouble()).isGreaterThan(20_000_000);
        }

        // a box in the grid finds what the same box in CRS84 finds
        JsonNode first = grid.get(0).get("geometry").get("coordinates");
        String gridBox = (first.get(0).asDouble() - 300) + "," + (first.get(1).asDouble() - 300) + "," + (first.get(0).asDouble() + 300) + ","
                + (first.get(1).asDouble() + 300);
        JsonNode boxed = api.get("/ogc/" + REGION + "/collections/stations/items?bbox=" + gridBox + "&bbox-crs=" + cm120).json();
        assertThat(boxed.get("features").findValuesAsString("id")).contains(grid.get(0).get("id").asText());
        assertThat(boxed.get("numberMatched").asInt()).isLessThan(api.get("/api/stations").json().get("count").asInt());
        assertThat(api.get("/ogc/" + REGION + "/collections/stations/items?crs=EPSG:3857").json().get("field").asText()).isEqualTo("crs");
        assertThat(api.get("/ogc/" + REGION + "/collections/stations/items?bbox=1,2,3&bbox-crs=" + cm120).json().get("field").asText())
                .isEqualTo("bbox");
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
