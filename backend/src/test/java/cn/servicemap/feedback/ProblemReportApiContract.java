package cn.servicemap.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.Api;
import cn.servicemap.support.DemoRegionTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** "报告问题": a worker reports, a planner lists and resolves. On each database. */
abstract class ProblemReportApiContract extends DemoRegionTestBase {

    @Test
    void shouldTakeAReportAndLetAPlannerResolveIt() {
        Api api = api();
        long station = api.get("/api/stations").json().get("features").get(0).get("id").asLong();
        Api.Response created = api.post("/api/stations/" + station + "/reports", Map.of("type", "NO_WATER", "note", "饮水机坏了"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode report = created.json();
        assertThat(report.get("typeName").asText()).isEqualTo("没有水");
        assertThat(report.get("status").asText()).isEqualTo("OPEN");
        assertThat(report.get("stationName").asText()).startsWith("【示例】");

        JsonNode open = api.get("/api/reports?status=OPEN").json().get("reports");
        assertThat(open.findValuesAsString("note")).contains("饮水机坏了");

        long id = report.get("id").asLong();
        JsonNode resolved = api.post("/api/reports/" + id + "/resolve", Map.of("resolution", "已更换饮水机")).json();
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("resolvedAt").isNull()).isFalse();
        assertThat(api.get("/api/reports?status=OPEN").json().get("reports").findValuesAsString("note")).doesNotContain("饮水机坏了");
        assertThat(api.post("/api/reports/" + id + "/resolve", Map.of("resolution", "again")).status()).isEqualTo(409);
    }

    @Test
    void shouldRefuseBadReportsNamingTheField() {
        Api api = api();
        long station = api.get("/api/stations").json().get("features").get(0).get("id").asLong();
        assertThat(api.post("/api/stations/" + station + "/reports", Map.of("type", "BROKEN")).json().get("field").asText())
                .isEqualTo("type");
        assertThat(api.post("/api/stations/" + station + "/reports", Map.of("type", "OTHER")).json().get("field").asText())
                .isEqualTo("note");
        assertThat(api.post("/api/stations/987654/reports", Map.of("type", "CLOSED")).status()).isEqualTo(404);
        assertThat(api.get("/api/reports?status=MAYBE").json().get("field").asText()).isEqualTo("status");
    }
    /**
     * Moderation: a report goes to the queue of its station's district editor only; the same device's repeat within 30
     * minutes is merged, not duplicated; confirming 已关闭 closes the station through the audited edit; a device that
     * sends too many new reports in a minute is told to wait.
     */
    @Test
    void shouldQueueReportsForTheirDistrictsEditorMergeRepeatsAndConfirmThroughTheAuditedEdit() {
        Api admin = api();
        JsonNode inQinhuai = admin.get("/api/stations?district=320104").json().get("features").get(0);
        long station = inQinhuai.get("id").asLong();
        assertThat(admin.post("/api/users", Map.of("username", "qinhuai-moderator", "password", "moderator-pass-1", "role", "DISTRICT_EDITOR",
                "region", "nanjing-core", "districts", java.util.List.of("320104"))).status()).isEqualTo(201);
        assertThat(admin.post("/api/users", Map.of("username", "xuanwu-moderator", "password", "moderator-pass-1", "role", "DISTRICT_EDITOR",
                "region", "nanjing-core", "districts", java.util.List.of("320102"))).status()).isEqualTo(201);
        Api worker = api().anonymous();
        Api.Response first = worker.post("/api/stations/" + station + "/reports", Map.of("type", "CLOSED", "note", "铁门锁着"));
        assertThat(first.status()).isEqualTo(201);
        Api.Response again = worker.post("/api/stations/" + station + "/reports", Map.of("type", "CLOSED"));
        assertThat(again.status()).as("merged into the open report").isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(again.json().get("reports").asInt()).isEqualTo(2);
        long id = first.json().get("id").asLong();

        Api qinhuai = api().as("qinhuai-moderator", "moderator-pass-1");
        Api xuanwu = api().as("xuanwu-moderator", "moderator-pass-1");
        assertThat(qinhuai.get("/api/reports?status=OPEN").json().get("reports").findValues("id")).anyMatch(n -> n.asLong() == id);
        assertThat(xuanwu.get("/api/reports?status=OPEN").json().get("reports").findValues("id")).noneMatch(n -> n.asLong() == id);
        assertThat(xuanwu.post("/api/reports/" + id + "/confirm", Map.of()).status()).isEqualTo(403);
        assertThat(worker.get("/api/reports").status()).isEqualTo(401);

        JsonNode confirmed = qinhuai.post("/api/reports/" + id + "/confirm", Map.of("note", "已电话核实")).json();
        assertThat(confirmed.get("outcome").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("resolvedBy").asText()).isEqualTo("qinhuai-moderator");
        JsonNode now = admin.get("/api/stations/" + station).json().get("properties");
        assertThat(now.get("status").asText()).isEqualTo("CLOSED");
        assertThat(now.get("statusReason").asText()).contains("职工报告 #" + id, "已电话核实");
        assertThat(now.get("verifiedAt").asText()).isNotBlank();
        JsonNode last = admin.get("/api/stations/" + station + "/history").json().get("versions");
        assertThat(last.get(last.size() - 1).get("actor").asText()).startsWith("qinhuai-moderator");
        assertThat(qinhuai.post("/api/reports/" + id + "/confirm", Map.of()).status()).isEqualTo(409);

        // one device, many stations: after ten new reports in a minute it is told to wait
        java.util.List<Long> ids = new java.util.ArrayList<>();
        admin.get("/api/stations").json().get("features").forEach(f -> ids.add(f.get("id").asLong()));
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            Api.Response r = worker.post("/api/stations/" + ids.get(i % ids.size()) + "/reports", Map.of("type", "NO_WATER"));
            if (r.status() == 429) {
                refused++;
                assertThat(r.header("Retry-After")).isEqualTo("60");
                assertThat(r.json().get("detail").asText()).contains("报告过于频繁");
            }
        }
        assertThat(refused).isPositive();
    }
}
