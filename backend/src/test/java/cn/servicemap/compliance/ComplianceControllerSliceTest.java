package cn.servicemap.compliance;

import static cn.servicemap.support.Problems.assertField;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.servicemap.support.WebSliceTest;
import cn.servicemap.system.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Targets and the comparison endpoint: request parsing and error shapes, without a database or a road network. */
class ComplianceControllerSliceTest extends WebSliceTest {

    @Test
    void shouldNameAValueThatIsNoNumber() {
        assertField(put("{\"value\":\"neunzig\",\"setBy\":\"市总工会\"}"), "value", "WRONG_TYPE");
        verifyNoInteractions(targets);
    }

    @Test
    void shouldPassTheServicesRefusalOnWithItsField() {
        when(targets.set(eq(null), eq("SHUANG15_COVERAGE_SHARE"), any()))
                .thenThrow(new InvalidRequestException("setBy", "请写明由谁设定（最多 200 字）(say who sets it, at most 200 characters)"));
        assertField(put("{\"value\":95}"), "setBy", "INVALID");
    }

    @Test
    void shouldAskForTheSecondSideOfAComparison() {
        assertField(mvc.get().uri("/api/scenarios/compare?a=current").exchange(), "b", "missing");
        verifyNoInteractions(comparison);
    }

    private MvcTestResult put(String json) {
        return mvc.put().uri("/api/planning/targets/SHUANG15_COVERAGE_SHARE").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
