package cn.servicemap.feedback;

import static cn.servicemap.support.Problems.assertField;
import static cn.servicemap.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.servicemap.stations.StationService;
import cn.servicemap.support.WebSliceTest;
import cn.servicemap.system.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Problem reports' validation branches, without a database: type, note length, OTHER needs a note, status filter. */
class ProblemReportControllerSliceTest extends WebSliceTest {



    @Test
    void shouldRefuseAnUnknownType() {
        assertField(report("{\"type\":\"BROKEN\"}"), "type", "BAD_TYPE");
        assertField(report("{\"note\":\"没有水\"}"), "type", "BAD_TYPE");
        verifyNoInteractions(moderation);
    }

    @Test
    void shouldRefuseANoteOver500Characters() {
        assertField(report("{\"type\":\"NO_WATER\",\"note\":\"" + "水".repeat(501) + "\"}"), "note", "TOO_LONG");
        assertField(report("{\"type\":\"NO_WATER\",\"contact\":\"" + "1".repeat(101) + "\"}"), "contact", "TOO_LONG");
        verifyNoInteractions(moderation);
    }

    @Test
    void shouldRequireANoteForOther() {
        assertField(report("{\"type\":\"other\"}"), "note", "MISSING_VALUE");
        assertField(report("{\"type\":\"OTHER\",\"note\":\"   \"}"), "note", "MISSING_VALUE");
        verifyNoInteractions(moderation);
    }

    @Test
    void shouldListEveryBadFieldOfAReport() {
        MvcTestResult r = report("{\"type\":\"X\",\"note\":\"" + "a".repeat(501) + "\"}");
        assertField(r, "type", "BAD_TYPE");
        assertThat(r).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("type", "note");
    }

    @Test
    void shouldRefuseAnUnknownStatusFilter() {
        assertField(mvc.get().uri("/api/reports?status=DONE").exchange(), "status", null);
        assertField(mvc.get().uri("/api/reports?stationId=seven").exchange(), "stationId", "BAD_VALUE");
        verifyNoInteractions(moderation);
    }

    @Test
    void shouldAnswerAnUnknownStationOrReportWith404() {
        when(moderation.report(org.mockito.ArgumentMatchers.eq(99L), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any()))
                .thenThrow(new NotFoundException("没有编号为 99 的站点 (no station 99)"));
        assertProblem(mvc.post().uri("/api/stations/99/reports").contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"CLOSED\"}").exchange(), 404);
        when(moderation.dismiss(org.mockito.ArgumentMatchers.eq(5L), org.mockito.ArgumentMatchers.any()))
                .thenThrow(new NotFoundException("没有编号为 5 的问题报告 (no report 5)"));
        MvcTestResult resolve = mvc.post().uri("/api/reports/5/resolve").contentType(MediaType.APPLICATION_JSON)
                .content("{\"resolution\":\"已联系站点\"}").exchange();
        assertProblem(resolve, 404);
        assertThat(resolve).bodyJson().extractingPath("$.detail").asString().contains("no report 5");
    }

    @Test
    void shouldRequireAResolution() {
        assertField(mvc.post().uri("/api/reports/5/resolve").contentType(MediaType.APPLICATION_JSON).content("{}").exchange(),
                "resolution", "MISSING_VALUE");
        verifyNoInteractions(moderation);
    }

    private MvcTestResult report(String json) {
        return mvc.post().uri("/api/stations/7/reports").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
