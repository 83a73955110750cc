package cn.servicemap.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.Api;
import cn.servicemap.support.DemoRegionTestBase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The hostile-input corpus: requests an attacker (or a broken client) sends, each answered with a 4xx problem detail that
 * names what is wrong in our words — no stack trace, class or library name — and nothing written. Grow it with every new
 * case found; each entry checks status, problem shape and that the data did not change.
 */
abstract class HostileInputContract extends DemoRegionTestBase {

    /** One hostile request and the status it must get (a 4xx); {@code field}, when given, must be named. */
    record Case(String name, String method, String path, String contentType, byte[] body, int status, String field) {
    }

    private static final List<String> LEAKS = List.of("Exception", "java.", "jackson", "fasterxml", "springframework", "aalto",
            "For input string", "org.h2", "postgresql", "at cn.", "tomcat", "Caused by");

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Case json(String name, String method, String path, String body, int status, String field) {
        return new Case(name, method, path, "application/json", text(body), status, field);
    }

    /** A multipart body with one file part named {@code file}. */
    private static byte[] multipart(String boundary, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        out.writeBytes(content);
        out.writeBytes(text("\r\n--" + boundary + "--\r\n"));
        return out.toByteArray();
    }

    private static Case upload(String name, String path, String fileName, byte[] content, int status, String field) {
        String boundary = "----hostile" + Math.abs(name.hashCode());
        return new Case(name, "POST", path, "multipart/form-data; boundary=" + boundary, multipart(boundary, fileName, content), status, field);
    }

    /** An xlsx whose workbook declares an external entity (XXE). */
    private static byte[] xlsxWithExternalEntity() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(text("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "</Types>"));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(text("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets><sheet name=\"&e;\"/></sheets></workbook>"));
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private List<Case> corpus(long station) {
        List<Case> cases = new ArrayList<>();
        // what-ifs and parameters
        cases.add(json("close then move one station", "POST", "/api/whatif", "{\"changes\":[{\"op\":\"close\",\"stationId\":" + station
                + "},{\"op\":\"move\",\"stationId\":" + station + ",\"lon\":118.78,\"lat\":32.04}]}", 400, "changes[1].stationId"));
        cases.add(new Case("an empty band", "GET", "/api/coverage?bands=5,,10", null, null, 400, "bands"));
        cases.add(json("null inside changes", "POST", "/api/whatif", "{\"changes\":[null]}", 400, "changes[0]"));
        cases.add(json("null inside bands", "POST", "/api/whatif", "{\"bands\":[5,null],\"changes\":[{\"op\":\"add\",\"lon\":118.78,\"lat\":32.04}]}",
                400, "bands"));
        cases.add(json("null inside kinds", "POST", "/api/whatif", "{\"kinds\":[null,\"飞船站\"],\"changes\":[{\"op\":\"add\",\"lon\":118.78,\"lat\":32.04}]}",
                400, "kind"));
        cases.add(json("NaN for a coordinate", "POST", "/api/stations", "{\"name\":\"x\",\"kind\":\"爱心驿站\",\"lon\":NaN,\"lat\":32.04}", 400, null));
        cases.add(json("5,000 levels of nesting", "POST", "/api/stations", "[".repeat(5000) + "]".repeat(5000), 400, null));
        cases.add(json("not JSON", "POST", "/api/scenarios", "{\"name\":", 400, null));
        // uploads
        cases.add(upload("district file that is not JSON", "/api/districts/imports?crs=GCJ02", "d.json", text("PK\u0003\u0004 not json"), 400, "file"));
        cases.add(upload("district file with NaN", "/api/districts/imports?crs=GCJ02", "d.json",
                text("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"adcode\":320102,\"name\":\"x\"},"
                        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[NaN,32]}}]}"), 400, "file"));
        cases.add(upload("district file with NUL bytes", "/api/districts/imports?crs=GCJ02", "d.json", text("{\"type\":\u0000\"Feature\u0000"), 400, "file"));
        cases.add(upload("district file nested 5,000 deep", "/api/districts/imports?crs=GCJ02", "d.json",
                text("{\"type\":\"FeatureCollection\",\"features\":" + "[".repeat(5000) + "]".repeat(5000) + "}"), 400, "file"));
        cases.add(upload("station GeoJSON nested 5,000 deep", "/api/stations/imports?crs=WGS84", "s.geojson",
                text("{\"type\":\"FeatureCollection\",\"features\":" + "[".repeat(5000) + "]".repeat(5000) + "}"), 400, "file"));
        cases.add(upload("station GeoJSON that is not JSON", "/api/stations/imports?crs=WGS84", "s.geojson", text("{{{{"), 400, "file"));
        cases.add(upload("a 300-character file name", "/api/stations/imports?crs=WGS84", "驿".repeat(300) + ".csv",
                text("name,lon,lat\n"), 400, "file"));
        cases.add(upload("a CSV 200,001 columns wide", "/api/stations/imports?crs=WGS84", "wide.csv",
                text("name,lon,lat" + ",x".repeat(200_000) + "\n"), 400, "file"));
        cases.add(upload("a CSV cell of 20,000 characters", "/api/stations/imports?crs=WGS84", "long.csv",
                text("name,lon,lat\n" + "驿".repeat(20_000) + ",118.78,32.04\n"), 400, "file"));
        cases.add(upload("an xlsx with an external entity", "/api/stations/imports?crs=WGS84", "s.xlsx", xlsxWithExternalEntity(), 400, "file"));
        cases.add(new Case("district import that is not multipart", "POST", "/api/districts/imports?crs=GCJ02", "application/json",
                text("{}"), 415, null));
        cases.add(upload("a census CSV 300 columns wide", "/api/districts/population", "wide.csv",
                text("CODE,NAME,POPU," + "x,".repeat(297) + "y\n320102,玄武区,1\n"), 400, "file"));
        cases.add(upload("a census cell of 20,000 characters", "/api/districts/population", "long.csv",
                text("CODE,NAME,POPU\n320102," + "玄".repeat(20_000) + ",1\n"), 400, "file"));
        cases.add(upload("a census file that is empty", "/api/districts/population", "empty.csv", text(""), 400, "file"));
        cases.add(upload("a district file with 600,000 features", "/api/districts/imports?crs=GCJ02", "d.json",
                text("{\"type\":\"FeatureCollection\",\"features\":[" + "{},".repeat(600_000) + "{}]}"), 400, "file"));
        cases.add(new Case("census import that is not multipart", "POST", "/api/districts/population", "text/plain", text("x"), 415, null));
        // what Tomcat refuses before the app sees it, and the error page
        cases.add(new Case("an encoded slash in the path", "GET", "/api/stations/1%2F2", null, null, 400, null));
        cases.add(new Case("an encoded NUL in the path", "GET", "/api/stations/1%00", null, null, 400, null));
        cases.add(new Case("a path going up", "GET", "/api/../../etc/passwd", null, null, 400, null));
        cases.add(new Case("the error page itself", "GET", "/error", null, null, 404, null));
        return cases;
    }

    @TestFactory
    List<DynamicTest> shouldAnswerEveryHostileRequestWithAProblemDetailAndWriteNothing() {
        Api api = api();
        long station = api.get("/api/stations?kind=SERVICE_CENTRE").json().get("features").get(0).get("id").asLong();
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : corpus(station)) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                Map<String, Integer> before = counts(api);
                Api.Response r = api.raw(c.method(), c.path(), c.contentType(), c.body());
                assertThat(r.status()).as(c.name() + ": " + r.text()).isEqualTo(c.status());
                assertThat(r.header("Content-Type")).as(c.name()).contains("application/problem+json");
                JsonNode p = r.json();
                assertThat(p.get("status").asInt()).isEqualTo(c.status());
                assertThat(p.get("title").asText()).isNotBlank();
                if (c.field() != null) {
                    assertThat(p.get("field").asText()).as(c.name() + ": " + r.text()).isEqualTo(c.field());
                }
                for (String leak : LEAKS) {
                    assertThat(r.text()).as(c.name() + " leaks " + leak).doesNotContainIgnoringCase(leak);
                }
                assertThat(counts(api)).as(c.name() + ": nothing written").isEqualTo(before);
            }));
        }
        return tests;
    }

    /** What a hostile request must not change: stations, districts, scenarios and the audit trail. */
    private static Map<String, Integer> counts(Api api) {
        return Map.of("stations", api.get("/api/stations?status=OPEN,TEMPORARILY_CLOSED,CLOSED").json().get("count").asInt(),
                "districts", api.get("/api/districts?geometry=false").json().get("features").size(),
                "scenarios", api.get("/api/scenarios").json().get("scenarios").size(),
                "dataVersion", (int) api.get("/api/coverage/cross").json().get("dataVersion").asLong());
    }
}
