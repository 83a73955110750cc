package cn.servicemap.coverage;

import static cn.servicemap.support.Problems.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.servicemap.districts.RegionIndex;
import cn.servicemap.stations.StationFeatures;
import cn.servicemap.support.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The coverage endpoints' request parsing and error shapes, without a database or a road network: every bad value
 * is a 400 problem detail naming the field, and nothing reaches the services.
 */
class CoverageControllerSliceTest extends WebSliceTest {



    @Test
    void shouldRefuseAnUnknownProfileWithOneMessage() {
        assertField(mvc.get().uri("/api/coverage?profile=bicycle").exchange(), "profile", "BAD_PROFILE");
        verifyNoInteractions(whatIfs, coverage);
    }

    @Test
    void shouldRefuseBadBandsWhicheverWayTheyAreBad() {
        for (String bands : new String[]{"5,,10", "15,10", "0,5", "5,121", "a", "1,2,3,4,5,6,7", ",", "5.5"}) {
            assertField(mvc.get().uri("/api/coverage/bands?bands=" + bands).exchange(), "bands", "BAD_BANDS");
        }
        verifyNoInteractions(whatIfs, coverage);
    }

    @Test
    void shouldRefuseABadOrOversizedBox() {
        assertField(mvc.get().uri("/api/coverage/bands?bbox=1,2,3").exchange(), "bbox", "BAD_BBOX");
        assertField(mvc.get().uri("/api/coverage/bands?bbox=118.8,32,118.7,32.1").exchange(), "bbox", "BAD_BBOX");
        assertField(mvc.get().uri("/api/coverage/bands?bbox=110,30,118,32").exchange(), "bbox", null);
        assertField(mvc.get().uri("/api/coverage/bands?form=circles").exchange(), "form", "BAD_VALUE");
    }

    @Test
    void shouldKeepNearestAndGapLimits() {
        assertField(mvc.get().uri("/api/nearest?lon=118.78&lat=32.04&k=0").exchange(), "k", "OUT_OF_RANGE");
        assertField(mvc.get().uri("/api/nearest?lon=118.78&lat=32.04&k=21").exchange(), "k", "OUT_OF_RANGE");
        assertField(mvc.get().uri("/api/nearest?lon=118.78&lat=32.04&crs=BEIJING54").exchange(), "crs", "BAD_CRS");
        assertField(mvc.get().uri("/api/nearest?lon=east&lat=32.04").exchange(), "lon", "BAD_VALUE");
        assertField(mvc.get().uri("/api/nearest?lat=32.04").exchange(), "lon", "missing");
        assertField(mvc.get().uri("/api/coverage/gaps?limit=101").exchange(), "limit", "OUT_OF_RANGE");
        verifyNoInteractions(coverage, whatIfs);
    }

    @Test
    void shouldRefuseBandTilesOutsideTheirZoomsOrWithBadColours() {
        assertField(mvc.get().uri("/api/coverage/tiles/10/853/418.png?colors=1a9850,91cf60,fee08b").exchange(), "z", null);
        assertField(mvc.get().uri("/api/coverage/tiles/15/27309/13390.png?colors=green,91cf60,fee08b").exchange(), "colors", null);
        assertField(mvc.get().uri("/api/coverage/tiles/15/27309/13390.png?colors=1a9850,1a9850,1a9850,1a9850,1a9850,1a9850,1a9850").exchange(),
                "colors", null);
        assertField(mvc.get().uri("/api/coverage/tiles/15/27309/13390.png").exchange(), "colors", "missing");
        assertField(mvc.get().uri("/api/coverage/tiles/15/99999/13390.png?colors=1a9850").exchange(), "x", null);
        verifyNoInteractions(whatIfs);
    }

    @Test
    void shouldNameTheChangeAndPropertyOfABadWhatIf() {
        assertField(whatIf("{\"changes\":[{\"op\":\"teleport\"}]}"), "changes[0].op", "BAD_TYPE");
        assertField(whatIf("{\"changes\":[{\"stationId\":3}]}"), "changes[0].op", "BAD_TYPE");
        assertField(whatIf("{\"changes\":[{\"op\":\"close\",\"stationId\":3},{\"op\":\"add\",\"lon\":118.78}]}"), "changes[1].lat", "BAD_COORDINATE");
        assertField(whatIf("{\"changes\":[{\"op\":\"move\",\"lon\":118.78,\"lat\":32.04}]}"), "changes[0].stationId", "MISSING_VALUE");
        assertField(whatIf("{\"changes\":[{\"op\":\"add\",\"lon\":918.78,\"lat\":32.04}]}"), "changes[0].lon", "BAD_COORDINATE");
        assertField(whatIf("{\"changes\":[{\"op\":\"add\",\"lon\":118.78,\"lat\":32.04,\"crs\":\"OSGB36\"}]}"), "changes[0].crs", "BAD_CRS");
        assertField(whatIf("{\"profile\":\"fly\",\"changes\":[]}"), "profile", "BAD_PROFILE");
        assertField(whatIf("{\"bands\":[5,null],\"changes\":[]}"), "bands", "BAD_BANDS");
        assertField(whatIf("{\"bbox\":\"a,b\",\"changes\":[]}"), "bbox", "BAD_BBOX");
        assertField(whatIf("{\"changes\":[{\"op\":\"close\",\"stationId\":\"seven\"}]}"), "changes[0].stationId", "WRONG_TYPE");
        MvcTestResult notJson = whatIf("{\"changes\":[");
        assertThat(notJson).hasStatus(400);
        assertThat(notJson).bodyJson().extractingPath("$.detail").asString().contains("not valid JSON");
        verifyNoInteractions(whatIfs);
    }

    /** An IllegalStateException from inside gis-data is the server's fault: 500, an error id, none of its message. */
    @Test
    void shouldAnswerAnInternalFaultWith500AndAnErrorIdOnly() {
        when(whatIfs.state(any(), any(), any(), any(), any(), any(), any())).thenThrow(new IllegalStateException("secret internal detail at Coverage.java:42"));
        MvcTestResult r = mvc.get().uri("/api/coverage").exchange();
        assertThat(r).hasStatus(500);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(r).bodyJson().extractingPath("$.errorId").asString().hasSize(8);
        assertThat(r).bodyText().doesNotContain("secret", "Coverage.java", "IllegalStateException");
        org.mockito.Mockito.doThrow(new IllegalArgumentException("bad geometry in JTS")).when(whatIfs).state(any(), any(), any(), any(), any(), any(), any());
        MvcTestResult iae = mvc.get().uri("/api/coverage").exchange();
        assertThat(iae).hasStatus(500);
        assertThat(iae).bodyText().doesNotContain("JTS");
    }

    @Test
    void shouldAnswer503WhenTheDatabaseCannotBeReached() {
        when(whatIfs.state(any(), any(), any(), any(), any(), any(), any()))
                .thenThrow(new org.springframework.jdbc.CannotGetJdbcConnectionException("Connection refused: localhost:55432"));
        MvcTestResult r = mvc.get().uri("/api/coverage").exchange();
        assertThat(r).hasStatus(503);
        assertThat(r).hasHeader("Retry-After", "5");
        assertThat(r).bodyJson().extractingPath("$.type").asString().endsWith("database-unavailable");
        assertThat(r).bodyText().doesNotContain("55432", "Connection refused", "Jdbc");
    }

    private MvcTestResult whatIf(String json) {
        return mvc.post().uri("/api/whatif").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
