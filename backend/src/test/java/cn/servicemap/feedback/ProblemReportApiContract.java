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
}
