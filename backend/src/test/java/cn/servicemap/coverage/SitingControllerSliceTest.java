package cn.servicemap.coverage;

import static cn.servicemap.support.Problems.assertField;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.servicemap.region.Region;
import cn.servicemap.region.RegionStatus;
import cn.servicemap.support.WebSliceTest;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The siting request's checks: every bad value is a 400 naming the field, and no job is started. */
class SitingControllerSliceTest extends WebSliceTest {

    @BeforeEach
    void oneRegion() {
        when(regions.findAll()).thenReturn(List.of(new Region("320100", "南京市", false, "", "/x.osm", List.of(),
                OffsetDateTime.parse("2026-12-01T00:00:00Z"), RegionStatus.READY, null)));
    }

    @Test
    void shouldRefuseBadSitingRequestsBeforeAnyJob() {
        assertField(siting("{\"sites\":0}"), "sites", "OUT_OF_RANGE");
        assertField(siting("{\"sites\":201}"), "sites", "OUT_OF_RANGE");
        assertField(siting("{\"minutes\":0}"), "minutes", "OUT_OF_RANGE");
        assertField(siting("{\"minutes\":31}"), "minutes", "OUT_OF_RANGE");
        assertField(siting("{\"exactSeconds\":301}"), "exactSeconds", "OUT_OF_RANGE");
        assertField(siting("{\"kinds\":[\"飞船站\"]}"), "kinds", "UNKNOWN_KIND");
        assertField(siting("{\"objective\":\"MIN_SITES\"}"), "targetShare", "OUT_OF_RANGE");
        assertField(siting("{\"objective\":\"MIN_SITES\",\"targetShare\":1.5}"), "targetShare", "OUT_OF_RANGE");
        assertField(siting("{\"candidates\":\"LIST\"}"), "points", "OUT_OF_RANGE");
        assertField(siting("{\"candidates\":\"LIST\",\"points\":[{\"lon\":118.78,\"lat\":32.04},{\"lon\":218.78,\"lat\":32.04}]}"),
                "points[1]", "OUT_OF_RANGE");
        assertField(siting("{\"exclude\":[{\"lon\":118.78,\"lat\":95}]}"), "exclude[0]", "OUT_OF_RANGE");
        assertField(siting("{\"objective\":\"EVERYWHERE\"}"), "objective", null);
        assertField(siting("{\"region\":\"440300\"}"), "region", null);
        verifyNoInteractions(jobs, whatIfs);
    }

    @Test
    void shouldAnswer404ForAnUnknownAnswer() {
        cn.servicemap.support.Problems.assertProblem(mvc.get().uri("/api/planning/siting/nope").exchange(), 404);
    }

    private MvcTestResult siting(String body) {
        return mvc.post().uri("/api/planning/siting").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}
