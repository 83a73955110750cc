package cn.servicemap.grades;

import static cn.servicemap.support.Problems.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.servicemap.support.FixedClockConfig;
import cn.servicemap.support.WebSliceTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Recording a star grade: every bad field at once, with its reason, before anything is stored. */
class GradeControllerSliceTest extends WebSliceTest {

    static final LocalDate TODAY = FixedClockConfig.NOW.toLocalDate();

    @Test
    void shouldListEveryBadFieldOfAReview() {
        MvcTestResult r = post("{\"stars\":6,\"reviewedAt\":\"" + TODAY.plusDays(1) + "\",\"reviewer\":\"  \"}");
        assertField(r, "stars", "OUT_OF_RANGE");
        assertThat(r).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("stars", "reviewedAt", "reviewer", "evidence");
        assertThat(r).bodyJson().extractingPath("$.errors[1].code").asString().isEqualTo("FUTURE_DATE");
        assertThat(r).bodyJson().extractingPath("$.errors[1].reason").asString().contains("评定日期不能晚于今天");
        verifyNoInteractions(grades);
    }

    @Test
    void shouldRefuseZeroStarsAnOldDateAndWrongTypes() {
        assertField(post(body("0", "\"" + TODAY + "\"")), "stars", "OUT_OF_RANGE");
        assertField(post(body("3", "\"1999-12-31\"")), "reviewedAt", "OUT_OF_RANGE");
        assertField(post(body("\"five\"", "\"" + TODAY + "\"")), "stars", "WRONG_TYPE");
        assertField(post(body("3", "\"2026-13-01\"")), "reviewedAt", null);
        verifyNoInteractions(grades);
    }

    @Test
    void shouldRecordAGoodReviewTrimmed() {
        StarGrade saved = new StarGrade(7, 42, 4, TODAY, "鼓楼区总工会评定小组", "现场检查记录 2026-11-20", "slice-test",
                OffsetDateTime.of(2026, 11, 23, 2, 0, 0, 0, ZoneOffset.UTC));
        when(grades.record(eq(42L), any())).thenReturn(saved);
        MvcTestResult r = post("{\"stars\":4,\"reviewedAt\":\"" + TODAY + "\",\"reviewer\":\" 鼓楼区总工会评定小组 \",\"evidence\":\"现场检查记录 2026-11-20\"}");
        assertThat(r).hasStatus(201);
        assertThat(r.getResponse().getHeader("Location")).isEqualTo("/api/stations/42/grades");
        assertThat(r).bodyJson().extractingPath("$.stars").asNumber().isEqualTo(4);
        org.mockito.Mockito.verify(grades).record(42L, new GradeRequest(4, TODAY, "鼓楼区总工会评定小组", "现场检查记录 2026-11-20"));
    }

    private static String body(String stars, String date) {
        return "{\"stars\":" + stars + ",\"reviewedAt\":" + date + ",\"reviewer\":\"评定小组\",\"evidence\":\"检查记录\"}";
    }

    private MvcTestResult post(String json) {
        return mvc.post().uri("/api/stations/42/grades").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
