package cn.servicemap.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.Api;
import cn.servicemap.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "servicemap.demo.enabled=false")
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
