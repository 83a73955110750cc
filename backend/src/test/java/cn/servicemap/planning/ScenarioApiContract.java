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

        int before = api.get("/api/stations").json().get("count").asInt();
        JsonNode applied = api.post("/api/scenarios/" + id + "/apply", Map.of()).json();
        assertThat(applied.get("stationIds")).hasSize(2);
        assertThat(api.get("/api/stations").json().get("count").asInt()).isEqualTo(before); // one added, one closed
        assertThat(api.get("/api/stations/" + toClose).json().get("properties").get("status").asText()).isEqualTo("CLOSED");
        assertThat(api.get("/api/stations?q=方案新驿站").json().get("features").get(0).get("properties").get("source").asText())
                .contains("补缺口方案");
        assertThat(api.post("/api/scenarios/" + id + "/apply", Map.of()).status()).isEqualTo(409);
        assertThat(api.get("/api/scenarios/" + id).json().get("note").asText()).contains("已应用");
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
}
