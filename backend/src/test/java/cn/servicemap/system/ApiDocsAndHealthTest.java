package cn.servicemap.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.Api;
import cn.servicemap.support.TestDatabases;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"servicemap.demo.enabled=false", "servicemap.security.admin-username=" + Api.ADMIN,
        "servicemap.security.admin-password=" + Api.ADMIN_PASSWORD})
class ApiDocsAndHealthTest {

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    @Test
    void shouldPublishOpenApiSwaggerUiAndHealth() {
        Api api = new Api(port);
        Api.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/stations")).isTrue();
        assertThat(docs.json().get("paths").has("/api/stations/{id}")).isTrue();
        assertThat(docs.json().get("paths").has("/api/stations/imports")).isTrue();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    }

    /**
     * Every /api answer and request body has a named schema, and no schema reachable from them is a bare object
     * (type object with neither properties nor a value type): a client author sees the real shapes.
     */
    @Test
    void shouldDescribeEveryApiAnswerAndBodyWithNamedTypedSchemas() {
        JsonNode docs = new Api(port).get("/v3/api-docs").json();
        JsonNode schemas = docs.get("components").get("schemas");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                List<Map.Entry<String, JsonNode>> bodies = new ArrayList<>();
                op.getValue().path("requestBody").path("content").properties().forEach(bodies::add);
                for (Map.Entry<String, JsonNode> response : op.getValue().path("responses").properties()) {
                    if (response.getKey().startsWith("2")) {
                        response.getValue().path("content").properties().forEach(bodies::add);
                    }
                }
                for (Map.Entry<String, JsonNode> media : bodies) {
                    JsonNode schema = media.getValue().path("schema");
                    checked++;
                    boolean binary = "string".equals(typeOf(schema));
                    // a form upload is described inline, field by field
                    boolean multipart = media.getKey().startsWith("multipart/form-data") && schema.has("properties");
                    if (!schema.has("$ref") && !binary && !multipart) {
                        problems.add(where + ": unnamed schema " + schema);
                    }
                    walk(schema, schemas, where, new HashSet<>(), problems);
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(problems).isEmpty();
        // one change model, told apart by op; shared values are documented as the text they are sent as
        assertThat(schemas.get("StationChange").get("discriminator").get("propertyName").asText()).isEqualTo("op");
        assertThat(schemas.get("StationChange").get("oneOf")).hasSize(4);
        JsonNode stationParameters = docs.get("paths").get("/api/stations").get("get").get("parameters");
        assertThat(stationParameters.findValuesAsString("name")).contains("kind", "service", "bbox", "openNow", "status")
                .noneMatch(n -> n.contains("."));
    }

    private static void walk(JsonNode schema, JsonNode schemas, String where, Set<String> seen, List<String> problems) {
        if (schema == null || schema.isMissingNode() || !schema.isObject()) {
            return;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            if (seen.add(name)) {
                JsonNode target = schemas.get(name);
                if (target == null) {
                    problems.add(where + ": dangling " + name);
                } else {
                    walk(target, schemas, where + " > " + name, seen, problems);
                }
            }
            return;
        }
        boolean composed = schema.has("oneOf") || schema.has("anyOf") || schema.has("allOf");
        String type = typeOf(schema);
        if (!composed && (type.equals("object") || type.isEmpty()) && !schema.has("properties")
                && !schema.has("additionalProperties") && !schema.has("enum")) {
            problems.add(where + ": bare object " + schema);
        }
        schema.path("properties").properties().forEach(p -> walk(p.getValue(), schemas, where + "." + p.getKey(), seen, problems));
        walk(schema.path("items"), schemas, where + "[]", seen, problems);
        walk(schema.path("additionalProperties"), schemas, where + "{}", seen, problems);
        for (String k : List.of("oneOf", "anyOf", "allOf")) {
            schema.path(k).forEach(s -> walk(s, schemas, where + "|", seen, problems));
        }
    }

    /** The schema's type; OpenAPI 3.1 writes a nullable one as ["string", "null"]. */
    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return "null";
        }
        return type.asText("");
    }

    /** What Spring MVC answers itself (no such address, method, media type) is a problem detail in our words too. */
    @Test
    void shouldAnswerFrameworkErrorsInOurWords() {
        Api api = new Api(port);
        Api.Response none = api.get("/api/no-such-thing");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("title").asText()).isEqualTo("未找到 (not found)");
        assertThat(none.text()).doesNotContain("static resource");
        Api.Response method = api.delete("/api/catalog", Map.of());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().get("detail").asText()).contains("GET").doesNotContain("is not supported");
        Api.Response media = api.upload("/api/whatif", "changes.txt", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(media.status()).isEqualTo(415);
        assertThat(media.json().get("field").asText()).isEqualTo("Content-Type");
        assertThat(media.text()).doesNotContain("is not supported");
    }

    @Test
    void shouldAnswerEmptyRegionClearly() {
        Api.Response r = new Api(port).get("/api/region");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").asText()).contains("no region loaded");
    }

    @Test
    void shouldAnswer503WithAReasonWhenThereIsNoRoadNetwork() {
        Api.Response r = new Api(port).get("/api/coverage");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("no region loaded");
    }
}
