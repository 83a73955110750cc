package cn.servicemap.standards;

import static cn.servicemap.support.Problems.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.servicemap.support.WebSliceTest;
import cn.servicemap.system.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Choosing the region's checklist: who chose it is required, the codes are the service's to check. */
class StandardsControllerSliceTest extends WebSliceTest {

    @Test
    void shouldAskWhoChoseAndWhichStandard() {
        MvcTestResult r = put("{\"standard\":\" \",\"setBy\":\"\"}");
        assertField(r, "standard", "MISSING_VALUE");
        assertThat(r).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("standard", "setBy");
        assertField(put("{\"standard\":\"WUHAN_7\",\"setBy\":\"市总工会\",\"note\":\"" + "长".repeat(1001) + "\"}"), "note", "TOO_LONG");
        verifyNoInteractions(standardChoices);
    }

    @Test
    void shouldPassTheChoiceOnTrimmedAndTheServicesRefusalWithItsField() {
        when(standardChoices.set(eq(null), eq(new StandardViews.Change("NO_SUCH", null, "市总工会", null))))
                .thenThrow(new InvalidRequestException("standard", "没有代码为“NO_SUCH”的标准 (no such standard)"));
        assertField(put("{\"standard\":\" no_such \",\"setBy\":\" 市总工会 \"}"), "standard", "INVALID");
        verify(standardChoices).set(eq(null), any());
    }

    @Test
    void shouldAnswerTheTableOfStationsBelowStandard() {
        when(standardCompliance.table("nanjing-core")).thenReturn(new StandardCompliance.Table("nanjing-core",
                new StandardViews.Standard("WUHAN_7", "武汉“七个一”", "武汉市", List.of("OUTDOOR_STATION"), List.of()), true, 3, 1,
                List.of(new StandardCompliance.DistrictRow("320104", "秦淮区", 3, 1, 1, 1, List.of(new StandardCompliance.StationRow(9,
                        "夫子庙驿站", "320104-01-000009", List.of("一台冰箱"), List.of("一个室内场所"))))), "note"));
        MvcTestResult r = mvc.get().uri("/api/planning/standards/compliance?region=nanjing-core").exchange();
        assertThat(r).hasStatusOk();
        assertThat(r).bodyJson().extractingPath("$.districts[0].stations[0].missing[0]").asString().isEqualTo("一台冰箱");
        assertThat(mvc.get().uri("/api/planning/standards/compliance/export?region=nanjing-core").exchange()).hasStatusOk()
                .hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private MvcTestResult put(String json) {
        return mvc.put().uri("/api/planning/standard").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
