package cn.servicemap.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.Api;
import cn.servicemap.support.DemoRegionTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Coverage of the demo stations over the Nanjing core through the API, on each database. */
abstract class CoverageApiContract extends DemoRegionTestBase {

    @Test
    void shouldReportCoveragePerDistrictNamingRegionProfileAndDataVersion() {
        JsonNode r = api().get("/api/coverage").json();
        assertThat(r.get("region").get("code").asText()).isEqualTo("nanjing-core");
        assertThat(r.get("profile").asText()).isEqualTo("WALK");
        assertThat(r.get("profileName").asText()).isEqualTo("步行");
        assertThat(r.get("dataVersion").asLong()).isPositive();
        List<String> adcodes = new ArrayList<>();
        long people = 0;
        for (JsonNode d : r.get("districts")) {
            adcodes.add(d.get("adcode").asText());
            assertThat(d.get("people").asLong()).isLessThanOrEqualTo(d.get("censusPeople").asLong());
            assertThat(d.get("coveredPart").asText()).startsWith("路网覆盖");
            assertThat(d.get("bands").get(2).get("peopleCovered").asLong()).isLessThanOrEqualTo(d.get("people").asLong());
            people += d.get("people").asLong();
        }
        assertThat(adcodes).contains("320102", "320104", "320106");
        assertThat(r.get("total").get("people").asLong()).isBetween(people - 3, people + 3);
        assertThat(r.get("total").get("bands").get(2).get("peopleShare").asDouble()).isGreaterThan(0.9);
        // Demo stations on sidewalk pieces drawn without their crossings are flagged, not dropped.
        assertThat(r.get("stations").get("flagged").findValuesAsString("problem")).contains("ISOLATED_NETWORK_PIECE");
        assertThat(r.get("stations").get("counted").asInt()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void shouldDrawNestedBandsAndNonOverlappingRings() {
        JsonNode nested = api().get("/api/coverage/bands").json();
        JsonNode rings = api().get("/api/coverage/bands?form=rings").json();
        assertThat(nested.get("features")).hasSize(3);
        double previous = 0;
        for (JsonNode f : nested.get("features")) {
            assertThat(f.get("properties").get("areaKm2").asDouble()).isGreaterThanOrEqualTo(previous);
            previous = f.get("properties").get("areaKm2").asDouble();
        }
        double ringSum = 0;
        for (JsonNode f : rings.get("features")) {
            ringSum += f.get("properties").get("areaKm2").asDouble();
        }
        assertThat(ringSum).isCloseTo(previous, org.assertj.core.data.Offset.offset(0.01));
        assertThat(api().get("/api/coverage/bands?form=circles").status()).isEqualTo(400);
        assertThat(api().get("/api/coverage/bands?bands=15,10").json().get("field").asText()).isEqualTo("bands");
    }

    /**
     * The report at a moment counts only the stations open then: fewer at 03:00 than at noon on a weekday, all of them
     * without a moment; it names the moment, and says so when the holiday calendar does not know the year. With a
     * service, only the stations offering it count.
     */
    @Test
    void shouldCountOnlyTheStationsOpenAtTheMomentAsked() {
        JsonNode all = api().get("/api/coverage").json();
        JsonNode noon = api().get("/api/coverage?at=2026-12-02T12:00").json(); // a Wednesday
        JsonNode night = api().get("/api/coverage?at=2026-12-02T03:00").json();
        int counted = all.get("stations").get("counted").asInt();
        assertThat(night.get("stations").get("counted").asInt()).isLessThan(noon.get("stations").get("counted").asInt());
        assertThat(noon.get("stations").get("counted").asInt()).isLessThanOrEqualTo(counted);
        assertThat(night.get("total").get("bands").get(2).get("peopleCovered").asLong())
                .isLessThan(all.get("total").get("bands").get(2).get("peopleCovered").asLong());
        assertThat(night.get("openAt").asText()).startsWith("2026-12-02T03:00");
        assertThat(all.get("openAt").isNull()).isTrue();
        assertThat(night.get("calendarNote").isNull()).isTrue();
        assertThat(api().get("/api/coverage?at=2031-05-01T12:00").json().get("calendarNote").asText()).contains("2031");
        // stations offering a service: fewer, and an unknown service is named
        JsonNode books = api().get("/api/coverage?service=图书").json();
        assertThat(books.get("stations").get("counted").asInt()).isPositive().isLessThan(counted);
        assertThat(books.get("total").get("bands").get(2).get("peopleCovered").asLong())
                .isLessThan(all.get("total").get("bands").get(2).get("peopleCovered").asLong());
        assertThat(api().get("/api/coverage?service=FREE_BEER").json().get("field").asText()).isEqualTo("service");
        Api.Response bad = api().get("/api/coverage?at=tomorrow");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("at");
    }

    /**
     * The week table: 168 hours per district and for the region; an hour's figures equal the report at that moment (the
     * incremental week against a full computation through the API); fewer people covered at night than at noon.
     */
    @Test
    void shouldTabulateCoverageForEveryHourOfTheWeekAsTheReportAtThatHourHasIt() {
        JsonNode week = api().get("/api/coverage/week?minutes=15&week=2026-12-02&cross=true").json();
        assertThat(week.get("monday").asText()).isEqualTo("2026-11-30");
        assertThat(week.get("total").get("hours")).hasSize(168);
        JsonNode report = api().get("/api/coverage?bands=15").json();
        assertThat(week.get("districts")).hasSize(report.get("districts").size());
        for (int[] dayHour : new int[][] {{2, 3}, {2, 12}, {5, 23}}) { // Wednesday 03:00 and noon, Saturday 23:00
            int hour = dayHour[0] * 24 + dayHour[1];
            String at = String.format("2026-%s-%02dT%02d:00", dayHour[0] == 0 ? "11" : "12", dayHour[0] == 0 ? 30 : dayHour[0], dayHour[1]);
            JsonNode then = api().get("/api/coverage?bands=15&at=" + at).json();
            JsonNode h = week.get("total").get("hours").get(hour);
            assertThat(h.get("hour").asInt()).isEqualTo(hour);
            assertThat(h.get("openStations").asInt()).as(at).isEqualTo(then.get("stations").get("counted").asInt());
            assertThat(h.get("peopleWithin").asLong()).as(at)
                    .isCloseTo(then.get("total").get("bands").get(0).get("peopleCovered").asLong(), org.assertj.core.data.Offset.offset(1L));
            assertThat(h.get("peopleWithTwo").asLong()).isLessThanOrEqualTo(h.get("peopleWithin").asLong());
        }
        JsonNode hours = week.get("total").get("hours");
        assertThat(hours.get(2 * 24 + 3).get("peopleWithin").asLong()).isLessThan(hours.get(2 * 24 + 12).get("peopleWithin").asLong());
        assertThat(week.get("calendarNote").isNull()).isTrue();
        assertThat(api().get("/api/coverage/week?week=2031-06-04").json().get("calendarNote").asText()).contains("2031");
        assertThat(api().get("/api/coverage/week?minutes=0").json().get("field").asText()).isEqualTo("minutes");
    }

    /**
     * Whom coverage counts: riders (outlets), sanitation workers (streets) or drivers instead of residents, on the same
     * cells with the method named; the figures differ from residents'; siting for riders at night is one request.
     */
    @Test
    void shouldCountAWorkerGroupsDemandAndSiteForItAtNight() throws Exception {
        JsonNode residents = api().get("/api/coverage?bands=15").json();
        JsonNode riders = api().get("/api/coverage?bands=15&demand=riders").json();
        assertThat(residents.get("demand").get("code").asText()).isEqualTo("RESIDENTS");
        assertThat(riders.get("demand").get("code").asText()).isEqualTo("RIDERS");
        assertThat(riders.get("demand").get("relative").asBoolean()).isTrue();
        assertThat(riders.get("demand").get("method").asText()).isNotBlank();
        assertThat(riders.get("total").get("people").asLong()).isPositive().isNotEqualTo(residents.get("total").get("people").asLong());
        assertThat(riders.get("stations").get("counted").asInt()).isEqualTo(residents.get("stations").get("counted").asInt());
        assertThat(api().get("/api/coverage?bands=15&demand=环卫").json().get("demand").get("code").asText()).isEqualTo("SANITATION");
        assertThat(api().get("/api/coverage/week?demand=riders").json().get("demand").get("code").asText()).isEqualTo("RIDERS");
        assertThat(api().get("/api/coverage?demand=tourists").json().get("field").asText()).isEqualTo("demand");
        assertThat(api().post("/api/planning/siting", Map.of("sites", 3, "demand", "tourists")).json().get("field").asText())
                .isEqualTo("demand");

        Api.Response started = api().post("/api/planning/siting", Map.of("minutes", 15, "sites", 3, "demand", "riders",
                "at", "2026-12-02T23:00", "exactSeconds", 0));
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String id = started.json().get("id").asText();
        JsonNode job = api().get("/api/jobs/" + id).json();
        for (int i = 0; i < 600 && !job.get("status").asText().matches("SUCCEEDED|FAILED|CANCELLED"); i++) {
            Thread.sleep(50);
            job = api().get("/api/jobs/" + id).json();
        }
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode sited = api().get("/api/planning/siting/" + id).json();
        JsonNode nightRiders = api().get("/api/coverage?bands=15&demand=riders&at=2026-12-02T23:00").json();
        assertThat(sited.get("peopleWithinBefore").asLong())
                .as("the answer starts from the riders within 15 minutes of a station open at 23:00")
                .isCloseTo(nightRiders.get("total").get("bands").get(0).get("peopleCovered").asLong(), org.assertj.core.data.Offset.offset(1L));
        assertThat(sited.get("peopleGained").asLong()).isPositive();

        // a planner's own points: uploaded, then counted by id like any demand
        byte[] points = ("经度,纬度,权重\n118.7841,32.0416,5\n118.7850,32.0420,10\n118.7830,32.0400,1\n120.5,31.3,7\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Api.Response uploaded = api().upload("/api/demands?name=" + java.net.URLEncoder.encode("订单热力", java.nio.charset.StandardCharsets.UTF_8)
                + "&crs=WGS84", "orders.csv", points);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        assertThat(uploaded.json().get("pointsInside").asInt()).isEqualTo(3);
        assertThat(uploaded.json().get("pointsOutside").asInt()).isEqualTo(1);
        long upload = uploaded.json().get("id").asLong();
        JsonNode orders = api().get("/api/coverage?bands=15&demand=" + upload).json();
        assertThat(orders.get("demand").get("code").asText()).isEqualTo("CUSTOM");
        assertThat(orders.get("total").get("people").asLong()).isEqualTo(16);
        assertThat(api().get("/api/demands").json().get("uploads").findValuesAsString("name")).contains("订单热力");
        assertThat(api().get("/api/coverage?demand=999999").json().get("field").asText()).isEqualTo("demand");
        Api.Response noCoordinates = api().upload("/api/demands?name=x&crs=WGS84", "bad.csv",
                "名称,权重\n甲,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(noCoordinates.status()).isEqualTo(400);
        assertThat(noCoordinates.json().get("field").asText()).isEqualTo("file");

        // a what-if at that moment, for riders: one station more than are open then, on the same riders
        JsonNode whatIf = api().post("/api/whatif", Map.of("at", "2026-12-02T23:00", "demand", "riders", "changes",
                List.of(Map.of("op", "add", "lon", 118.7841, "lat", 32.0416)))).json();
        assertThat(whatIf.get("report").get("demand").get("code").asText()).isEqualTo("RIDERS");
        assertThat(whatIf.get("report").get("stations").get("counted").asInt())
                .isEqualTo(nightRiders.get("stations").get("counted").asInt() + 1);
        assertThat(whatIf.get("report").get("total").get("people").asLong()).isEqualTo(nightRiders.get("total").get("people").asLong());
    }

    @Test
    void shouldRankGapsWithASuggestedStreetSite() {
        JsonNode gaps = api().get("/api/coverage/gaps?minutes=5&limit=3").json();
        assertThat(gaps.get("features")).isNotEmpty();
        long previous = Long.MAX_VALUE;
        for (JsonNode g : gaps.get("features")) {
            long people = g.get("properties").get("people").asLong();
            assertThat(people).isLessThanOrEqualTo(previous);
            previous = people;
            JsonNode site = g.get("properties").get("suggestedSite");
            assertThat(site.get("peopleNewlyCovered").asLong()).isPositive();
            assertThat(g.get("geometry").get("type").asText()).isIn("Polygon", "MultiPolygon");
        }
    }

    @Test
    void shouldFindTheNearestStationsByWalkingTimeWithRoutes() {
        JsonNode r = api().get("/api/nearest?lon=118.7840&lat=32.0418&k=3").json();
        assertThat(r.get("from").get("distanceToRoadInMeters").asDouble()).isLessThan(100);
        JsonNode stations = r.get("stations");
        assertThat(stations).hasSize(3);
        double previous = 0;
        for (JsonNode s : stations) {
            assertThat(s.get("minutes").asDouble()).isGreaterThanOrEqualTo(previous);
            previous = s.get("minutes").asDouble();
            // walking at 5 km/h: minutes and metres agree
            assertThat(s.get("meters").asDouble() / (s.get("minutes").asDouble() * 5000 / 60)).isBetween(0.9, 1.1);
            assertThat(s.get("route").get("type").asText()).isEqualTo("LineString");
            assertThat(s.get("station").get("properties").get("status").asText()).isEqualTo("OPEN");
        }
        JsonNode books = api().get("/api/nearest?lon=118.7840&lat=32.0418&k=5&service=图书").json().get("stations");
        assertThat(books).isNotEmpty().allSatisfy(s -> assertThat(s.get("station").get("properties").get("services")
                .findValuesAsString("code")).contains("BOOKS"));
        // Monday 10:00 (fixed clock): every station found as open now says so.
        JsonNode open = api().get("/api/nearest?lon=118.7840&lat=32.0418&k=5&openNow=true").json().get("stations");
        assertThat(open).isNotEmpty().allSatisfy(s -> assertThat(s.get("station").get("properties").get("openNow").asBoolean()).isTrue());
        Api.Response far = api().get("/api/nearest?lon=118.70&lat=32.20");
        assertThat(far.status()).isEqualTo(400);
        assertThat(far.json().get("field").asText()).isEqualTo("lon");
    }

    /**
     * Siting as a job: five new sites for the 5-minute band, each adding somebody, within the bound; added as a what-if
     * they bring exactly the people the answer claims within 5 minutes. Bad requests are refused before anything runs.
     */
    @Test
    void shouldSiteNewStationsAsAJobThatGainsWhatItClaims() throws Exception {
        Api api = api();
        Api.Response started = api.post("/api/planning/siting", Map.of("minutes", 5, "sites", 10));
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String id = started.json().get("id").asText();
        JsonNode job = null;
        for (int i = 0; i < 600; i++) {
            job = api.get("/api/jobs/" + id).json();
            if (job.get("status").asText().matches("SUCCEEDED|FAILED|CANCELLED")) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode r = api.get("/api/planning/siting/" + id).json();
        JsonNode sites = r.get("sites");
        assertThat(sites).hasSize(10);
        long claimed = r.get("peopleGained").asLong();
        assertThat(claimed).isPositive();
        assertThat(sites.findValues("peopleGained")).allSatisfy(g -> assertThat(g.asLong()).isPositive());
        assertThat(r.get("upperBound").asLong()).isGreaterThanOrEqualTo(claimed);
        // a demo-sized problem: the exact solver proves the choice optimal, so there is no gap
        assertThat(r.get("method").asText()).contains("SCIP", "proved optimal");
        assertThat(r.get("gapPercent").asDouble()).isZero();
        assertThat(r.get("peopleWithinAfter").asLong()).isEqualTo(r.get("peopleWithinBefore").asLong() + claimed);

        List<Map<String, Object>> adds = new java.util.ArrayList<>();
        for (JsonNode site : sites) {
            adds.add(Map.of("op", "add", "lon", site.get("lon").asDouble(), "lat", site.get("lat").asDouble()));
        }
        JsonNode whatIf = api.post("/api/whatif", Map.of("changes", adds)).json();
        JsonNode fiveMinutes = whatIf.get("delta").get("total").get("bands").get(0);
        assertThat(fiveMinutes.get("minutes").asInt()).isEqualTo(5);
        assertThat(fiveMinutes.get("peopleGained").asLong()).isEqualTo(claimed);

        // the XLSX download: the summary and one row per site, read back
        java.net.http.HttpResponse<byte[]> xlsx = api.bytes("/api/planning/siting/" + id + "/export");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<List<String>> rows = new java.util.ArrayList<>();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx.body()))) {
            for (org.dhatim.fastexcel.reader.Row row : wb.getFirstSheet().read()) {
                List<String> cells = new java.util.ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getCell(i) == null ? "" : row.getCell(i).getText());
                }
                rows.add(cells);
            }
        }
        assertThat(rows).anySatisfy(row -> assertThat(row).containsExactly("新增覆盖人口", String.valueOf(claimed)));
        int header = rows.indexOf(List.of("序号", "名称", "道路", "经度（WGS84）", "纬度（WGS84）", "新增覆盖人口"));
        assertThat(header).isPositive();
        assertThat(rows.subList(header + 1, rows.size())).hasSize(10)
                .allSatisfy(row -> assertThat(Long.parseLong(row.get(5))).isPositive());

        // the first site excluded: no site within 50 m of it comes back, and the others still gain something
        JsonNode first = sites.get(0);
        JsonNode without = finished(api, api.post("/api/planning/siting", Map.of("minutes", 5, "sites", 5,
                "exclude", List.of(Map.of("lon", first.get("lon").asDouble(), "lat", first.get("lat").asDouble())))).json()
                .get("id").asText());
        assertThat(without.get("sites")).isNotEmpty().allSatisfy(s -> assertThat(cn.servicemap.gis.crs.Geodesic.distanceMeters(
                s.get("lon").asDouble(), s.get("lat").asDouble(), first.get("lon").asDouble(), first.get("lat").asDouble()))
                .isGreaterThan(50));
        assertThat(without.get("peopleGained").asLong()).isPositive().isLessThanOrEqualTo(claimed);

        // the fewest sites for half of that gain: no more than the five, and no fewer than the bound says
        double share = (r.get("peopleWithinBefore").asLong() + claimed / 2.0) / r.get("people").asDouble();
        JsonNode fewest = finished(api, api.post("/api/planning/siting", Map.of("minutes", 5, "objective", "MIN_SITES",
                "targetShare", share)).json().get("id").asText());
        assertThat(fewest.get("targetReached").asBoolean()).isTrue();
        assertThat(fewest.get("sites").size()).isBetween(1, 5);
        assertThat(fewest.get("fewestPossible").asInt()).isBetween(1, fewest.get("sites").size());
        assertThat(fewest.get("peopleWithinAfter").asDouble()).isGreaterThanOrEqualTo(share * r.get("people").asDouble() - 1);

        // the region's host places (banks, post offices, toilets…) as candidates: named sites
        JsonNode hosted = finished(api, api.post("/api/planning/siting", Map.of("minutes", 5, "sites", 3,
                "candidates", "HOST_PLACES")).json().get("id").asText());
        assertThat(hosted.get("sites")).isNotEmpty();
        assertThat(hosted.get("sites").findValuesAsString("name")).allSatisfy(n -> assertThat(n).isNotBlank());
        assertThat(hosted.get("peopleGained").asLong()).isPositive();

        Api.Response none = api.post("/api/planning/siting", Map.of("sites", 0));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("errors").get(0).get("field").asText()).isEqualTo("sites");
        Api.Response noTarget = api.post("/api/planning/siting", Map.of("objective", "MIN_SITES"));
        assertThat(noTarget.status()).isEqualTo(400);
        assertThat(noTarget.json().get("errors").get(0).get("field").asText()).isEqualTo("targetShare");
        Api.Response noPoints = api.post("/api/planning/siting", Map.of("candidates", "LIST"));
        assertThat(noPoints.json().get("errors").get(0).get("field").asText()).isEqualTo("points");
        assertThat(api.get("/api/planning/siting/no-such-job").status()).isEqualTo(404);
    }

    /** 交叉覆盖: per district and band, people with two stations within reach, never more than those with one. */
    @Test
    void shouldCountThePeopleWithinReachOfTwoStations() {
        Api api = api();
        JsonNode report = api.get("/api/coverage").json();
        JsonNode cross = api.get("/api/coverage/cross").json();
        assertThat(cross.get("dataVersion").asLong()).isEqualTo(report.get("dataVersion").asLong());
        assertThat(cross.get("bands")).hasSize(report.get("bands").size());
        assertThat(cross.get("total").get("people").asLong()).isEqualTo(report.get("total").get("people").asLong());
        JsonNode fifteen = cross.get("total").get("bands").get(cross.get("total").get("bands").size() - 1);
        assertThat(fifteen.get("peopleWithTwo").asLong()).isPositive()
                .isLessThanOrEqualTo(report.get("total").get("bands").get(report.get("bands").size() - 1).get("peopleCovered").asLong());
        for (JsonNode row : cross.get("districts")) {
            long previous = 0;
            for (JsonNode b : row.get("bands")) {
                assertThat(b.get("peopleWithTwo").asLong()).isBetween(previous, row.get("people").asLong());
                previous = b.get("peopleWithTwo").asLong();
            }
        }
        assertThat(api.get("/api/coverage/cross?profile=fly").status()).isEqualTo(400);
        // at a night hour only the stations open then count: never more people with two than with every station
        JsonNode night = api.get("/api/coverage/cross?at=2026-12-02T03:00").json();
        JsonNode nightFifteen = night.get("total").get("bands").get(night.get("total").get("bands").size() - 1);
        assertThat(nightFifteen.get("peopleWithTwo").asLong()).isLessThan(fifteen.get("peopleWithTwo").asLong());
        // road-km with two stations: never more than the road-km with one, nor the road counted
        JsonNode km = cross.get("total");
        assertThat(fifteen.get("roadKmWithTwo").asDouble()).isPositive()
                .isLessThanOrEqualTo(report.get("total").get("bands").get(report.get("bands").size() - 1).get("roadKmCovered").asDouble() + 0.01)
                .isLessThanOrEqualTo(km.get("roadKm").asDouble());
    }

    @Test
    void shouldSiteForCrossCoverageGainingThePeopleWithTwoStationsItClaims() throws Exception {
        Api api = api();
        Api.Response started = api.post("/api/planning/siting", Map.of("minutes", 15, "sites", 4, "objective", "MAX_CROSS_COVERAGE"));
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        JsonNode r = finished(api, started.json().get("id").asText());
        long claimed = r.get("peopleGained").asLong();
        assertThat(claimed).isPositive();
        assertThat(r.get("upperBound").asLong()).isGreaterThanOrEqualTo(claimed);
        long before = api.get("/api/coverage/cross").json().get("total").get("bands").get(2).get("peopleWithTwo").asLong();
        assertThat(r.get("peopleWithinBefore").asLong()).isEqualTo(before);
        List<Map<String, Object>> adds = new java.util.ArrayList<>();
        for (JsonNode site : r.get("sites")) {
            adds.add(Map.of("op", "add", "lon", site.get("lon").asDouble(), "lat", site.get("lat").asDouble()));
        }
        JsonNode whatIf = api.post("/api/whatif", Map.of("changes", adds, "includeCross", true)).json();
        JsonNode after = whatIf.get("cross").get("total").get("bands").get(2);
        assertThat(after.get("minutes").asInt()).isEqualTo(15);
        // equal up to rounding each site's gain to whole people
        assertThat(after.get("peopleWithTwo").asLong()).isCloseTo(before + claimed, org.assertj.core.data.Offset.offset((long) adds.size()));
    }

    /** The answer of a siting job once it has succeeded. */
    private static JsonNode finished(Api api, String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode job = api.get("/api/jobs/" + id).json();
            if (job.get("status").asText().equals("SUCCEEDED")) {
                return api.get("/api/planning/siting/" + id).json();
            }
            assertThat(job.get("status").asText()).as(job.toString()).isIn("QUEUED", "RUNNING");
            Thread.sleep(50);
        }
        throw new AssertionError("siting job " + id + " did not finish");
    }

    @Test
    void shouldAnswerAWhatIfWithoutStoringAnything() {
        Api api = api();
        JsonNode gap = api.get("/api/coverage/gaps?minutes=5&limit=1").json().get("features").get(0).get("properties");
        JsonNode site = gap.get("suggestedSite");
        long before = api.get("/api/stations").json().get("count").asLong();
        long version = api.get("/api/coverage").json().get("dataVersion").asLong();
        JsonNode r = api.post("/api/whatif", Map.of("profile", "WALK", "includeBands", true,
                "changes", List.of(Map.of("op", "add", "lon", site.get("lon").asDouble(), "lat", site.get("lat").asDouble())))).json();
        assertThat(r.get("dataVersion").asLong()).isEqualTo(version);
        JsonNode fiveMinutes = r.get("delta").get("total").get("bands").get(0);
        assertThat(fiveMinutes.get("peopleGained").asLong()).isEqualTo(site.get("peopleNewlyCovered").asLong());
        assertThat(fiveMinutes.get("peopleLost").asLong()).isZero();
        assertThat(r.get("bands").get("features")).hasSize(3);
        assertThat(r.get("computedInMillis").asDouble()).isPositive();
        assertThat(api.get("/api/stations").json().get("count").asLong()).isEqualTo(before);

        long station = api.get("/api/stations?kind=SERVICE_CENTRE").json().get("features").get(0).get("id").asLong();
        JsonNode closed = api.post("/api/whatif", Map.of("changes", List.of(Map.of("op", "close", "stationId", station)))).json();
        assertThat(closed.get("delta").get("total").get("bands").get(0).get("peopleGained").asLong()).isZero();

        Api.Response bad = api.post("/api/whatif", Map.of("changes", List.of(Map.of("op", "teleport"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("changes[0].op");
        Api.Response unknown = api.post("/api/whatif", Map.of("changes", List.of(Map.of("op", "close", "stationId", 999999))));
        assertThat(unknown.json().get("field").asText()).isEqualTo("changes[0].stationId");
    }

    /**
     * Every pair of operations on one station in one what-if: allowed in order, or refused with the index of the
     * first change that does not fit (never a server error). A station closed by a change must be reopened before
     * it is moved or closed again; reopening brings it back where it stood, so close-then-reopen changes nothing.
     */
    @Test
    void shouldApplyEveryPairOfChangesOnOneStationInOrderOrNameTheChangeThatDoesNotFit() {
        Api api = api();
        JsonNode site = api.get("/api/coverage/gaps?minutes=5&limit=1").json().get("features").get(0).get("properties").get("suggestedSite");
        long open = api.get("/api/stations?kind=SERVICE_CENTRE").json().get("features").get(0).get("id").asLong();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", "方案测试已关闭驿站" + System.nanoTime());
        body.put("kind", "爱心驿站");
        body.put("lon", site.get("lon").asDouble());
        body.put("lat", site.get("lat").asDouble());
        long closed = api.post("/api/stations", body).json().get("id").asLong();
        assertThat(api.delete("/api/stations/" + closed + "?reason=test", Map.of()).status()).isEqualTo(200);

        // expected: the index of the refused change, or -1 when both apply
        Map<String, Integer> onOpen = Map.of("move,move", -1, "move,close", -1, "move,reopen", 1, "close,move", 1,
                "close,close", 1, "close,reopen", -1, "reopen,move", 0, "reopen,close", 0, "reopen,reopen", 0);
        Map<String, Integer> onClosed = Map.of("move,move", 0, "move,close", 0, "move,reopen", 0, "close,move", 0,
                "close,close", 0, "close,reopen", 0, "reopen,move", -1, "reopen,close", -1, "reopen,reopen", 1);
        for (Map.Entry<Long, Map<String, Integer>> station : Map.of(open, onOpen, closed, onClosed).entrySet()) {
            for (Map.Entry<String, Integer> pair : station.getValue().entrySet()) {
                String[] ops = pair.getKey().split(",");
                List<Map<String, Object>> changes = new ArrayList<>();
                for (String op : ops) {
                    Map<String, Object> c = new java.util.LinkedHashMap<>();
                    c.put("op", op);
                    c.put("stationId", station.getKey());
                    if (op.equals("move")) {
                        c.put("lon", site.get("lon").asDouble() + 0.0005);
                        c.put("lat", site.get("lat").asDouble());
                    }
                    changes.add(c);
                }
                Api.Response r = api.post("/api/whatif", Map.of("changes", changes));
                String what = "station " + station.getKey() + ": " + pair.getKey() + " -> " + r.text();
                if (pair.getValue() < 0) {
                    assertThat(r.status()).as(what).isEqualTo(200);
                } else {
                    assertThat(r.status()).as(what).isEqualTo(400);
                    assertThat(r.json().get("field").asText()).as(what).isEqualTo("changes[" + pair.getValue() + "].stationId");
                }
            }
        }
        JsonNode closeThenReopen = api.post("/api/whatif", Map.of("changes", List.of(Map.of("op", "close", "stationId", open),
                Map.of("op", "reopen", "stationId", open)))).json();
        for (JsonNode band : closeThenReopen.get("delta").get("total").get("bands")) {
            assertThat(band.get("peopleGained").asLong()).isZero();
            assertThat(band.get("peopleLost").asLong()).isZero();
        }
        JsonNode reopened = api.post("/api/whatif", Map.of("changes", List.of(Map.of("op", "reopen", "stationId", closed)))).json();
        assertThat(reopened.get("report").get("stations").get("counted").asInt())
                .isEqualTo(api.get("/api/coverage").json().get("stations").get("counted").asInt() + 1);
        assertThat(reopened.get("placed")).hasSize(1);
    }

    @Test
    void shouldRefuseNullsAndBadBandsWithTheirField() {
        Api api = api();
        java.util.List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        Api.Response nullChange = api.post("/api/whatif", Map.of("changes", withNull));
        assertThat(nullChange.status()).isEqualTo(400);
        assertThat(nullChange.json().get("field").asText()).isEqualTo("changes[0]");
        Api.Response emptyBand = api.get("/api/coverage?bands=5,,10");
        assertThat(emptyBand.status()).isEqualTo(400);
        assertThat(emptyBand.json().get("field").asText()).isEqualTo("bands");
        java.util.List<Object> bands = new ArrayList<>(List.of(5));
        bands.add(null);
        Api.Response nullBand = api.post("/api/whatif", Map.of("bands", bands, "changes", List.of(Map.of("op", "close", "stationId", 1))));
        assertThat(nullBand.status()).isEqualTo(400);
        assertThat(nullBand.json().get("field").asText()).isEqualTo("bands");
        java.util.List<Object> nullKind = new ArrayList<>();
        nullKind.add(null);
        long station = api.get("/api/stations?kind=SERVICE_CENTRE").json().get("features").get(0).get("id").asLong();
        Api.Response kinds = api.post("/api/whatif", Map.of("kinds", nullKind, "changes", List.of(Map.of("op", "close", "stationId", station))));
        assertThat(kinds.status()).as(kinds.text()).isEqualTo(200);
    }

    /** Band tiles: a PNG whose pixels at a station are the first band's colour, revalidated by ETag, refused when the colours do not fit. */
    @Test
    void shouldDrawBandTilesThatShowTheBandAtAStation() throws Exception {
        Api api = api();
        JsonNode station = api.get("/api/stations?kind=SERVICE_CENTRE").json().get("features").get(0).get("geometry").get("coordinates");
        double lon = station.get(0).asDouble();
        double lat = station.get(1).asDouble();
        int z = 16;
        int x = (int) Math.floor((lon + 180) / 360 * (1 << z));
        double latRad = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * (1 << z));
        String url = "/api/coverage/tiles/" + z + "/" + x + "/" + y + ".png?colors=1a9850,91cf60,fee08b";
        java.net.http.HttpResponse<byte[]> png = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port() + url)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
        double px = ((lon + 180) / 360 * (1 << z) - x) * 256;
        double py = ((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * (1 << z) - y) * 256;
        assertThat(image.getRGB((int) px, (int) py) & 0xffffff).isEqualTo(0x1a9850);
        String etag = png.headers().firstValue("ETag").orElseThrow();
        assertThat(api.get(url, Map.of("If-None-Match", etag)).status()).isEqualTo(304);
        Api.Response twoColours = api.get("/api/coverage/tiles/" + z + "/" + x + "/" + y + ".png?colors=1a9850,91cf60");
        assertThat(twoColours.status()).isEqualTo(400);
        assertThat(twoColours.json().get("field").asText()).isEqualTo("colors");
    }

    /** 每万人驿站 divides the district's stations by the same people the table shows beside it. */
    @Test
    void shouldCountStationsPer10000OfThePeopleCounted() {
        JsonNode r = api().get("/api/coverage").json();
        for (JsonNode d : r.get("districts")) {
            long people = d.get("people").asLong();
            if (people > 0) {
                assertThat(d.get("stationsPer10kPeople").asDouble()).as(d.get("name").asText())
                        .isCloseTo(d.get("stations").asInt() * 10_000.0 / people, org.assertj.core.data.Offset.offset(0.001));
            }
        }
        JsonNode xuanwu = r.get("districts").findParents("adcode").stream().filter(d -> d.get("adcode").asText().equals("320102"))
                .findFirst().orElseThrow();
        assertThat(xuanwu.get("stations").asInt()).isPositive();
        // thousands of people in the core, not the district's half a million: several stations per 10,000
        assertThat(xuanwu.get("stationsPer10kPeople").asDouble()).isGreaterThan(1);
        assertThat(r.get("total").get("name").asText()).isEqualTo("全区域");
    }

    @Test
    void shouldRecomputeWhenStationsChange() {
        Api api = api();
        JsonNode before = api.get("/api/coverage").json();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", "覆盖测试新驿站" + System.nanoTime());
        body.put("kind", "爱心驿站");
        body.put("lon", 118.7790);
        body.put("lat", 32.0470);
        assertThat(api.post("/api/stations", body).status()).isEqualTo(201);
        JsonNode after = api.get("/api/coverage").json();
        assertThat(after.get("dataVersion").asLong()).isGreaterThan(before.get("dataVersion").asLong());
        assertThat(after.get("stations").get("counted").asInt()).isEqualTo(before.get("stations").get("counted").asInt() + 1);
    }

    @Test
    void shouldComputeOtherProfiles() {
        JsonNode ebike = api().get("/api/coverage?profile=电动自行车").json();
        assertThat(ebike.get("profile").asText()).isEqualTo("EBIKE");
        JsonNode walk = api().get("/api/coverage").json();
        // Faster travel covers at least as many people within 5 minutes.
        assertThat(ebike.get("total").get("bands").get(0).get("peopleCovered").asLong())
                .isGreaterThanOrEqualTo(walk.get("total").get("bands").get(0).get("peopleCovered").asLong());
        assertThat(api().get("/api/coverage?profile=CAR").status()).isEqualTo(200);
    }

    @Test
    void shouldCountNewCensusFiguresAfterAnImport() {
        Api api = api();
        long before = qinhuai(api.get("/api/coverage").json()).get("people").asLong();
        long census = api.get("/api/districts/320104").json().get("properties").get("population").asLong();
        try {
            assertThat(upload(api, census * 2).status()).isEqualTo(200);
            long after = qinhuai(api.get("/api/coverage").json()).get("people").asLong();
            assertThat(after).isBetween(2 * before - 2, 2 * before + 2);
        } finally {
            upload(api, census);
        }
        assertThat(qinhuai(api.get("/api/coverage").json()).get("people").asLong()).isEqualTo(before);
    }

    private static Api.Response upload(Api api, long qinhuaiPeople) {
        String csv = "CODE,NAME,POPU\n320104,秦淮区," + qinhuaiPeople + "\n";
        return api.upload("/api/districts/population", "census.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static JsonNode qinhuai(JsonNode report) {
        for (JsonNode d : report.get("districts")) {
            if (d.get("adcode").asText().equals("320104")) {
                return d;
            }
        }
        throw new AssertionError("no 秦淮区 row in " + report);
    }
}
