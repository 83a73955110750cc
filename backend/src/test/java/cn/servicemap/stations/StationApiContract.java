package cn.servicemap.stations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.support.Api;
import cn.servicemap.support.DemoRegionTestBase;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The station registry API, run on each database by its subclasses. */
abstract class StationApiContract extends DemoRegionTestBase {

    /** 夫子庙 (Confucius Temple), well inside 秦淮区, WGS84. */
    static final double FUZIMIAO_LON = 118.7886;
    static final double FUZIMIAO_LAT = 32.0219;

    static Map<String, Object> station(String name, double lon, double lat) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", "爱心驿站");
        body.put("lon", lon);
        body.put("lat", lat);
        body.put("address", "秦淮区贡院街");
        body.put("phone", "025-8888 6666");
        body.put("openingHours", "Mo-Fr 08:00-18:00; PH off");
        body.put("services", List.of("饮水", "MICROWAVE", "如厕"));
        body.put("capacity", 12);
        return body;
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldCreateStationDerivingDistrictAndResolvingNames() {
        Api api = api();
        Api.Response created = api.post("/api/stations", station(unique("夫子庙驿站"), FUZIMIAO_LON, FUZIMIAO_LAT));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).matches("/api/stations/\\d+");
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        JsonNode p = created.json().get("properties");
        assertThat(p.get("kind").asText()).isEqualTo("OUTDOOR_STATION");
        assertThat(p.get("adcode").asText()).isEqualTo("320104");
        assertThat(p.get("districtName").asText()).isEqualTo("秦淮区");
        assertThat(p.get("services").findValuesAsString("code")).containsExactlyInAnyOrder("WATER", "MICROWAVE", "TOILET");
        assertThat(p.get("openingHours").get("osm").asText()).isEqualTo("Mo-Fr 08:00-18:00; PH off");
        assertThat(p.get("openNow").asBoolean()).isTrue(); // Monday 10:00
        assertThat(p.get("status").asText()).isEqualTo("OPEN");

        Api.Response read = api.get(created.header("Location"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("geometry").get("coordinates").get(0).asDouble()).isCloseTo(FUZIMIAO_LON, org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void shouldStoreGcj02InputAsWgs84WithinHalfAMetre() {
        LonLat gcj = ChinaCoordinates.gcj02FromWgs84(FUZIMIAO_LON, FUZIMIAO_LAT);
        Map<String, Object> body = station(unique("高德坐标驿站"), gcj.lon(), gcj.lat());
        body.put("crs", "GCJ-02");
        Api.Response created = api().post("/api/stations", body);
        assertThat(created.status()).isEqualTo(201);
        JsonNode c = created.json().get("geometry").get("coordinates");
        double error = Geodesic.distanceMeters(c.get(0).asDouble(), c.get(1).asDouble(), FUZIMIAO_LON, FUZIMIAO_LAT);
        assertThat(error).isLessThan(0.5);
        // and GCJ-02 really is ~500 m away from WGS84 here, so the conversion mattered
        assertThat(Geodesic.distanceMeters(gcj.lon(), gcj.lat(), FUZIMIAO_LON, FUZIMIAO_LAT)).isBetween(400.0, 700.0);
    }

    @Test
    void shouldRejectSwappedCoordinatesNamingTheField() {
        Api.Response r = api().post("/api/stations", station(unique("填反"), FUZIMIAO_LAT, FUZIMIAO_LON));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("field").asText()).isEqualTo("lat");
        assertThat(r.json().get("errors").get(0).get("code").asText()).isEqualTo("SWAPPED_COORDINATES");
    }

    @Test
    void shouldListEveryBadFieldWithItsReason() {
        Map<String, Object> body = station("", FUZIMIAO_LON, FUZIMIAO_LAT);
        body.put("kind", "咖啡馆");
        body.put("services", List.of("饮水", "按摩"));
        body.put("openingHours", "Mo-Fr 25:00-26:00");
        Api.Response r = api().post("/api/stations", body);
        assertThat(r.status()).isEqualTo(400);
        List<String> fields = r.json().get("errors").findValuesAsString("field");
        assertThat(fields).contains("name", "kind", "services", "openingHours");
        assertThat(r.json().get("errors").findValuesAsString("code")).contains("MISSING_VALUE", "UNKNOWN_KIND", "UNKNOWN_SERVICE", "BAD_OPENING_HOURS");
    }

    @Test
    void shouldRejectAWrongTypeWithTheFieldName() {
        Api.Response r = api().post("/api/stations", "{\"name\":\"x\",\"kind\":\"爱心驿站\",\"lon\":118.78,\"lat\":\"north\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("lat");
    }

    @Test
    void shouldRejectPointsOutsideTheLoadedRegion() {
        Api.Response r = api().post("/api/stations", station(unique("北京"), 116.397, 39.909));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("code").asText()).isEqualTo("OUTSIDE_REGION");
    }

    @Test
    void shouldRejectALikelyDuplicate() {
        String name = unique("重复驿站");
        assertThat(api().post("/api/stations", station(name, FUZIMIAO_LON, FUZIMIAO_LAT)).status()).isEqualTo(201);
        Api.Response again = api().post("/api/stations", station(name, FUZIMIAO_LON + 0.0001, FUZIMIAO_LAT));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("errors").get(0).get("code").asText()).isEqualTo("DUPLICATE");
    }

    @Test
    void shouldFilterByKindServiceDistrictBboxTextAndOpenNow() {
        Api api = api();
        String tag = unique("筛选");
        Map<String, Object> weekday = station(tag + "工作日", FUZIMIAO_LON, FUZIMIAO_LAT);
        Map<String, Object> weekend = station(tag + "周末", FUZIMIAO_LON + 0.002, FUZIMIAO_LAT);
        weekend.put("openingHours", "Sa,Su 09:00-17:00");
        weekend.put("services", List.of("图书"));
        weekend.put("kind", "职工书屋");
        Map<String, Object> always = station(tag + "全天", FUZIMIAO_LON + 0.004, FUZIMIAO_LAT);
        always.put("openingHours", "24小时");
        for (Map<String, Object> s : List.of(weekday, weekend, always)) {
            assertThat(api.post("/api/stations", s).status()).isEqualTo(201);
        }
        assertThat(names(api.get("/api/stations?q=" + tag))).hasSize(3);
        assertThat(names(api.get("/api/stations?q=" + tag + "&openNow=true"))).containsExactlyInAnyOrder(tag + "工作日", tag + "全天");
        assertThat(names(api.get("/api/stations?q=" + tag + "&kind=READING_ROOM"))).containsExactly(tag + "周末");
        assertThat(names(api.get("/api/stations?q=" + tag + "&service=BOOKS"))).containsExactly(tag + "周末");
        assertThat(names(api.get("/api/stations?q=" + tag + "&service=WATER,TOILET"))).containsExactlyInAnyOrder(tag + "工作日", tag + "全天");
        assertThat(names(api.get("/api/stations?q=" + tag + "&district=320104"))).hasSize(3);
        assertThat(names(api.get("/api/stations?q=" + tag + "&district=320102"))).isEmpty();
        String box = (FUZIMIAO_LON + 0.001) + "," + (FUZIMIAO_LAT - 0.001) + "," + (FUZIMIAO_LON + 0.005) + "," + (FUZIMIAO_LAT + 0.001);
        assertThat(names(api.get("/api/stations?q=" + tag + "&bbox=" + box))).containsExactlyInAnyOrder(tag + "周末", tag + "全天");

        Api.Response bad = api.get("/api/stations?bbox=1,2,3&service=按摩");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("service", "bbox");
    }

    @Test
    void shouldUpdateWithIfMatchAndRefuseStaleOrMissingVersions() {
        Api api = api();
        Map<String, Object> body = station(unique("更新驿站"), FUZIMIAO_LON, FUZIMIAO_LAT);
        String location = api.post("/api/stations", body).header("Location");
        body.put("capacity", 20);
        Api.Response ok = api.put(location, body, Map.of("If-Match", "\"1\""));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("ETag")).isEqualTo("\"2\"");
        assertThat(ok.json().get("properties").get("capacity").asInt()).isEqualTo(20);

        assertThat(api.put(location, body, Map.of("If-Match", "\"1\"")).status()).isEqualTo(412);
        body.put("version", 1);
        Api.Response conflict = api.put(location, body, Map.of());
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("detail").asText()).contains("版本 2");
        body.remove("version");
        assertThat(api.put(location, body, Map.of()).status()).isEqualTo(428);
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentUpdatesWin() throws Exception {
        Api api = api();
        Map<String, Object> body = station(unique("并发驿站"), FUZIMIAO_LON, FUZIMIAO_LAT);
        String location = api.post("/api/stations", body).header("Location");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= 5; round++) {
                int version = round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    Map<String, Object> mine = new LinkedHashMap<>(body);
                    mine.put("capacity", 10 * round + i);
                    results.add(pool.submit(() -> {
                        start.await();
                        return api.put(location, mine, Map.of("If-Match", "\"" + version + "\"")).status();
                    }));
                }
                start.countDown();
                List<Integer> statuses = List.of(results.get(0).get(), results.get(1).get());
                assertThat(statuses).containsExactlyInAnyOrder(200, 412);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.get(location).header("ETag")).isEqualTo("\"6\"");
    }

    @Test
    void shouldCloseWithAReasonAndKeepTheRecord() {
        Api api = api();
        String name = unique("关闭驿站");
        String location = api.post("/api/stations", station(name, FUZIMIAO_LON, FUZIMIAO_LAT)).header("Location");
        Api.Response noReason = api.delete(location, Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("field").asText()).isEqualTo("reason");

        Api.Response closed = api.delete(location + "?reason=" + java.net.URLEncoder.encode("房屋拆迁", java.nio.charset.StandardCharsets.UTF_8),
                Map.of("If-Match", "\"1\""));
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("properties").get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.json().get("properties").get("statusReason").asText()).isEqualTo("房屋拆迁");
        assertThat(closed.json().get("properties").get("openNow").asBoolean()).isFalse();
        assertThat(names(api.get("/api/stations?q=" + name))).isEmpty();
        assertThat(names(api.get("/api/stations?q=" + name + "&status=CLOSED"))).containsExactly(name);
        assertThat(api.get(location).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerProblemDetailsForUnknownStations() {
        Api.Response r = api().get("/api/stations/987654321");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("987654321");
        Api.Response typed = api().get("/api/stations/abc");
        assertThat(typed.status()).isEqualTo(400);
        assertThat(typed.json().get("field").asText()).isEqualTo("id");
    }

    static List<String> names(Api.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().get("features").forEach(f -> out.add(f.get("properties").get("name").asText()));
        return out;
    }
    /** A station of the demo in the district, as [id, lon, lat]. */
    private static double[] stationIn(Api api, String adcode) {
        JsonNode f = api.get("/api/stations?district=" + adcode).json().get("features").get(0);
        return new double[]{f.get("id").asDouble(), f.get("geometry").get("coordinates").get(0).asDouble(),
                f.get("geometry").get("coordinates").get(1).asDouble()};
    }

    /**
     * Each role within its scope: a 秦淮区 editor edits 秦淮区 stations only (not a 玄武区 one, nor moving one there), and no
     * scenario; a planner of another region touches nothing here; anonymous writes other than a problem report are
     * refused with a problem detail and change nothing; a locked account stays locked even with the right password.
     */
    @Test
    void shouldLetEachRoleDoOnlyWhatItsScopeAllows() {
        Api admin = api();
        String password = "editor-password-1";
        assertThat(admin.post("/api/users", Map.of("username", "qinhuai-editor", "password", password, "role", "DISTRICT_EDITOR",
                "region", "nanjing-core", "districts", List.of("320104"))).status()).isEqualTo(201);
        assertThat(admin.post("/api/users", Map.of("username", "other-planner", "password", password, "role", "PLANNER",
                "region", "990200")).status()).isEqualTo(201);
        assertThat(admin.post("/api/users", Map.of("username", "weak", "password", "short", "role", "PLANNER", "region", "nanjing-core"))
                .json().get("field").asText()).isEqualTo("password");
        Api editor = api().as("qinhuai-editor", password);
        Api planner = api().as("other-planner", password);
        Api anonymous = api().anonymous();
        double[] xuanwu = stationIn(admin, "320102");
        int stations = admin.get("/api/stations").json().get("count").asInt();

        Api.Response own = editor.post("/api/stations", station(unique("秦淮编辑驿站"), FUZIMIAO_LON, FUZIMIAO_LAT));
        assertThat(own.status()).as(own.text()).isEqualTo(201);
        String ownPath = own.header("Location");
        Api.Response elsewhere = editor.post("/api/stations", station(unique("越界驿站"), xuanwu[1] + 0.0004, xuanwu[2] + 0.0004));
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.json().get("field").asText()).isEqualTo("adcode");
        assertThat(elsewhere.header("Content-Type")).contains("application/problem+json");
        assertThat(editor.delete("/api/stations/" + (long) xuanwu[0] + "?reason=test", Map.of()).status()).isEqualTo(403);
        Map<String, Object> moved = station("搬到玄武", xuanwu[1] + 0.0004, xuanwu[2] + 0.0004);
        Api.Response move = editor.put(ownPath, moved, Map.of("If-Match", "\"1\""));
        assertThat(move.status()).isEqualTo(403);
        assertThat(move.json().get("field").asText()).isEqualTo("adcode");
        assertThat(editor.post("/api/scenarios", Map.of("name", "x", "changes", List.of(Map.of("op", "add", "lon", FUZIMIAO_LON,
                "lat", FUZIMIAO_LAT)))).status()).isEqualTo(403);

        Api.Response scenario = planner.post("/api/scenarios", Map.of("name", "别的区域", "changes",
                List.of(Map.of("op", "add", "lon", FUZIMIAO_LON, "lat", FUZIMIAO_LAT))));
        assertThat(scenario.status()).isEqualTo(403);
        assertThat(scenario.json().get("field").asText()).isEqualTo("region");
        assertThat(planner.post("/api/planning/siting", Map.of("sites", 2)).status()).isEqualTo(403);
        assertThat(planner.put("/api/planning/targets/SHUANG15_COVERAGE_SHARE", Map.of("value", 95, "setBy", "x"), Map.of()).status())
                .isEqualTo(403);

        Api.Response anonymousWrite = anonymous.post("/api/stations", station(unique("匿名驿站"), FUZIMIAO_LON, FUZIMIAO_LAT));
        assertThat(anonymousWrite.status()).isEqualTo(401);
        assertThat(anonymousWrite.json().get("field").asText()).isEqualTo("login");
        assertThat(anonymousWrite.text()).doesNotContain("Exception", "springframework");
        assertThat(anonymous.delete("/api/stations/" + (long) xuanwu[0] + "?reason=x", Map.of()).status()).isEqualTo(401);
        assertThat(anonymous.post("/api/scenarios", Map.of("name", "x", "changes", List.of())).status()).isEqualTo(401);
        assertThat(anonymous.post("/api/stations/imports?crs=WGS84", Map.of()).status()).isEqualTo(401);
        assertThat(anonymous.post("/api/stations/" + (long) xuanwu[0] + "/reports", Map.of("type", "NO_WATER")).status())
                .as("a worker's problem report needs no login").isEqualTo(201);
        assertThat(admin.get("/api/stations").json().get("count").asInt()).as("only the editor's own station was added")
                .isEqualTo(stations + 1);

        // five wrong passwords in a row lock the account: then even the right one is refused
        for (int i = 0; i < 5; i++) {
            assertThat(api().as("qinhuai-editor", "wrong-password-" + i).post("/api/stations", Map.of()).status()).isEqualTo(401);
        }
        assertThat(editor.post("/api/stations", station(unique("锁定后"), FUZIMIAO_LON + 0.001, FUZIMIAO_LAT)).status()).isEqualTo(401);
    }

    /** A browser's form login: its cookies (the session), the login's answer, the CSRF token the pages send back. */
    record SignedIn(java.net.http.HttpClient browser, java.net.CookieManager cookies, java.net.http.HttpResponse<String> login) {
        String csrfToken() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
                    .map(java.net.HttpCookie::getValue).orElseThrow();
        }

        /** /api/me as this browser sees it. */
        boolean signedIn(int port) throws Exception {
            String me = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/me")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return me.contains("\"signedIn\":true");
        }
    }

    SignedIn signIn(String user, String password) throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port();
        browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login.html")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
                .orElseThrow().getValue();
        java.net.http.HttpResponse<String> login = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password + "&next=/plan"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return new SignedIn(browser, cookies, login);
    }

    /**
     * A region admin manages their region's users and no one else's; disabling a user or resetting their password ends
     * their sessions at once; a user changes their own password given the current one; the last admin stays.
     */
    @Test
    void shouldChangeUsersWithinTheRegionAndEndTheirSessions() throws Exception {
        Api admin = api();
        assertThat(admin.post("/api/users", Map.of("username", "nj-region-admin", "password", "region-admin-pass-1", "role", "REGION_ADMIN",
                "region", "nanjing-core")).status()).isEqualTo(201);
        assertThat(admin.post("/api/users", Map.of("username", "nj-planner", "password", "nj-planner-pass-1", "role", "PLANNER",
                "region", "nanjing-core")).status()).isEqualTo(201);
        assertThat(admin.post("/api/users", Map.of("username", "far-planner", "password", "far-planner-pass-1", "role", "PLANNER",
                "region", "990300")).status()).isEqualTo(201);
        Api regionAdmin = api().as("nj-region-admin", "region-admin-pass-1");
        SignedIn planner = signIn("nj-planner", "nj-planner-pass-1");
        assertThat(planner.signedIn(port())).isTrue();

        Api.Response disabled = patch(regionAdmin, "/api/users/nj-planner", Map.of("enabled", false));
        assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(planner.signedIn(port())).as("the disabled user's session ended").isFalse();
        assertThat(api().as("nj-planner", "nj-planner-pass-1").get("/api/audit").status()).isEqualTo(401);

        assertThat(patch(regionAdmin, "/api/users/nj-planner", Map.of("role", "ADMIN")).status()).as("only an admin makes admins")
                .isEqualTo(403);
        assertThat(patch(regionAdmin, "/api/users/far-planner", Map.of("enabled", false)).status()).as("another region's user")
                .isEqualTo(403);
        assertThat(patch(regionAdmin, "/api/users/nj-planner", Map.of("role", "DISTRICT_EDITOR", "districts", List.of("440305")))
                .json().get("field").asText()).isEqualTo("districts");
        assertThat(patch(regionAdmin, "/api/users/nobody-here", Map.of("enabled", true)).status()).isEqualTo(404);

        Api.Response reset = patch(regionAdmin, "/api/users/nj-planner", Map.of("enabled", true, "password", "reset-password-22"));
        assertThat(reset.status()).as(reset.text()).isEqualTo(200);
        assertThat(api().as("nj-planner", "nj-planner-pass-1").get("/api/scenarios").status()).as("the old password").isEqualTo(401);
        Api plannerApi = api().as("nj-planner", "reset-password-22");
        assertThat(plannerApi.get("/api/scenarios").status()).isEqualTo(200);

        assertThat(plannerApi.post("/api/me/password", Map.of("currentPassword", "wrong-one-123", "newPassword", "mine-now-12345"))
                .json().get("field").asText()).isEqualTo("currentPassword");
        assertThat(plannerApi.post("/api/me/password", Map.of("currentPassword", "reset-password-22", "newPassword", "short"))
                .json().get("field").asText()).isEqualTo("newPassword");
        assertThat(plannerApi.post("/api/me/password", Map.of("currentPassword", "reset-password-22", "newPassword", "mine-now-12345"))
                .status()).isEqualTo(204);
        assertThat(api().as("nj-planner", "mine-now-12345").get("/api/scenarios").status()).isEqualTo(200);

        Api.Response lastAdmin = patch(admin, "/api/users/" + Api.ADMIN, Map.of("enabled", false));
        assertThat(lastAdmin.status()).as("the only administrator").isEqualTo(409);
        assertThat(admin.get("/api/audit?entity=USER").text()).contains("nj-planner", "CHANGE_PASSWORD");
    }

    private static boolean openIn(JsonNode compact, long id) {
        for (JsonNode st : compact.get("stations")) {
            if (st.get("id").asLong() == id) {
                return st.get("openNow").asBoolean();
            }
        }
        throw new AssertionError("station " + id + " not in " + compact);
    }

    private Api.Response patch(Api api, String path, Map<String, Object> body) {
        return api.raw("PATCH", path, "application/json", api.json().writeValueAsBytes(body));
    }

    /**
     * A station closed on public holidays (PH off) is closed on a holiday of a year an administrator loaded, and open the
     * day after; before the year is loaded, an answer about one of its dates says the calendar does not know it.
     */
    @Test
    void shouldCloseAStationOnAHolidayOfAYearAnAdministratorLoaded() {
        Api admin = api();
        assertThat(admin.get("/api/holidays").json().get("years").findValuesAsString("source")).contains("seed");
        LocalDate holiday = LocalDate.of(2027, 10, 6);
        assertThat(holiday.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.WEDNESDAY);
        // at 新街口, where the demo's streets are
        Api.Response created = admin.post("/api/stations", station(unique("节假日驿站"), 118.7841, 32.0416));
        long id = created.json().get("id").asLong();
        String near = "/api/nearest?k=3&lon=118.7841&lat=32.0416&at=";

        JsonNode unknownYear = admin.get(near + holiday + "T10:00").json();
        assertThat(unknownYear.path("calendarNote").asText()).as(unknownYear.toString()).contains("2027");
        assertThat(unknownYear.get("stations").findValuesAsString("id")).contains(String.valueOf(id)); // taken as a weekday

        byte[] arrangement = ("date,kind,name_zh,source\n" + holiday + ",holiday,国庆节（测试安排）,test\n"
                + "2027-10-09,workday,国庆调休上班（测试安排）,test\n").getBytes(StandardCharsets.UTF_8);
        assertThat(api().anonymous().raw("PUT", "/api/holidays/2027", "text/csv", arrangement).status()).isEqualTo(401);
        assertThat(admin.post("/api/users", Map.of("username", "holiday-planner", "password", "holiday-planner-1", "role", "PLANNER",
                "region", "nanjing-core")).status()).isEqualTo(201);
        assertThat(api().as("holiday-planner", "holiday-planner-1").raw("PUT", "/api/holidays/2027", "text/csv", arrangement).status())
                .as("only an administrator loads the calendar").isEqualTo(403);
        Api.Response wrongYear = admin.raw("PUT", "/api/holidays/2027", "text/csv",
                "date,kind\n2028-01-01,holiday\n".getBytes(StandardCharsets.UTF_8));
        assertThat(wrongYear.status()).isEqualTo(400);
        assertThat(wrongYear.json().get("reason").asText()).contains("2028-01-01");
        Api.Response loaded = admin.raw("PUT", "/api/holidays/2027", "text/csv", arrangement);
        assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
        assertThat(loaded.json().get("holidays").asInt()).isEqualTo(1);
        assertThat(loaded.json().get("workdays").asInt()).isEqualTo(1);
        assertThat(loaded.json().get("source").asText()).isEqualTo("uploaded");

        JsonNode onTheHoliday = admin.get(near + holiday + "T10:00").json();
        assertThat(onTheHoliday.get("calendarNote").isNull()).isTrue();
        assertThat(onTheHoliday.get("stations").findValuesAsString("id")).doesNotContain(String.valueOf(id));
        assertThat(admin.get(near + holiday.plusDays(1) + "T10:00").json().get("stations").findValuesAsString("id"))
                .contains(String.valueOf(id));
        assertThat(admin.get("/api/audit?entity=HOLIDAYS").text()).contains("2027");
        // the station list judges "open" at the moment asked, too: a shift that starts later
        String compact = "/api/stations/compact?bbox=118.78,32.04,118.79,32.045&at=";
        assertThat(openIn(admin.get(compact + holiday + "T10:00").json(), id)).isFalse();
        assertThat(openIn(admin.get(compact + holiday.plusDays(1) + "T10:00").json(), id)).isTrue();
        assertThat(openIn(admin.get(compact + holiday.plusDays(1) + "T20:00").json(), id)).isFalse();
    }

    /** Every answer carries the security headers; a form login's session writes only with the CSRF token. */
    @Test
    void shouldSendSecurityHeadersAndRefuseASessionWriteWithoutTheCsrfToken() throws Exception {
        Api.Response any = api().anonymous().get("/api/stations");
        assertThat(any.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(any.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(any.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(any.header("Referrer-Policy")).isEqualTo("same-origin");

        assertThat(api().post("/api/users", Map.of("username", "session-planner", "password", "planner-password-1", "role", "PLANNER",
                "region", "nanjing-core")).status()).isEqualTo(201);
        SignedIn session = signIn("session-planner", "planner-password-1");
        assertThat(session.login().statusCode()).isEqualTo(302);
        assertThat(session.login().headers().firstValue("Location").orElse("")).endsWith("/plan");
        java.net.http.HttpClient browser = session.browser();
        String base = "http://localhost:" + port();
        String token = session.csrfToken();
        String body = api().json().writeValueAsString(station(unique("会话驿站"), FUZIMIAO_LON + 0.002, FUZIMIAO_LAT));
        // what a cross-site form or script can send: the session cookie, no token
        java.net.http.HttpResponse<String> forged = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/stations"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        java.net.http.HttpResponse<String> mine = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/stations"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(201);
        assertThat(api().get("/api/me").json().get("user").get("username").asText()).isEqualTo(Api.ADMIN);
    }
    /** Every change is in the station's history with who, when, before and after; an earlier version comes back as a new one. */
    @Test
    void shouldKeepAStationsHistoryAndRestoreAnEarlierVersion() {
        Api api = api();
        String name = unique("历史驿站");
        Api.Response created = api.post("/api/stations", station(name, FUZIMIAO_LON + 0.003, FUZIMIAO_LAT));
        String path = created.header("Location");
        Map<String, Object> renamed = station(name + "（改名）", FUZIMIAO_LON + 0.003, FUZIMIAO_LAT);
        assertThat(api.put(path, renamed, Map.of("If-Match", "\"1\"")).status()).isEqualTo(200);
        assertThat(api.delete(path + "?reason=" + java.net.URLEncoder.encode("装修", java.nio.charset.StandardCharsets.UTF_8),
                Map.of()).status()).isEqualTo(200);

        JsonNode history = api.get(path + "/history").json();
        assertThat(history.get("currentVersion").asInt()).isEqualTo(3);
        assertThat(history.get("versions").findValuesAsString("action")).containsExactly("CREATE", "UPDATE", "CLOSE");
        assertThat(history.get("versions").findValuesAsString("actor")).containsOnly(Api.ADMIN);
        JsonNode update = history.get("versions").get(1);
        assertThat(update.get("before").get("name").asText()).isEqualTo(name);
        assertThat(update.get("after").get("name").asText()).isEqualTo(name + "（改名）");
        assertThat(history.get("versions").get(2).get("after").get("status").asText()).isEqualTo("CLOSED");
        assertThat(history.get("versions").get(0).get("restorable").asBoolean()).isTrue();

        Api.Response restored = api.post(path + "/restore?version=1", Map.of());
        assertThat(restored.status()).as(restored.text()).isEqualTo(200);
        assertThat(restored.header("ETag")).isEqualTo("\"4\"");
        JsonNode now = api.get(path).json().get("properties");
        assertThat(now.get("name").asText()).isEqualTo(name);
        assertThat(now.get("status").asText()).isEqualTo("OPEN");
        JsonNode after = api.get(path + "/history").json().get("versions");
        assertThat(after.get(3).get("action").asText()).isEqualTo("RESTORE");
        assertThat(after.get(3).get("detail").asText()).contains("第 1 版");
        assertThat(after.get(3).get("before").get("status").asText()).isEqualTo("CLOSED");

        assertThat(api.post(path + "/restore?version=4", Map.of()).status()).isEqualTo(409);
        assertThat(api.post(path + "/restore?version=9", Map.of()).json().get("field").asText()).isEqualTo("version");
        assertThat(api.anonymous().get(path + "/history").status()).isEqualTo(401);
        assertThat(api.post("/api/users", Map.of("username", "xuanwu-editor", "password", "editor-password-2", "role", "DISTRICT_EDITOR",
                "region", "nanjing-core", "districts", List.of("320102"))).status()).isEqualTo(201);
        assertThat(api.as("xuanwu-editor", "editor-password-2").post(path + "/restore?version=2", Map.of()).status())
                .as("a 秦淮区 station is not a 玄武区 editor's").isEqualTo(403);
    }
    /** The compact list a map draws: the same stations as the full list, a few fields each, a fraction of the bytes. */
    @Test
    void shouldListTheSameStationsCompactly() {
        Api api = api().anonymous();
        String bbox = "bbox=118.77,32.03,118.80,32.06";
        Api.Response full = api.get("/api/stations?" + bbox);
        Api.Response compact = api.get("/api/stations/compact?" + bbox);
        assertThat(compact.status()).isEqualTo(200);
        assertThat(compact.json().get("count").asInt()).isEqualTo(full.json().get("count").asInt()).isPositive();
        assertThat(compact.json().get("stations").findValues("id")).extracting(JsonNode::asLong)
                .containsExactlyInAnyOrderElementsOf(full.json().get("features").findValues("id").stream().map(JsonNode::asLong).toList());
        JsonNode one = compact.json().get("stations").get(0);
        assertThat(one.has("lon") && one.has("lat") && one.has("name") && one.has("kind") && one.has("status")).isTrue();
        assertThat(compact.text().length()).isLessThan(full.text().length() / 3);
        assertThat(api.get("/api/stations/compact?bbox=1,2,3").json().get("field").asText()).isEqualTo("bbox");
    }

    /**
     * What a worker needs before walking there: how one gets in, staffed, step-free, area and seats — stored, said in
     * plain words, filtered on (the list and the nearest), refused with the field when wrong, exported under Chinese
     * headers that import back; each station's code, its A5 sign whose QR code reads back to the station's short
     * address, which opens its page; and a worker's "it's here and open", rate-limited and no edit.
     */
    @Test
    void shouldTellHowOneGetsInFilterByItAndGiveEachStationItsCodeSignAndConfirmations() throws Exception {
        Api api = api();
        String tag = unique("进入");
        Map<String, Object> app = station(tag + "扫码站", FUZIMIAO_LON, FUZIMIAO_LAT);
        app.put("entry", "需扫码");
        app.put("staffed", false);
        app.put("stepFree", true);
        app.put("areaM2", 25.5);
        Map<String, Object> open = station(tag + "直进站", FUZIMIAO_LON + 0.002, FUZIMIAO_LAT);
        open.put("entry", "OPEN");
        open.put("staffed", true);
        Api.Response created = api.post("/api/stations", app);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(api.post("/api/stations", open).status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        JsonNode access = created.json().get("properties").get("access");
        assertThat(access.get("entry").asText()).isEqualTo("MEMBER_CODE");
        assertThat(access.get("withoutApp").asBoolean()).isFalse();
        assertThat(access.get("seats").asInt()).isEqualTo(12);
        assertThat(access.get("text").asText()).isEqualTo("需出示工会会员卡或扫码 · 自助 · 无障碍 · 25.5 ㎡ · 12 个座位");
        String code = created.json().get("properties").get("code").asText();
        assertThat(code).isEqualTo(String.format("320104-01-%06d", id));

        // the worker's filters, on the list and on the nearest
        assertThat(names(api.get("/api/stations?q=" + tag + "&access=OPEN"))).containsExactly(tag + "直进站");
        assertThat(names(api.get("/api/stations?q=" + tag + "&access=直接进入,密码锁"))).containsExactly(tag + "直进站");
        assertThat(names(api.get("/api/stations?q=" + tag + "&stepFree=true"))).containsExactly(tag + "扫码站");
        assertThat(names(api.get("/api/stations?q=" + tag + "&access=OPEN&service=MICROWAVE&openNow=true"))).containsExactly(tag + "直进站");
        // (the demo network is 新街口's: ask from there; its demo stations say how one gets in)
        JsonNode nearest = api.get("/api/nearest?lon=118.7840&lat=32.0418&k=5&access=OPEN").json().get("stations");
        assertThat(nearest).isNotEmpty().allSatisfy(s -> assertThat(s.get("station").get("properties").get("access").get("entry").asText())
                .isEqualTo("OPEN"));
        assertThat(api.get("/api/stations?access=翻墙").json().get("field").asText()).isEqualTo("access");
        assertThat(api.get("/api/nearest?lon=118.7886&lat=32.0219&access=翻墙").json().get("field").asText()).isEqualTo("access");

        // a value that does not fit is refused with its field
        Map<String, Object> bad = station(tag + "错", FUZIMIAO_LON + 0.004, FUZIMIAO_LAT);
        bad.put("entry", "翻墙");
        bad.put("areaM2", -3);
        Api.Response refused = api.post("/api/stations", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("entry", "areaM2");

        // exported with Chinese headers; the file imports back (renamed, so not a duplicate) with the same access
        String csv = new String(api.bytes("/api/stations/export?format=csv&q=" + java.net.URLEncoder.encode(tag, StandardCharsets.UTF_8)).body(),
                StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFF站点编码,名称,类型,经度,纬度").contains("进入方式", "有人值守", "无障碍进入", "面积", "所在区");
        assertThat(lines).hasSize(3);
        assertThat(lines.stream().filter(l -> l.startsWith(code)).findFirst().orElseThrow())
                .contains("需出示工会会员卡或扫码", ",否,是,25.5,", "秦淮区");
        String tag2 = unique("回导");
        Api.Response imported = api.upload("/api/stations/imports?crs=WGS84&commit=true", "stations.csv",
                csv.replace(tag, tag2).getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().get("goodRows").asInt()).as(imported.text()).isEqualTo(2);
        JsonNode back = api.get("/api/stations?q=" + tag2 + "扫码站").json().get("features").get(0).get("properties");
        assertThat(back.get("access").get("text").asText()).isEqualTo(access.get("text").asText());
        assertThat(back.get("code").asText()).isNotEqualTo(code).endsWith(String.format("%06d", api.get("/api/stations?q=" + tag2 + "扫码站")
                .json().get("features").get(0).get("id").asLong()));
        Api.Response badRows = api.upload("/api/stations/imports?crs=WGS84", "bad.csv",
                ("名称,类型,经度,纬度,进入方式,有人值守,面积\n" + tag + "行,爱心驿站,118.7886,32.0219,翻墙,有时,二十\n").getBytes(StandardCharsets.UTF_8));
        assertThat(badRows.json().get("problems").findValuesAsString("code")).containsExactlyInAnyOrder("BAD_ENTRY", "BAD_YES_NO", "BAD_AREA");
        assertThat(badRows.json().get("problems").findValuesAsString("column")).containsExactlyInAnyOrder("进入方式", "有人值守", "面积");

        // the sign: A5 SVG with the name, code, hours and access; its QR code reads back to the station's short address
        java.net.http.HttpResponse<byte[]> sign = api.anonymous().bytes("/api/stations/" + id + "/sign.svg");
        assertThat(sign.statusCode()).isEqualTo(200);
        assertThat(sign.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        String svg = new String(sign.body(), StandardCharsets.UTF_8);
        assertThat(svg).contains("width=\"148.0mm\" height=\"210.0mm\"", tag + "扫码站", "站点编码 " + code, "周一至周五", "需出示工会会员卡或扫码");
        String url = StationSignTest.decodeQr(svg);
        assertThat(url).startsWith("http://localhost:").endsWith("/s/" + code);
        Api.Response page = api.anonymous().get(url.substring(url.indexOf("/s/")));
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).isEqualTo("/?station=" + id);
        assertThat(api.anonymous().get("/s/000000-00-000000").status()).isEqualTo(404);
        assertThat(api.anonymous().get("/api/stations/99999999/sign.svg").status()).isEqualTo(404);

        // "it's here and open": counted once per device in 6 hours, no edit (same version), shown as confirmedAt
        Api worker = api.anonymous();
        Api.Response first = worker.post("/api/stations/" + id + "/confirmations", Map.of());
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.json().get("counted").asBoolean()).isTrue();
        assertThat(first.json().get("lastThirtyDays").asInt()).isEqualTo(1);
        Api.Response repeat = worker.post("/api/stations/" + id + "/confirmations", Map.of());
        assertThat(repeat.json().get("counted").asBoolean()).isFalse();
        assertThat(repeat.json().get("lastThirtyDays").asInt()).isEqualTo(1);
        Api.Response after = api.get("/api/stations/" + id);
        assertThat(after.header("ETag")).isEqualTo("\"1\"");
        assertThat(after.json().get("properties").get("confirmedAt").asText()).isNotBlank();
        // one device confirming station after station: 20 an hour, then 429
        List<Long> others = api.get("/api/stations").json().get("features").findValues("id").stream().map(JsonNode::asLong)
                .filter(x -> x != id).limit(25).toList();
        int counted = 1;
        Api.Response last = null;
        for (long other : others) {
            last = worker.post("/api/stations/" + other + "/confirmations", Map.of());
            if (last.status() != 200) {
                break;
            }
            counted++;
        }
        assertThat(counted).isEqualTo(20);
        assertThat(last.status()).isEqualTo(429);
    }
}
