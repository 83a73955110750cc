package cn.servicemap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.Api;
import cn.servicemap.support.DemoRegionTestBase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Saved what-ifs (方案) and the report export, on each database. */
abstract class ScenarioApiContract extends DemoRegionTestBase {

    @Test
    void shouldSaveOpenApplyAndNotApplyTwice() {
        Api api = api();
        JsonNode site = api.get("/api/coverage/gaps?minutes=5&limit=1").json().get("features").get(0).get("properties").get("suggestedSite");
        long toClose = api.get("/api/stations?kind=LEGAL_AID").json().get("features").get(0).get("id").asLong();
        List<Map<String, Object>> changes = List.of(
                Map.of("op", "add", "lon", site.get("lon").asDouble(), "lat", site.get("lat").asDouble(), "name", "方案新驿站", "kind", "爱心驿站"),
                Map.of("op", "close", "stationId", toClose));
        Api.Response saved = api.post("/api/scenarios", Map.of("name", "补缺口方案", "profile", "WALK", "changes", changes));
        assertThat(saved.status()).isEqualTo(201);
        long id = saved.json().get("id").asLong();
        assertThat(api.get("/api/scenarios").json().get("scenarios").findValuesAsString("name")).contains("补缺口方案");

        JsonNode opened = api.get("/api/scenarios/" + id).json();
        assertThat(opened.get("whatif").get("delta").get("total").get("bands").get(0).get("peopleGained").asLong()).isPositive();
        assertThat(opened.get("whatif").get("bands").get("features")).hasSize(3);

        // 交叉覆盖 after the changes, updated change by change, equals a full search once they are in the registry
        JsonNode crossWhatIf = api.post("/api/whatif", Map.of("profile", "WALK", "changes", changes, "includeCross", true)).json().get("cross");
        int before = api.get("/api/stations").json().get("count").asInt();
        JsonNode applied = api.post("/api/scenarios/" + id + "/apply", Map.of()).json();
        JsonNode crossApplied = api.get("/api/coverage/cross?profile=WALK").json();
        for (int b = 0; b < crossApplied.get("bands").size(); b++) {
            assertThat(crossApplied.get("total").get("bands").get(b).get("peopleWithTwo").asLong())
                    .isCloseTo(crossWhatIf.get("total").get("bands").get(b).get("peopleWithTwo").asLong(), org.assertj.core.data.Offset.offset(1L));
            assertThat(crossApplied.get("total").get("bands").get(b).get("roadKmWithTwo").asDouble())
                    .isCloseTo(crossWhatIf.get("total").get("bands").get(b).get("roadKmWithTwo").asDouble(), org.assertj.core.data.Offset.offset(0.011));
        }
        assertThat(applied.get("stationIds")).hasSize(2);
        assertThat(api.get("/api/stations").json().get("count").asInt()).isEqualTo(before); // one added, one closed
        assertThat(api.get("/api/stations/" + toClose).json().get("properties").get("status").asText()).isEqualTo("CLOSED");
        assertThat(api.get("/api/stations?q=方案新驿站").json().get("features").get(0).get("properties").get("source").asText())
                .contains("补缺口方案");
        assertThat(api.post("/api/scenarios/" + id + "/apply", Map.of()).status()).isEqualTo(409);
        assertThat(api.get("/api/scenarios/" + id).json().get("note").asText()).contains("已应用");
        assertThat(api.get("/api/audit?entity=SCENARIO&region=nanjing-core&key=" + id).json().get("events").findValuesAsString("action"))
                .containsExactly("APPLY", "CREATE");
    }

    @Test
    void shouldRefuseAScenarioThatCannotBeEvaluatedAndDeleteOnRequest() {
        Api api = api();
        Api.Response noName = api.post("/api/scenarios", Map.of("name", "", "changes", List.of(Map.of("op", "add", "lon", 118.78, "lat", 32.04))));
        assertThat(noName.json().get("field").asText()).isEqualTo("name");
        Api.Response badChange = api.post("/api/scenarios", Map.of("name", "坏方案", "changes", List.of(Map.of("op", "close", "stationId", 424242))));
        assertThat(badChange.json().get("field").asText()).isEqualTo("changes[0].stationId");
        long id = api.post("/api/scenarios", Map.of("name", "待删", "changes", List.of(Map.of("op", "add", "lon", 118.78, "lat", 32.04))))
                .json().get("id").asLong();
        assertThat(api.delete("/api/scenarios/" + id, Map.of()).status()).isEqualTo(204);
        assertThat(api.get("/api/scenarios/" + id).status()).isEqualTo(404);
        // An added station without name and kind can be evaluated but not applied.
        long unnamed = api.post("/api/scenarios", Map.of("name", "无名", "changes", List.of(Map.of("op", "add", "lon", 118.78, "lat", 32.04))))
                .json().get("id").asLong();
        assertThat(api.post("/api/scenarios/" + unnamed + "/apply", Map.of()).json().get("field").asText()).isEqualTo("changes[0].name");
    }

    @Test
    void shouldExportTheDistrictTableAsCsvAndXlsx() throws Exception {
        Api api = api();
        Api.Response csv = api.get("/api/coverage/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).contains("coverage-nanjing-core-walk");
        String text = csv.text();
        assertThat(text).startsWith("\uFEFF覆盖率报告");
        List<String> lines = text.lines().toList();
        assertThat(lines.get(1)).contains("区,行政区划代码").contains("5分钟覆盖率").contains("15分钟覆盖道路(km)")
                .contains("15分钟交叉覆盖人口").contains("15分钟交叉覆盖率");
        assertThat(lines).anyMatch(l -> l.startsWith("秦淮区,320104,")).anyMatch(l -> l.startsWith("全区域,,"));

        java.net.http.HttpResponse<byte[]> xlsx = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port() + "/api/coverage/export?format=xlsx")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        List<String> names = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            for (Row r : wb.getFirstSheet().read()) {
                r.getCellAsString(0).ifPresent(names::add);
            }
        }
        assertThat(names).contains("区", "秦淮区", "玄武区", "鼓楼区", "全区域");
        assertThat(api.get("/api/coverage/export?format=pdf").json().get("field").asText()).isEqualTo("format");
    }
    /** The sheets of an XLSX download, by name, each as rows of cell texts. */
    private Map<String, List<List<String>>> xlsx(String path) throws Exception {
        java.net.http.HttpResponse<byte[]> r = api().bytes(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        Map<String, List<List<String>>> sheets = new java.util.LinkedHashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.body()))) {
            for (org.dhatim.fastexcel.reader.Sheet sheet : wb.getSheets().toList()) {
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet.read()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(row.getCell(i) == null ? "" : row.getCell(i).getText());
                    }
                    rows.add(cells);
                }
                sheets.put(sheet.getName(), rows);
            }
        }
        return sheets;
    }

    private static JsonNode cell(JsonNode row, String measure) {
        for (JsonNode c : row.get("cells")) {
            if (c.get("measure").asText().equals(measure)) {
                return c;
            }
        }
        throw new AssertionError("no cell " + measure + " in " + row);
    }

    /** The compliance table at a moment and for a worker group: the same figures as the coverage report asked the same way. */
    @Test
    void shouldMeasureComplianceAtAMomentAndForAWorkerGroup() throws Exception {
        Api api = api();
        String at = "2026-12-02T03:00";
        JsonNode night = api.get("/api/planning/compliance?at=" + at + "&demand=sanitation").json();
        JsonNode report = api.get("/api/coverage?profile=WALK&bands=15&kind=OUTDOOR_STATION&demand=sanitation&at=" + at).json();
        double share = report.get("total").get("bands").get(0).get("peopleShare").asDouble();
        assertThat(cell(night.get("total"), "WALK_PEOPLE_SHARE").get("value").asDouble())
                .isCloseTo(100 * share, org.assertj.core.data.Offset.offset(0.06));
        assertThat(night.get("note").asText()).contains(at, "环卫");
        assertThat(cell(night.get("total"), "WALK_PEOPLE_SHARE").get("value").asDouble())
                .isLessThan(cell(api.get("/api/planning/compliance?demand=sanitation").json().get("total"), "WALK_PEOPLE_SHARE")
                        .get("value").asDouble());
        assertThat(api.get("/api/planning/compliance?demand=tourists").json().get("field").asText()).isEqualTo("demand");

        // stations offering a service: the circle counts only those, as the coverage report asked the same way
        JsonNode books = api.get("/api/planning/compliance?service=图书").json();
        JsonNode booksReport = api.get("/api/coverage?profile=WALK&bands=15&kind=OUTDOOR_STATION&service=图书").json();
        assertThat(cell(books.get("total"), "WALK_PEOPLE_SHARE").get("value").asDouble())
                .isCloseTo(100 * booksReport.get("total").get("bands").get(0).get("peopleShare").asDouble(),
                        org.assertj.core.data.Offset.offset(0.06))
                .isLessThan(cell(api.get("/api/planning/compliance").json().get("total"), "WALK_PEOPLE_SHARE").get("value").asDouble());
        assertThat(books.get("note").asText()).contains("提供所选服务的站点（" + booksReport.get("stations").get("counted").asInt() + " 个）");
        assertThat(api.get("/api/planning/compliance?service=FREE_BEER").json().get("field").asText()).isEqualTo("service");
        // the download is the table on screen: the same basis, said in its notes
        assertThat(xlsx("/api/planning/compliance/export?demand=sanitation&at=" + at).get("说明").toString()).contains(at, "环卫");
    }

    @Test
    void shouldMeasureEveryDistrictAgainstTheTargetsAndFlipTheLightWhenAStationIsAdded() throws Exception {
        Api api = api();
        JsonNode table = api.get("/api/planning/compliance").json();
        assertThat(table.get("walkMinutes").asInt()).isEqualTo(15);
        assertThat(table.get("columns")).hasSize(7);
        assertThat(table.get("districts").findValuesAsString("name")).contains("玄武区", "秦淮区", "鼓楼区");
        // the people share is the coverage report's, for outdoor-worker stations on foot within 15 minutes
        JsonNode report = api.get("/api/coverage?profile=WALK&bands=15&kind=OUTDOOR_STATION").json();
        JsonNode walk = cell(table.get("total"), "WALK_PEOPLE_SHARE");
        double share = report.get("total").get("bands").get(0).get("peopleShare").asDouble();
        assertThat(walk.get("value").asDouble()).isCloseTo(100 * share, org.assertj.core.data.Offset.offset(0.06));
        assertThat(walk.get("target").asDouble()).isEqualTo(90.0);
        long people = report.get("total").get("people").asLong();
        long covered = report.get("total").get("bands").get(0).get("peopleCovered").asLong();
        if (!walk.get("light").asText().equals("GREEN")) {
            assertThat(walk.get("shortfall").asDouble()).isCloseTo(Math.ceil(0.9 * people - covered), org.assertj.core.data.Offset.offset(2.0));
        }
        JsonNode cross = cell(table.get("total"), "CROSS_PEOPLE_SHARE");
        assertThat(cross.get("value").asDouble()).isLessThanOrEqualTo(walk.get("value").asDouble()).isPositive();
        assertThat(cell(table.get("total"), "CROSS_ROAD_SHARE").get("value").asDouble())
                .isLessThanOrEqualTo(cell(table.get("total"), "WALK_ROAD_SHARE").get("value").asDouble()).isPositive();
        assertThat(cell(table.get("total"), "STATIONS_PER_10K").get("light").asText()).isEqualTo("GREY"); // no default target

        // a district without a workers' cultural palace is red; one palace added there turns it green
        JsonNode failing = null;
        for (JsonNode d : table.get("districts")) {
            if (cell(d, "CULTURAL_PALACES").get("light").asText().equals("RED")) {
                failing = d;
                break;
            }
        }
        assertThat(failing).as("a demo district without a palace").isNotNull();
        String adcode = failing.get("adcode").asText();
        assertThat(cell(failing, "CULTURAL_PALACES").get("shortfall").asDouble()).isEqualTo(1.0);
        JsonNode inside = api.get("/api/stations?adcode=" + adcode).json().get("features").get(0).get("geometry").get("coordinates");
        Api.Response created = api.post("/api/stations", Map.of("name", "测试工人文化宫", "kind", "CULTURAL_PALACE",
                "lon", inside.get(0).asDouble() + 0.0004, "lat", inside.get(1).asDouble() + 0.0004));
        assertThat(created.status()).isEqualTo(201);
        JsonNode after = api.get("/api/planning/compliance").json();
        JsonNode same = null;
        for (JsonNode d : after.get("districts")) {
            if (d.get("adcode").asText().equals(adcode)) {
                same = d;
            }
        }
        assertThat(cell(same, "CULTURAL_PALACES").get("light").asText()).isEqualTo("GREEN");
        assertThat(same.get("met").asInt()).isEqualTo(failing.get("met").asInt() + 1);

        // the XLSX has the same table with Chinese headers, the targets with their sources, and the notes
        Map<String, List<List<String>>> book = xlsx("/api/planning/compliance/export");
        assertThat(book.keySet()).containsExactly("达标情况", "目标", "说明");
        List<List<String>> rows = book.get("达标情况");
        assertThat(rows.get(0).get(0)).startsWith("达标情况 ");
        assertThat(rows.get(1)).contains("区", "15分钟服务圈人口覆盖率（%）", "工人文化宫 状态", "会·站·家阵地 差额（个）");
        int state = rows.get(1).indexOf("工人文化宫 状态");
        assertThat(rows).filteredOn(r -> r.size() > 1 && r.get(1).equals(adcode)).singleElement().satisfies(r -> assertThat(r.get(state)).isEqualTo("达标"));
        assertThat(rows.get(rows.size() - 1).get(0)).isEqualTo("全区域");
        assertThat(book.get("目标")).anySatisfy(r -> assertThat(r).contains("SHUANG15_COVERAGE_SHARE", "否（未核实）"));
    }

    @Test
    void shouldLetARegionSetItsOwnTargetRecordingWhoSetIt() {
        Api api = api();
        Api.Response set = api.put("/api/planning/targets/SHUANG15_COVERAGE_SHARE",
                Map.of("value", 95, "setBy", "南京市总工会 规划处", "note", "市级规划更严"), Map.of());
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("value").asDouble()).isEqualTo(95.0);
        assertThat(set.json().get("defaultValue").asDouble()).isEqualTo(90.0);
        assertThat(set.json().get("setBy").asText()).isEqualTo("南京市总工会 规划处");
        assertThat(set.json().get("setAt").asText()).isNotBlank();
        JsonNode targets = api.get("/api/planning/targets").json().get("targets");
        assertThat(targets.findValuesAsString("code")).contains("SHUANG15_WALK_TIME", "COUNTY_INTEGRATED_POINTS");
        assertThat(cell(api.get("/api/planning/compliance").json().get("total"), "WALK_ROAD_SHARE").get("target").asDouble()).isEqualTo(95.0);

        assertThat(api.put("/api/planning/targets/SHUANG15_COVERAGE_SHARE", Map.of("value", 150, "setBy", "x"), Map.of()).json()
                .get("field").asText()).isEqualTo("value");
        assertThat(api.put("/api/planning/targets/SHUANG15_COVERAGE_SHARE", Map.of("value", 80), Map.of()).json()
                .get("field").asText()).isEqualTo("setBy");
        assertThat(api.put("/api/planning/targets/SHUANG15_STATIONS", Map.of("value", 80, "setBy", "x"), Map.of()).json()
                .get("field").asText()).isEqualTo("code");
        assertThat(api.put("/api/planning/targets/SHUANG15_WALK_TIME", Map.of("value", 12.5, "setBy", "x"), Map.of()).json()
                .get("field").asText()).isEqualTo("value");

        assertThat(api.delete("/api/planning/targets/SHUANG15_COVERAGE_SHARE", Map.of()).status()).isEqualTo(204);
        assertThat(api.delete("/api/planning/targets/SHUANG15_COVERAGE_SHARE", Map.of()).status()).isEqualTo(404);
        assertThat(cell(api.get("/api/planning/compliance").json().get("total"), "WALK_ROAD_SHARE").get("target").asDouble()).isEqualTo(90.0);

        // both changes are in the audit trail, with who, before and after
        JsonNode audit = api.get("/api/audit?entity=TARGET&region=nanjing-core&key=nanjing-core/SHUANG15_COVERAGE_SHARE").json().get("events");
        assertThat(audit.findValuesAsString("action")).containsExactly("RESET", "SET");
        assertThat(audit.findValuesAsString("actor")).containsOnly(Api.ADMIN);
        assertThat(audit.get(1).get("after").asText()).contains("南京市总工会 规划处", "95");
        assertThat(audit.get(0).get("before").asText()).contains("\"value\":95");
        assertThat(api.get("/api/audit?entity=SPACESHIP&region=nanjing-core").json().get("field").asText()).isEqualTo("entity");
        assertThat(api.anonymous().get("/api/audit?region=nanjing-core").status()).isEqualTo(401);
    }

    @Test
    void shouldCompareAScenarioWithTheCurrentStations() throws Exception {
        Api api = api();
        JsonNode gaps = api.get("/api/coverage/gaps?minutes=15&limit=3&kind=OUTDOOR_STATION").json().get("features");
        List<Map<String, Object>> changes = new ArrayList<>();
        for (JsonNode g : gaps) {
            JsonNode site = g.get("properties").get("suggestedSite");
            changes.add(Map.of("op", "add", "lon", site.get("lon").asDouble(), "lat", site.get("lat").asDouble(),
                    "name", "新驿站" + changes.size(), "kind", "OUTDOOR_STATION"));
        }
        long id = api.post("/api/scenarios", Map.of("name", "三处缺口", "changes", changes)).json().get("id").asLong();

        JsonNode c = api.get("/api/scenarios/compare?a=current&b=" + id).json();
        assertThat(c.get("a").get("label").asText()).isEqualTo("现状");
        assertThat(c.get("b").get("label").asText()).isEqualTo("三处缺口");
        assertThat(c.get("b").get("changes").get("added").asInt()).isEqualTo(changes.size());
        assertThat(c.get("b").get("stations")).hasSize(changes.size());
        long gained = c.get("total").get("peopleCoveredChange").asLong();
        assertThat(gained).isPositive().isEqualTo(c.get("b").get("peopleCovered").asLong() - c.get("a").get("peopleCovered").asLong());
        // the districts' changes add up to the region's
        long sum = 0;
        for (JsonNode d : c.get("districts")) {
            sum += d.get("peopleCoveredChange").asLong();
        }
        assertThat(sum).isCloseTo(gained, org.assertj.core.data.Offset.offset((long) c.get("districts").size()));
        // the same changes as a what-if gain the same people
        JsonNode whatif = api.post("/api/whatif", Map.of("profile", "WALK", "bands", List.of(15), "kinds", List.of("OUTDOOR_STATION"),
                "changes", changes, "includeCross", true)).json();
        assertThat(whatif.get("delta").get("total").get("bands").get(0).get("netChange").asLong()).isEqualTo(gained);
        assertThat(whatif.get("cross").get("total").get("bands").get(0).get("peopleWithTwo").asLong())
                .isEqualTo(c.get("b").get("peopleWithTwo").asLong());
        assertThat(c.get("b").get("peopleWithTwo").asLong()).isGreaterThanOrEqualTo(c.get("a").get("peopleWithTwo").asLong());

        Map<String, List<List<String>>> book = xlsx("/api/scenarios/compare/export?a=current&b=" + id);
        assertThat(book.keySet()).containsExactly("对比", "各区变化", "达标变化", "站点变化", "达标情况 A", "达标情况 B");
        assertThat(book.get("对比")).anySatisfy(r -> assertThat(r).containsExactly("15分钟覆盖人口",
                String.valueOf(c.get("a").get("peopleCovered").asLong()), String.valueOf(c.get("b").get("peopleCovered").asLong()),
                String.valueOf(gained)));
        assertThat(book.get("站点变化")).filteredOn(r -> r.get(1).equals("新增")).hasSize(changes.size());
        assertThat(book.get("各区变化").get(0)).startsWith("区", "行政区划代码", "覆盖人口 A");

        assertThat(api.get("/api/scenarios/compare?a=current&b=nonsense").json().get("field").asText()).isEqualTo("b");
        assertThat(api.get("/api/scenarios/compare?a=987654&b=" + id).json().get("field").asText()).isEqualTo("a");
    }
}
