package cn.servicemap.planning;

import static cn.servicemap.support.Problems.assertField;
import static cn.servicemap.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.servicemap.support.WebSliceTest;
import cn.servicemap.system.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Saved scenarios' request parsing and error shapes, without a database or a road network. */
class ScenarioControllerSliceTest extends WebSliceTest {



    @Test
    void shouldNameAnUnknownOp() {
        MvcTestResult r = save("{\"name\":\"方案一\",\"changes\":[{\"op\":\"teleport\",\"stationId\":3}]}");
        assertField(r, "changes[0].op", "BAD_TYPE");
        assertThat(r).bodyJson().extractingPath("$.reason").asString().contains("add", "move", "close", "reopen");
        verifyNoInteractions(scenarios);
    }

    @Test
    void shouldNameTheBadPartOfAScenario() {
        assertField(save("{\"name\":\"a\",\"changes\":[{\"op\":\"close\",\"stationId\":3},{\"op\":\"add\",\"lon\":918.78,\"lat\":32.04}]}"),
                "changes[1].lon", "BAD_COORDINATE");
        assertField(save("{\"name\":\"a\",\"profile\":\"fly\",\"changes\":[]}"), "profile", "BAD_PROFILE");
        assertField(save("{\"name\":\"a\",\"bands\":[15,10],\"changes\":[]}"), "bands", "BAD_BANDS");
        assertField(save("{\"name\":\"a\",\"changes\":[{\"op\":\"close\",\"stationId\":\"seven\"}]}"), "changes[0].stationId", "WRONG_TYPE");
        MvcTestResult notJson = save("{\"name\":");
        assertProblem(notJson, 400);
        assertThat(notJson).bodyJson().extractingPath("$.detail").asString().contains("not valid JSON");
        verifyNoInteractions(scenarios);
    }

    @Test
    void shouldAnswerAnUnknownScenarioWith404() {
        when(scenarios.open(404L)).thenThrow(new NotFoundException("没有编号为 404 的方案 (no scenario 404)"));
        MvcTestResult r = mvc.get().uri("/api/scenarios/404").exchange();
        assertProblem(r, 404);
        assertThat(r).bodyJson().extractingPath("$.detail").asString().contains("no scenario 404");
    }

    @Test
    void shouldRefuseAnIdThatIsNoNumber() {
        assertField(mvc.get().uri("/api/scenarios/latest").exchange(), "id", "BAD_VALUE");
        assertField(mvc.post().uri("/api/scenarios/x/apply").exchange(), "id", "BAD_VALUE");
        verifyNoInteractions(scenarios);
    }

    private MvcTestResult save(String json) {
        return mvc.post().uri("/api/scenarios").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
