package cn.servicemap.basemap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.gis.basemap.TileId;
import cn.servicemap.support.Api;
import cn.servicemap.support.DemoRegionTestBase;
import cn.servicemap.support.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The offline basemap and the map configuration over HTTP, on the Nanjing demo region. */
class BasemapApiTest extends DemoRegionTestBase {

    private static final TileId XINJIEKOU = TileId.containing(118.784, 32.042, 16);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    private static String path(TileId t) {
        return "/api/basemap/" + t.z() + "/" + t.x() + "/" + t.y() + ".json";
    }

    @Test
    void shouldServeATileOfXinjiekouWithRoadsBuildingsAndChineseLabels() {
        Api.Response r = api().get(path(XINJIEKOU));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("Cache-Control")).contains("max-age=3600");
        JsonNode layers = r.json().get("layers");
        assertThat(r.json().get("synthetic").asBoolean()).isFalse();
        assertThat(r.json().get("extent").asInt()).isEqualTo(4096);
        List<String> roadClasses = new ArrayList<>();
        layers.get("roads").get("features").forEach(f -> roadClasses.add(f.get("properties").get("class").asText()));
        assertThat(roadClasses).contains("primary");
        assertThat(layers.get("buildings").get("features").size()).isGreaterThan(20);
        assertThat(layers.get("labels").get("features").findValuesAsString("name")).anyMatch(n -> n.endsWith("路"));
    }

    @Test
    void shouldRevalidateByEtagAndCompress() {
        Api.Response first = api().get(path(XINJIEKOU));
        String etag = first.header("ETag");
        assertThat(etag).startsWith("W/\"");
        assertThat(api().get(path(XINJIEKOU), Map.of("If-None-Match", etag)).status()).isEqualTo(304);
        Api.Response gz = api().get(path(XINJIEKOU), Map.of("Accept-Encoding", "gzip"));
        assertThat(gz.header("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void shouldAnswerAnEmptyTileFarFromTheRegion() {
        JsonNode json = api().get(path(TileId.containing(87.6, 43.8, 16))).json(); // Ürümqi
        assertThat(json.get("layers").size()).isZero();
    }

    @Test
    void shouldRejectBadTileNumbersAsProblemDetails() {
        assertProblem("/api/basemap/21/0/0.json", "z");
        assertProblem("/api/basemap/3/8/0.json", "x");
        assertProblem("/api/basemap/3/0/-1.json", "y");
        assertProblem("/api/basemap/16/abc/1.json", "x");
    }

    private void assertProblem(String path, String field) {
        Api.Response r = api().get(path);
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("field").asText()).isEqualTo(field);
        assertThat(r.json().get("type").asText()).endsWith("/invalid-request");
    }

    @Test
    void shouldDescribeTheMapForThePage() {
        JsonNode config = api().get("/api/map-config").json();
        JsonNode bbox = config.get("bbox");
        assertThat(bbox.get(0).asDouble()).isLessThan(118.784);
        assertThat(bbox.get(2).asDouble()).isGreaterThan(118.784);
        assertThat(bbox.get(1).asDouble()).isLessThan(32.042);
        assertThat(bbox.get(3).asDouble()).isGreaterThan(32.042);
        assertThat(config.get("region").get("synthetic").asBoolean()).isFalse();
        assertThat(config.get("region").get("nameZh").asText()).contains("南京");
        assertThat(config.get("credits").findValuesAsString("credits")).isEmpty();
        assertThat(config.get("credits").toString()).contains("© OpenStreetMap contributors").contains("人口普查");
        assertThat(config.get("basemaps").get("offline").get("url").asText()).isEqualTo("/api/basemap/{z}/{x}/{y}.json");
        assertThat(config.get("basemaps").get("online").isNull()).isTrue();
    }

    @Test
    void shouldServeBothPagesWithoutATemplateEngine() {
        Api.Response plan = api().get("/plan");
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.header("Content-Type")).startsWith("text/html");
        assertThat(plan.text()).contains("<title>规划").contains("/js/plan.js");
        Api.Response worker = api().get("/");
        assertThat(worker.text()).contains("<title>附近驿站").contains("/js/worker.js");
        assertThat(api().get("/webjars/leaflet/1.9.4/dist/leaflet.js").status()).isEqualTo(200);
        assertThat(api().get("/js/coords.js").header("Content-Type")).contains("javascript");
    }
}
