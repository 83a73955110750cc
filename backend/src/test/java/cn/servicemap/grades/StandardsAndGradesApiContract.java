package cn.servicemap.grades;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.Api;
import cn.servicemap.support.DemoRegionTestBase;
import cn.servicemap.support.FixedClockConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Facility standards and star grades over HTTP, on each database: the region chooses its checklist, every station shows
 * the items it meets, lacks and cannot tell, the planner gets the stations below it per district; editors of a station's
 * district record its grade, the planner sees the reviews due and the downgrade flags workers' reports raise.
 */
abstract class StandardsAndGradesApiContract extends DemoRegionTestBase {

    /** 夫子庙, well inside 秦淮区 (320104), WGS84. */
    static final double LON = 118.7886;
    static final double LAT = 32.0219;
    static final LocalDate TODAY = FixedClockConfig.NOW.toLocalDate();

    @Autowired
    JdbcClient jdbc;

    /** A new outdoor-worker station in 秦淮区, {@code offset} × 200 m east of 夫子庙; its id. */
    long station(Api api, int offset, List<String> services, Double areaM2, Integer capacity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "标准测试驿站" + UUID.randomUUID().toString().substring(0, 8));
        body.put("kind", "爱心驿站");
        body.put("lon", LON + offset * 0.002);
        body.put("lat", LAT - 0.001);
        body.put("openingHours", "24/7");
        body.put("services", services);
        body.put("areaM2", areaM2);
        body.put("capacity", capacity);
        Api.Response r = api.post("/api/stations", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("properties").get("adcode").asText()).isEqualTo("320104");
        return r.json().get("id").asLong();
    }

    Api.Response choose(Api api, String standard) {
        return api.put("/api/planning/standard", Map.of("standard", standard, "setBy", "市总工会 规划处", "note", "按本市建设标准"), Map.of());
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Map<String, Object> review(int stars, LocalDate at) {
        return Map.of("stars", stars, "reviewedAt", at.toString(), "reviewer", "秦淮区总工会星级评定小组", "evidence", "现场检查记录及照片");
    }

    @Test
    void shouldChooseTheRegionsChecklistAndShowEachStationsItems() {
        Api api = api();
        JsonNode choice = api.get("/api/planning/standard").json();
        assertThat(choice.get("regionChosen").asBoolean()).isFalse();
        assertThat(choice.get("standard").get("code").asText()).isEqualTo("ACFTU_SHUANG15");
        assertThat(choice.get("starScheme").get("code").asText()).isEqualTo("FUZHOU");
        assertThat(choice.get("standards").findValuesAsString("code")).contains("GUIZHOU_7", "WUHAN_7", "SHANGHAI_6X", "SANYA_8", "HAINAN_6YOU");

        long id = station(api, 1, List.of("饮水", "微波炉", "冰箱", "桌椅"), null, 8);
        JsonNode standard = api.get("/api/stations/" + id).json().get("properties").get("standard");
        assertThat(standard.get("code").asText()).isEqualTo("ACFTU_SHUANG15");
        assertThat(texts(standard.get("met"))).containsExactly("饮水机", "微波炉", "桌椅");
        assertThat(texts(standard.get("missing"))).containsExactly("手机充电插排", "应急药箱");

        try {
            Api.Response chosen = choose(api, "wuhan_7");
            assertThat(chosen.status()).as(chosen.text()).isEqualTo(200);
            assertThat(chosen.json().get("regionChosen").asBoolean()).isTrue();
            assertThat(chosen.json().get("setBy").asText()).isEqualTo("市总工会 规划处");
            standard = api.get("/api/stations/" + id).json().get("properties").get("standard");
            assertThat(standard.get("name").asText()).isEqualTo("武汉“七个一”");
            assertThat(texts(standard.get("met"))).containsExactly("一套桌凳", "一台微波炉", "一台饮水机", "一台冰箱");
            assertThat(texts(standard.get("missing"))).containsExactly("一套冷暖电器", "一个应急药箱");
            assertThat(texts(standard.get("unknown"))).containsExactly("一个室内场所"); // no floor area recorded

            // 六有: what no registry keeps is to be checked on site, never met or missing
            assertThat(choose(api, "HAINAN_6YOU").status()).isEqualTo(200);
            standard = api.get("/api/stations?q=标准测试驿站").json().get("features").get(0).get("properties").get("standard");
            assertThat(texts(standard.get("met"))).containsExactly("有地图可查");
            assertThat(standard.get("missing")).isEmpty();
            assertThat(texts(standard.get("unknown"))).hasSize(5).contains("有统一的标识名称", "有规范的管理制度");

            Api.Response unknown = choose(api, "ATLANTIS_9");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().get("field").asText()).isEqualTo("standard");
            assertThat(api.put("/api/planning/standard", Map.of("standard", "WUHAN_7"), Map.of()).json().get("field").asText()).isEqualTo("setBy");
            assertThat(api.anonymous().put("/api/planning/standard", Map.of("standard", "WUHAN_7", "setBy", "x"), Map.of()).status())
                    .isEqualTo(401);
        } finally {
            assertThat(api.delete("/api/planning/standard", Map.of()).status()).isEqualTo(204);
        }
        assertThat(api.get("/api/planning/standard").json().get("regionChosen").asBoolean()).isFalse();
        assertThat(api.delete("/api/planning/standard", Map.of()).status()).isEqualTo(404);
        JsonNode audit = api.get("/api/audit?entity=STANDARD").json();
        assertThat(audit.toString()).contains("WUHAN_7", "RESET");
    }

    @Test
    void shouldListTheStationsBelowTheChecklistPerDistrictWithWhatTheyLack() {
        Api api = api();
        long full = station(api, 2, List.of("空调", "冰箱", "微波炉", "热水", "手机充电", "桌椅"), 20.0, 10);
        long poor = station(api, 3, List.of("饮水"), 6.0, 2);
        try {
            assertThat(choose(api, "SHANGHAI_6X").status()).isEqualTo(200);
            JsonNode table = api.get("/api/planning/standards/compliance").json();
            assertThat(table.get("standard").get("code").asText()).isEqualTo("SHANGHAI_6X");
            JsonNode qinhuai = null;
            int below = 0;
            for (JsonNode d : table.get("districts")) {
                below += d.get("below").asInt();
                assertThat(d.get("stations").size()).isEqualTo(d.get("below").asInt());
                assertThat(d.get("measured").asInt()).isEqualTo(d.get("met").asInt() + d.get("below").asInt() + d.get("toVerify").asInt());
                if ("320104".equals(d.get("adcode").asText())) {
                    qinhuai = d;
                }
            }
            assertThat(table.get("below").asInt()).isEqualTo(below);
            assertThat(qinhuai).isNotNull();
            assertThat(qinhuai.get("name").asText()).isEqualTo("秦淮区");
            int outdoor = api.get("/api/stations?district=320104&kind=OUTDOOR_STATION").json().get("count").asInt();
            assertThat(qinhuai.get("measured").asInt()).isEqualTo(outdoor);
            List<Long> listed = new ArrayList<>();
            JsonNode poorRow = null;
            for (JsonNode s : qinhuai.get("stations")) {
                listed.add(s.get("id").asLong());
                if (s.get("id").asLong() == poor) {
                    poorRow = s;
                }
            }
            assertThat(listed).contains(poor).doesNotContain(full);
            assertThat(texts(poorRow.get("missing"))).containsExactly("空调", "冰箱", "微波炉", "充电排插", "桌椅");
            assertThat(poorRow.get("code").asText()).startsWith("320104-");

            var xlsx = api.bytes("/api/planning/standards/compliance/export");
            assertThat(xlsx.statusCode()).isEqualTo(200);
            assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("SHANGHAI_6X");
            assertThat(xlsx.body()).startsWith((byte) 'P', (byte) 'K');
        } finally {
            api.delete("/api/planning/standard", Map.of());
        }
    }

    @Test
    void shouldLetOnlyEditorsOfTheDistrictRecordAGradeAndRefuseBadValues() {
        Api admin = api();
        long id = station(admin, 4, List.of("饮水", "除颤仪"), 35.0, 24);
        assertThat(admin.post("/api/users", Map.of("username", "qinhuai-grader", "password", "grader-pass-1", "role", "DISTRICT_EDITOR",
                "region", "nanjing-core", "districts", List.of("320104"))).status()).isEqualTo(201);
        assertThat(admin.post("/api/users", Map.of("username", "xuanwu-grader", "password", "grader-pass-1", "role", "DISTRICT_EDITOR",
                "region", "nanjing-core", "districts", List.of("320102"))).status()).isEqualTo(201);
        Api qinhuai = api().as("qinhuai-grader", "grader-pass-1");
        Api xuanwu = api().as("xuanwu-grader", "grader-pass-1");

        Api.Response refused = xuanwu.post("/api/stations/" + id + "/grades", review(4, TODAY));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("所辖区县");
        assertThat(api().anonymous().post("/api/stations/" + id + "/grades", review(4, TODAY)).status()).isEqualTo(401);

        Api.Response bad = qinhuai.post("/api/stations/" + id + "/grades", Map.of("stars", 6, "reviewedAt", TODAY.plusDays(3).toString(),
                "reviewer", "评定小组", "evidence", "记录"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactly("stars", "reviewedAt");
        assertThat(bad.text()).contains("星级须为 1 到 5 星", "评定日期不能晚于今天").doesNotContain("Exception");

        Api.Response saved = qinhuai.post("/api/stations/" + id + "/grades", review(5, TODAY.minusDays(10)));
        assertThat(saved.status()).as(saved.text()).isEqualTo(201);
        assertThat(saved.json().get("recordedBy").asText()).isEqualTo("qinhuai-grader");

        JsonNode grade = admin.get("/api/stations/" + id).json().get("properties").get("starGrade");
        assertThat(grade.get("stars").asInt()).isEqualTo(5);
        assertThat(grade.get("reviewedAt").asText()).isEqualTo(TODAY.minusDays(10).toString());
        assertThat(grade.get("reviewer").asText()).isEqualTo("秦淮区总工会星级评定小组");
        assertThat(grade.get("due").asBoolean()).isFalse();
        assertThat(grade.get("dueOn").asText()).isEqualTo(TODAY.minusDays(10).plusYears(1).toString());
        assertThat(grade.get("supportedStars").asInt()).isEqualTo(5); // 35 m², 24 seats, an AED
        assertThat(grade.get("flags")).isEmpty();

        JsonNode history = qinhuai.get("/api/stations/" + id + "/grades").json();
        assertThat(history.get("reviews")).hasSize(1);
        assertThat(history.get("criteria").get("scheme").asText()).isEqualTo("FUZHOU");
        assertThat(texts(history.get("criteria").get("toVerify"))).contains("拓展服务创新");
        assertThat(api().anonymous().get("/api/stations/" + id + "/grades").status()).isEqualTo(401);
        assertThat(api().anonymous().get("/api/stations/" + id).json().get("properties").get("starGrade").get("stars").asInt()).isEqualTo(5);
    }

    @Test
    void shouldListReviewsDueAndFlagDowngradesFromWorkersReports() {
        Api api = api();
        long old = station(api, 5, List.of("饮水"), 10.0, 4);
        long fresh = station(api, 6, List.of("饮水", "微波炉"), 12.0, 6);
        long never = station(api, 7, List.of("饮水"), null, null);
        assertThat(api.post("/api/stations/" + old + "/grades", review(5, TODAY.minusDays(400))).status()).isEqualTo(201);
        assertThat(api.post("/api/stations/" + fresh + "/grades", review(3, TODAY.minusDays(20))).status()).isEqualTo(201);

        JsonNode due = api.get("/api/planning/grades/due").json();
        assertThat(due.get("scheme").asText()).isEqualTo("FUZHOU");
        assertThat(entry(due, fresh)).isNull();
        JsonNode oldEntry = entry(due, old);
        assertThat(texts(oldEntry.get("reasons"))).containsExactly("REVIEW_DUE", "FLAGGED");
        assertThat(oldEntry.get("flags").findValuesAsString("code")).containsExactly("ABOVE_CRITERIA"); // 5★ on 10 m² without an AED
        assertThat(oldEntry.get("dueOn").asText()).isEqualTo(TODAY.minusDays(400).plusYears(1).toString());
        assertThat(texts(entry(due, never).get("reasons"))).containsExactly("NEVER_REVIEWED");
        assertThat(entry(due, never).get("stars").isNull()).isTrue();

        // two devices report 已关闭 within 90 days, one reports 没有水 that nobody deals with for 40 days
        Api worker = api.anonymous();
        long first = worker.post("/api/stations/" + fresh + "/reports", Map.of("type", "CLOSED", "note", "门锁着")).json().get("id").asLong();
        jdbc.sql("UPDATE station_report SET client_key = 'another-device' WHERE id = ?").param(first).update();
        assertThat(worker.post("/api/stations/" + fresh + "/reports", Map.of("type", "CLOSED")).status()).isEqualTo(201);
        long water = worker.post("/api/stations/" + fresh + "/reports", Map.of("type", "NO_WATER")).json().get("id").asLong();
        jdbc.sql("UPDATE station_report SET created_at = ? WHERE id = ?")
                .params(FixedClockConfig.NOW.atZone(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime().minusDays(40), water).update();

        due = api.get("/api/planning/grades/due").json();
        JsonNode flagged = entry(due, fresh);
        assertThat(flagged).isNotNull();
        assertThat(texts(flagged.get("reasons"))).containsExactly("FLAGGED");
        assertThat(flagged.get("flags").findValuesAsString("code")).containsExactly("REPEATED_CLOSED", "BROKEN_FACILITY");
        assertThat(due.get("stations").get(0).get("flags").size()).isGreaterThanOrEqualTo(2); // flagged first
        assertThat(due.get("flagged").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode grade = api.get("/api/stations/" + fresh).json().get("properties").get("starGrade");
        assertThat(grade.get("flags").findValuesAsString("code")).contains("REPEATED_CLOSED", "BROKEN_FACILITY");
        assertThat(grade.get("due").asBoolean()).isFalse();
    }

    private static JsonNode entry(JsonNode due, long stationId) {
        for (JsonNode s : due.get("stations")) {
            if (s.get("stationId").asLong() == stationId) {
                return s;
            }
        }
        return null;
    }
}
