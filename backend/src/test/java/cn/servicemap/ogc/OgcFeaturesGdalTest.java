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

    /** Runs a GDAL tool; its output, or a failure with what it said. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }
}
