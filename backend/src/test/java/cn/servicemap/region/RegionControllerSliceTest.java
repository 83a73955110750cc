package cn.servicemap.region;

import static cn.servicemap.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.stations.StationRepository;
import cn.servicemap.support.WebSliceTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** GET /api/region without a database: 404 problem when nothing is loaded, the counts when a region is. */
class RegionControllerSliceTest extends WebSliceTest {



    @Test
    void shouldAnswer404WhenNoRegionIsLoaded() {
        when(regions.findAll()).thenReturn(List.of());
        MvcTestResult r = mvc.get().uri("/api/region").exchange();
        assertProblem(r, 404);
        assertThat(r).bodyJson().extractingPath("$.detail").asString().contains("no region loaded");
        assertThat(r).bodyJson().extractingPath("$.type").asString().endsWith("/not-found");
        verifyNoInteractions(districtRepository, stationRepository);
    }

    @Test
    void shouldAnswerTheRegionWithItsCounts() {
        when(regions.findAll()).thenReturn(List.of(new Region("NJ", "南京市", false, "南京主城", "nanjing.osm.pbf",
                List.of("© OpenStreetMap contributors"), OffsetDateTime.parse("2026-06-30T10:00:00+08:00"))));
        when(districtRepository.count((String) null)).thenReturn(11);
        when(stationRepository.count()).thenReturn(240);
        when(stationRepository.dataVersion()).thenReturn(1234L);
        MvcTestResult r = mvc.get().uri("/api/region").exchange();
        assertThat(r).hasStatusOk();
        assertThat(r).bodyJson().extractingPath("$.region.code").asString().isEqualTo("NJ");
        assertThat(r).bodyJson().extractingPath("$.districts").asNumber().isEqualTo(11);
        assertThat(r).bodyJson().extractingPath("$.stations").asNumber().isEqualTo(240);
        assertThat(r).bodyJson().extractingPath("$.dataVersion").asNumber().isEqualTo(1234);
    }
}
