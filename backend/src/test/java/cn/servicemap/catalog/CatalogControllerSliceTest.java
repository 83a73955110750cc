package cn.servicemap.catalog;

import static cn.servicemap.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The catalog the pages draw kinds from, read from the seeds: every kind with its code, name, glyph and colour. */
class CatalogControllerSliceTest extends WebSliceTest {


    @Test
    void shouldListKindsWithWhatAMarkerNeeds() {
        MvcTestResult r = mvc.get().uri("/api/catalog").exchange();
        assertThat(r).hasStatusOk();
        assertThat(r).hasContentTypeCompatibleWith("application/json");
        assertThat(r).bodyJson().extractingPath("$.kinds").asArray().hasSizeGreaterThanOrEqualTo(2);
        assertThat(r).bodyJson().extractingPath("$.kinds[*].code").asArray().doesNotContainNull().contains("OUTDOOR_STATION");
        assertThat(r).bodyJson().extractingPath("$.kinds[*].nameZh").asArray().doesNotContainNull().contains("户外劳动者服务站点");
        assertThat(r).bodyJson().extractingPath("$.kinds[*].glyph").asArray().doesNotContainNull().contains("驿");
        assertThat(r).bodyJson().extractingPath("$.kinds[*].color").asArray().doesNotContainNull()
                .allSatisfy(c -> assertThat(c).asString().matches("#[0-9a-f]{6}"));
        assertThat(r).bodyJson().extractingPath("$.kinds[0].code").asString().isEqualTo("OUTDOOR_STATION");
        assertThat(r).bodyJson().extractingPath("$.kinds[0].color").asString().isEqualTo("#d7263d");
        assertThat(r).bodyJson().extractingPath("$.services[*].code").asArray().contains("WATER", "MICROWAVE");
    }

    @Test
    void shouldAnswerAWriteWith405Problem() {
        assertProblem(mvc.post().uri("/api/catalog").exchange(), 405);
    }
}
