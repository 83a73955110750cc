package cn.servicemap.stations;

import static cn.servicemap.support.Problems.assertField;
import static cn.servicemap.support.Problems.assertNoLeak;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.stations.StationStatus;
import cn.servicemap.support.WebSliceTest;
import cn.servicemap.system.Feature;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The station registry's request parsing and error shapes, without a database: every bad query parameter is
 * listed at once, a write names the field at fault, and an update without a version is 428.
 */
class StationControllerSliceTest extends WebSliceTest {

    private static final String VALID = "{\"name\":\"新街口爱心驿站\",\"kind\":\"OUTDOOR_STATION\",\"lon\":118.779,\"lat\":32.041}";



    @Test
    void shouldListEveryBadQueryParameterAtOnce() {
        MvcTestResult r = mvc.get().uri("/api/stations?bbox=1,2,3&service=按摩&status=BROKEN&kind=飞机").exchange();
        assertField(r, "bbox", "BAD_BBOX");
        assertThat(r).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("kind", "service", "bbox", "status");
        assertThat(r).bodyJson().extractingPath("$.errors[*].code").asArray()
                .containsExactlyInAnyOrder("UNKNOWN_KIND", "UNKNOWN_SERVICE", "BAD_BBOX", "BAD_STATUS");
        assertThat(r).bodyJson().extractingPath("$.errors[*].reason").asArray().doesNotContainNull();
        verifyNoInteractions(stations, stationRepository, stationFeatures);
    }

    @Test
    void shouldNameABadOpenNowOrStatusAlone() {
        assertField(mvc.get().uri("/api/stations?openNow=maybe").exchange(), "openNow", "BAD_VALUE");
        assertField(mvc.get().uri("/api/stations?status=OPEN,BROKEN").exchange(), "status", "BAD_STATUS");
        assertField(mvc.get().uri("/api/stations?kind=驿站,飞机").exchange(), "kind", "UNKNOWN_KIND");
        verifyNoInteractions(stations, stationRepository, stationFeatures);
    }

    @Test
    void shouldAnswerAGoodQueryWithTheCollection() {
        when(stations.find(any())).thenReturn(List.of());
        when(stationRepository.dataVersion()).thenReturn(42L);
        when(stationFeatures.collection(any(), any(), eq(42L)))
                .thenReturn(new StationFeatures.StationCollection("FeatureCollection", 0, 42L, List.of()));
        MvcTestResult r = mvc.get().uri("/api/stations?kind=爱心驿站&service=WATER,热饭&status=OPEN&bbox=118.7,32.0,118.8,32.1")
                .exchange();
        assertThat(r).hasStatusOk();
        assertThat(r).bodyJson().extractingPath("$.dataVersion").asNumber().isEqualTo(42);
        verify(stations).find(any(StationFilter.class));
    }

    @Test
    void shouldRequireAVersionToReplace() {
        MvcTestResult r = mvc.put().uri("/api/stations/7").contentType(MediaType.APPLICATION_JSON).content(VALID).exchange();
        assertField(r, 428, "version", "version-required");
        verifyNoInteractions(stations);
    }

    @Test
    void shouldRefuseAnIfMatchThatIsNoVersion() {
        MvcTestResult put = mvc.put().uri("/api/stations/7").header("If-Match", "\"abc\"")
                .contentType(MediaType.APPLICATION_JSON).content(VALID).exchange();
        assertField(put, "If-Match", null);
        MvcTestResult delete = mvc.delete().uri("/api/stations/7").header("If-Match", "W/\"x1\"").exchange();
        assertField(delete, "If-Match", null);
        verifyNoInteractions(stations);
    }

    @Test
    void shouldRefuseAnUnknownCoordinateSystem() {
        assertField(post("{\"name\":\"a\",\"lon\":118.779,\"lat\":32.041,\"crs\":\"XYZ\"}"), "crs", "BAD_CRS");
        verifyNoInteractions(stations);
    }

    @Test
    void shouldNameACoordinateThatIsNoNumber() {
        MvcTestResult r = post("{\"name\":\"a\",\"lon\":118.779,\"lat\":\"north\"}");
        assertField(r, "lat", "WRONG_TYPE");
        assertThat(r).bodyText().doesNotContain("BigDecimal");
        assertField(post("{\"name\":\"a\",\"services\":[\"WATER\",{\"x\":1}]}"), "services[1]", "WRONG_TYPE");
        assertField(post("{\"name\":\"a\",\"capacity\":\"many\"}"), "capacity", "WRONG_TYPE");
        verifyNoInteractions(stations);
    }

    @Test
    void shouldSayABodyIsNotJson() {
        for (String body : new String[]{"{\"name\":", "name=a", "[1,2"}) {
            MvcTestResult r = post(body);
            assertThat(r).hasStatus(400);
            assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(r).bodyJson().extractingPath("$.detail").asString().contains("not valid JSON");
            assertNoLeak(r);
        }
        verifyNoInteractions(stations);
    }

    @Test
    void shouldRefuseAnIdThatIsNoNumber() {
        assertField(mvc.get().uri("/api/stations/seven").exchange(), "id", "BAD_VALUE");
        verifyNoInteractions(stations);
    }

    @Test
    void shouldCreateWithLocationAndEtag() {
        ServicePoint p = new ServicePoint(7, "新街口爱心驿站", "OUTDOOR_STATION", 118.779, 32.041, null, null, null, null, null,
                null, List.of(), null, StationStatus.OPEN, null, null, "api", false, false,
                OffsetDateTime.parse("2026-06-30T10:00:00+08:00"), OffsetDateTime.parse("2026-06-30T10:00:00+08:00"), 1, null, null, null,
                null, "320102-01-000007");
        when(stations.create(any(), eq(CoordinateSystem.GCJ02), anyString())).thenReturn(p);
        when(stationFeatures.feature(eq(p), any())).thenReturn(Feature.of(7L, null, null));
        MvcTestResult r = post("{\"name\":\"新街口爱心驿站\",\"lon\":118.779,\"lat\":32.041,\"crs\":\"GCJ02\"}");
        assertThat(r).hasStatus(201);
        assertThat(r).hasHeader("Location", "/api/stations/7");
        assertThat(r).hasHeader("ETag", "\"1\"");
    }

    private MvcTestResult post(String json) {
        return mvc.post().uri("/api/stations").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
