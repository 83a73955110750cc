package cn.servicemap.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.synthetic.SyntheticCity;
import cn.servicemap.support.Api;
import cn.servicemap.support.DemoRegionTestBase;
import cn.servicemap.system.InvalidRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import tools.jackson.databind.JsonNode;

/**
 * A second region made from a union's own files (a generated city's OSM extract, district boundaries and census,
 * written as a union would have them) beside the Nanjing demo in one instance: each answers for itself, nothing
 * crosses, and a request that does not say which region is refused with the codes it may use. On each database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = "servicemap.network.memory-budget-mb=0")
@org.springframework.test.context.TestPropertySource(properties = "test.demo-login=true") // its browser test acts as the demo planner
abstract class RegionsApiContract extends DemoRegionTestBase {

    static final String CITY = "990100";
    private static final SyntheticCity SYNTHETIC = new SyntheticCity(42L, 116.0, 30.0, 24, 16, 150, 4, 2);

    @Autowired
    RegionImportService imports;
    @Autowired
    RegionRepository regions;
    @Autowired
    @Qualifier("regionNetworks")
    HealthIndicator networks;

    @TempDir
    static Path dir;
    Path osm;
    Path districts;
    Path census;
    final Set<Long> cityStations = new HashSet<>();

    @BeforeAll
    void writeTheCitysFiles() throws Exception {
        osm = dir.resolve("city.osm");
        districts = dir.resolve("districts.json");
        census = dir.resolve("census.csv");
        SYNTHETIC.writeOsm(osm, 4);
        SYNTHETIC.writeDistricts(districts);
        SYNTHETIC.writeCensus(census);
    }

    @Test
    @Order(1)
    void shouldRefuseFilesThatDoNotFitBeforeWritingAnything() throws Exception {
        Path nanjing = Path.of(System.getProperty("servicemap.repo-root", ".."), "..", "shared", "data", "admin-boundaries-datav", "320100_full.json");
        assertThatThrownBy(() -> imports.importRegion(CITY, "合成第二城", osm, nanjing, CoordinateSystem.GCJ02, census, "test"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("census"));
        Path otherCensus = dir.resolve("other.csv");
        Files.writeString(otherCensus, "CODE,NAME,POPU\n320102,玄武区,537825\n");
        assertThatThrownBy(() -> imports.importRegion(CITY, "合成第二城", osm, districts, CoordinateSystem.WGS84, otherCensus, "test"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("census"));
        Path nanjingCensus = dir.resolve("nanjing.csv");
        Files.writeString(nanjingCensus, "CODE,NAME,POPU\n320102,玄武区,537825\n");
        assertThatThrownBy(() -> imports.importRegion(CITY, "合成第二城", osm, nanjing, CoordinateSystem.GCJ02, nanjingCensus, "test"))
                .as("an OSM extract whose declared area misses the districts")
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("osm"));
        assertThat(regions.find(CITY)).isEmpty();
        assertThat(api().get("/api/coverage").status()).as("still one region: no region parameter needed").isEqualTo(200);
    }

    @Test
    @Order(2)
    void shouldServeASecondRegionBesideTheDemoWithNothingCrossing() throws Exception {
        RegionImportService.Imported imported = imports.importRegion(CITY, "合成第二城", osm, districts, CoordinateSystem.WGS84, census, "test");
        assertThat(imported.region().status()).isEqualTo(RegionStatus.READY);
        assertThat(imported.districts()).isEqualTo(8);
        assertThat(imported.districtsWithCensus()).isEqualTo(8);
        Api api = api();
        // three stations in the new city, placed at street corners
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "合成城驿站" + i);
            body.put("kind", "爱心驿站");
            body.put("lon", SYNTHETIC.lon((4 + 8 * i) * 150.0));
            body.put("lat", SYNTHETIC.lat(4 * 150.0));
            Api.Response created = api.post("/api/stations", body);
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            cityStations.add(created.json().get("id").asLong());
        }

        JsonNode list = api.get("/api/regions").json().get("regions");
        assertThat(list.findValuesAsString("code")).containsExactlyInAnyOrder(CITY, "nanjing-core");
        for (JsonNode r : list) {
            if (r.get("region").get("code").asText().equals(CITY)) {
                assertThat(r.get("districts").asInt()).isEqualTo(8);
                assertThat(r.get("stations").asInt()).isEqualTo(3);
                assertThat(r.get("region").get("status").asText()).isEqualTo("READY");
            } else {
                assertThat(r.get("districts").asInt()).isEqualTo(11);
                assertThat(r.get("stations").asInt()).isEqualTo(39);
            }
        }

        Api.Response ambiguous = api.get("/api/coverage");
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.json().get("field").asText()).isEqualTo("region");
        assertThat(ambiguous.json().get("reason").asText()).contains(CITY, "nanjing-core");
        assertThat(api.get("/api/coverage?region=nowhere").json().get("field").asText()).isEqualTo("region");

        JsonNode city = api.get("/api/coverage?region=" + CITY).json();
        assertThat(city.get("region").get("code").asText()).isEqualTo(CITY);
        assertThat(city.get("stations").get("counted").asInt()).isEqualTo(3);
        assertThat(city.get("districts").findValuesAsString("adcode")).hasSize(8).allMatch(a -> a.startsWith("99"));
        long censusTotal = SYNTHETIC.census().values().stream().mapToLong(c -> c.population()).sum();
        // wholly inside the city's extract: every district's whole census counts
        assertThat(city.get("total").get("people").asLong()).isBetween(censusTotal - 8, censusTotal + 8);

        JsonNode nanjing = api.get("/api/coverage?region=nanjing-core").json();
        assertThat(nanjing.get("stations").get("counted").asInt()).isGreaterThanOrEqualTo(30).isLessThanOrEqualTo(39);
        assertThat(nanjing.get("districts").findValuesAsString("adcode")).allMatch(a -> a.startsWith("3201"));

        JsonNode stations = api.get("/api/stations?region=" + CITY).json();
        assertThat(stations.get("count").asInt()).isEqualTo(3);
        assertThat(api.get("/api/stations?region=nanjing-core").json().get("count").asInt()).isEqualTo(39);
        assertThat(api.get("/api/districts?geometry=false&region=" + CITY).json().get("features")).hasSize(8);

        JsonNode near = api.get("/api/nearest?region=" + CITY + "&k=5&lon=" + SYNTHETIC.lon(6 * 150.0) + "&lat=" + SYNTHETIC.lat(5 * 150.0)).json();
        List<Long> found = near.get("stations").findValues("id").stream().map(JsonNode::asLong).toList();
        assertThat(found).isNotEmpty();
        assertThat(cityStations).containsAll(found);
        Api.Response wrongCity = api.get("/api/nearest?region=nanjing-core&lon=" + SYNTHETIC.lon(6 * 150.0) + "&lat=" + SYNTHETIC.lat(5 * 150.0));
        assertThat(wrongCity.status()).as("a point of the other city is off this region's roads").isEqualTo(400);

        JsonNode gaps = api.get("/api/coverage/gaps?region=" + CITY + "&minutes=5").json();
        assertThat(gaps.get("features")).isNotEmpty();
        assertThat(gaps.get("features").findValuesAsString("adcode")).allMatch(a -> a.startsWith("99"));
        assertThat(api.get("/api/map-config?region=" + CITY).json().get("region").get("code").asText()).isEqualTo(CITY);
        assertThat(api.get("/api/map-config").status()).isEqualTo(400);

        // planning is per region: compliance, targets and scenarios of one city never show the other's
        JsonNode compliance = api.get("/api/planning/compliance?region=" + CITY).json();
        assertThat(compliance.get("districts").findValuesAsString("adcode")).hasSize(8).allMatch(a -> a.startsWith("99"));
        assertThat(api.get("/api/planning/compliance").json().get("field").asText()).isEqualTo("region");
        assertThat(api.put("/api/planning/targets/SHUANG15_COVERAGE_SHARE?region=" + CITY, Map.of("value", 80, "setBy", "合成城总工会"),
                Map.of()).status()).isEqualTo(200);
        assertThat(api.get("/api/planning/targets?region=nanjing-core").json().get("targets").findValues("regionSet"))
                .allMatch(v -> !v.asBoolean());
        long scenario = api.post("/api/scenarios", Map.of("region", CITY, "name", "合成城方案", "changes",
                List.of(Map.of("op", "close", "stationId", cityStations.iterator().next())))).json().get("id").asLong();
        assertThat(api.get("/api/scenarios?region=" + CITY).json().get("scenarios").findValuesAsString("name")).contains("合成城方案");
        assertThat(api.get("/api/scenarios?region=nanjing-core").json().get("scenarios").findValuesAsString("name"))
                .doesNotContain("合成城方案");
        JsonNode compared = api.get("/api/scenarios/compare?a=current&b=" + scenario).json();
        assertThat(compared.get("region").get("code").asText()).isEqualTo(CITY);
        assertThat(compared.get("b").get("changes").get("closed").asInt()).isEqualTo(1);
        assertThat(compared.get("total").get("peopleCoveredChange").asLong()).isNotPositive();
        assertThat(api.delete("/api/planning/targets/SHUANG15_COVERAGE_SHARE?region=" + CITY, Map.of()).status()).isEqualTo(204);

        // the import is in the audit trail: the region, its districts and census figures, by whom
        JsonNode audit = api.get("/api/audit?region=" + CITY + "&limit=1000").json().get("events");
        assertThat(audit.findValuesAsString("entity")).contains("REGION", "DISTRICT", "CENSUS", "SCENARIO", "TARGET");
        assertThat(audit.findValues("entity").stream().filter(e -> e.asText().equals("DISTRICT")).count()).isEqualTo(8);
        assertThat(audit.findValuesAsString("region")).containsOnly(CITY);
    }

    /**
     * Under a budget that holds one region (0 MB: only the one just loaded), loading one drops the other, which loads again from its
     * cached graph when asked for; health says which is in memory.
     */
    @Test
    @Order(4)
    void shouldKeepOnlyWhatTheMemoryBudgetHoldsAndReloadOnDemand() {
        Api api = api();
        assertThat(api.get("/api/coverage?region=nanjing-core").status()).isEqualTo(200);
        assertThat(loaded()).containsExactly("region nanjing-core");
        assertThat(api.get("/api/coverage?region=" + CITY).status()).isEqualTo(200);
        assertThat(loaded()).containsExactly("region " + CITY);
        JsonNode again = api.get("/api/coverage?region=nanjing-core").json();
        assertThat(again.get("stations").get("counted").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(loaded()).containsExactly("region nanjing-core");
        // and the metrics say so: one region in memory, at least two dropped so far
        assertThat(metric(api, "servicemap.regions.loaded")).isEqualTo(1);
        assertThat(metric(api, "servicemap.regions.evictions")).isGreaterThanOrEqualTo(2);
        assertThat(metric(api, "servicemap.regions.memory.estimated")).isPositive();
    }

    private static double metric(Api api, String name) {
        Api.Response r = api.get("/actuator/metrics/" + name);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().get("measurements").get(0).get("value").asDouble();
    }

    @Test
    @Order(5)
    void shouldMarkAnImportInterruptedByACrashAsFailedOnStart() {
        regions.save(new Region("990200", "中断的城", false, "", null, List.of(), java.time.OffsetDateTime.now(),
                RegionStatus.IMPORTING, null));
        imports.markInterruptedImportsFailed();
        Region failed = regions.find("990200").orElseThrow();
        assertThat(failed.status()).isEqualTo(RegionStatus.FAILED);
        assertThat(failed.statusReason()).contains("interrupted");
        Api.Response notReady = api().get("/api/coverage?region=990200");
        assertThat(notReady.status()).isEqualTo(503);
        assertThat(notReady.json().get("detail").asText()).contains("interrupted");
    }

    /** Through the API as the planner page sends it: 202 with a job that reaches READY; a file that does not fit is a 400 at once. */
    @Test
    @Order(6)
    void shouldCreateARegionFromUploadedFilesAsAJobWithProgress() throws Exception {
        SyntheticCity third = new SyntheticCity(7L, 117.0, 31.0, 12, 10, 150, 2, 2, "990300");
        Path folder = Files.createDirectories(dir.resolve("third"));
        third.writeOsm(folder.resolve("third.osm"), 4);
        third.writeDistricts(folder.resolve("d.json"));
        third.writeCensus(folder.resolve("c.csv"));
        Files.writeString(folder.resolve("bad.csv"), "CODE,NAME,POPU\n320102,玄武区,537825\n");

        java.net.http.HttpResponse<String> refused = upload("990300", folder.resolve("third.osm"), folder.resolve("d.json"),
                folder.resolve("bad.csv"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"census\"");
        assertThat(regions.find("990300")).isEmpty();
        // the second city's districts under another code: an adcode belongs to one region only
        java.net.http.HttpResponse<String> taken = upload("990400", osm, districts, census);
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("\"field\":\"districts\"", "990101", CITY);
        assertThat(regions.find("990400")).isEmpty();

        java.net.http.HttpResponse<String> accepted = upload("990300", folder.resolve("third.osm"), folder.resolve("d.json"),
                folder.resolve("c.csv"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode job = null;
        for (int i = 0; i < 300; i++) {
            job = api().get(location).json();
            if (!job.get("status").asText().equals("RUNNING") && !job.get("status").asText().equals("QUEUED")) {
                break;
            }
            assertThat(job.get("percent").asInt()).isBetween(0, 100);
            Thread.sleep(100);
        }
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        assertThat(job.get("result").asText()).contains("990300");
        assertThat(regions.find("990300").orElseThrow().status()).isEqualTo(RegionStatus.READY);
        assertThat(api().get("/api/coverage?region=990300").json().get("districts")).hasSize(4);
        assertThat(api().get("/api/jobs/no-such-job").status()).isEqualTo(404);
    }

    /** A re-import whose network cannot be built fails the import, not the region: its previous version keeps serving. */
    @Test
    @Order(7)
    void shouldKeepServingThePreviousVersionWhenAReimportFails() throws Exception {
        int before = api().get("/api/coverage?region=" + CITY).json().get("stations").get("counted").asInt();
        Path broken = dir.resolve("broken.osm");
        // it declares the city's bounds (the check passes), but its content is no OSM a router can read
        Files.writeString(broken, Files.readString(osm).replaceFirst("(?s)(<bounds[^>]*/>).*", "$1\n<node id=\"x\" lat=\"north\"/>\n"));
        assertThatThrownBy(() -> imports.importRegion(CITY, "合成第二城（坏文件）", broken, districts, CoordinateSystem.WGS84, census, "test"))
                .isInstanceOf(RuntimeException.class);
        Region region = regions.find(CITY).orElseThrow();
        assertThat(region.status()).isEqualTo(RegionStatus.READY);
        assertThat(region.nameZh()).isEqualTo("合成第二城");
        assertThat(region.osmSource()).isEqualTo(osm.toAbsolutePath().toString());
        JsonNode after = api().get("/api/coverage?region=" + CITY).json();
        assertThat(after.get("stations").get("counted").asInt()).isEqualTo(before);
    }

    /**
     * A re-import whose boundary file merges two districts into a new one: the two are gone, their station moves to the
     * district that now contains it. One that drops a district with a station in it and covers it by none is refused,
     * naming the station, and changes nothing.
     */
    @Test
    @Order(8)
    void shouldMoveStationsOfDroppedDistrictsOrRefuseToStrandThem() throws Exception {
        tools.jackson.databind.ObjectMapper json = new tools.jackson.databind.ObjectMapper();
        tools.jackson.databind.node.ObjectNode file = (tools.jackson.databind.node.ObjectNode) json.readTree(districts.toFile());
        tools.jackson.databind.node.ArrayNode features = (tools.jackson.databind.node.ArrayNode) file.get("features");
        tools.jackson.databind.node.ObjectNode merged = (tools.jackson.databind.node.ObjectNode) features.get(0).deepCopy();
        for (int i = features.size() - 1; i >= 0; i--) {
            String adcode = features.get(i).get("properties").get("adcode").asText();
            if (adcode.equals("990101") || adcode.equals("990102")) {
                features.remove(i);
            }
        }
        ((tools.jackson.databind.node.ObjectNode) merged.get("properties")).put("adcode", 990109).put("name", "合成合并区");
        double x1 = 1800, y1 = 1200; // 990101 and 990102 side by side: 0–1800 m east, 0–1200 m north
        String ring = "[[" + SYNTHETIC.lon(0) + "," + SYNTHETIC.lat(0) + "],[" + SYNTHETIC.lon(x1) + "," + SYNTHETIC.lat(0) + "],["
                + SYNTHETIC.lon(x1) + "," + SYNTHETIC.lat(y1) + "],[" + SYNTHETIC.lon(0) + "," + SYNTHETIC.lat(y1) + "],["
                + SYNTHETIC.lon(0) + "," + SYNTHETIC.lat(0) + "]]";
        merged.set("geometry", json.readTree("{\"type\":\"MultiPolygon\",\"coordinates\":[[" + ring + "]]}"));
        features.add(merged);
        Path mergedFile = dir.resolve("merged.json");
        json.writeValue(mergedFile.toFile(), file);
        Path mergedCensus = dir.resolve("merged-census.csv");
        Files.writeString(mergedCensus, Files.readString(census) + "990109,合成合并区,30000,1.0\n");

        imports.importRegion(CITY, "合成第二城", osm, mergedFile, CoordinateSystem.WGS84, mergedCensus, "test");

        Api api = api();
        List<String> adcodes = api.get("/api/districts?geometry=false&region=" + CITY).json().get("features")
                .findValuesAsString("adcode");
        assertThat(adcodes).hasSize(7).contains("990109").doesNotContain("990101", "990102");
        JsonNode stations = api.get("/api/stations?region=" + CITY).json();
        assertThat(stations.get("count").asInt()).isEqualTo(3);
        assertThat(stations.findValuesAsString("adcode")).contains("990109").doesNotContain("990101");
        assertThat(api.get("/api/coverage?region=" + CITY).json().get("districts").findValuesAsString("adcode"))
                .contains("990109").doesNotContain("990101", "990102");

        // now drop 990104 (2,700–3,600 m east), where the third station stands 300 m from its edge, and cover it by nothing
        for (int i = features.size() - 1; i >= 0; i--) {
            if (features.get(i).get("properties").get("adcode").asText().equals("990104")) {
                features.remove(i);
            }
        }
        Path holed = dir.resolve("holed.json");
        json.writeValue(holed.toFile(), file);
        assertThatThrownBy(() -> imports.importRegion(CITY, "合成第二城", osm, holed, CoordinateSystem.WGS84, mergedCensus, "test"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("districts");
                    assertThat(e.errors().get(0).reason()).contains("合成城驿站2", "990104");
                });
        assertThat(api.get("/api/districts?geometry=false&region=" + CITY).json().get("features")).hasSize(7);
    }

    /** A multipart POST /api/regions with the three files, as a browser sends the upload form. */
    private java.net.http.HttpResponse<String> upload(String code, Path osmFile, Path districtFile, Path censusFile) throws Exception {
        String boundary = "----servicemap" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (String[] field : new String[][]{{"code", code}, {"name", "上传的城"}, {"crs", "WGS84"}}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        for (Object[] part : new Object[][]{{"osm", osmFile}, {"districts", districtFile}, {"census", censusFile}}) {
            Path file = (Path) part[1];
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part[0] + "\"; filename=\""
                    + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(file));
            body.write("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port() + "/api/regions"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private List<String> loaded() {
        return networks.health().getDetails().keySet().stream().filter(k -> k.startsWith("region ")).toList();
    }
}
