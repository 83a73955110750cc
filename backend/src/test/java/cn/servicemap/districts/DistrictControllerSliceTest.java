package cn.servicemap.districts;

import static cn.servicemap.support.Problems.assertField;
import static cn.servicemap.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.districts.CensusTable;
import cn.servicemap.gis.districts.DistrictBoundaryReader;
import cn.servicemap.support.WebSliceTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The district endpoints' error shapes, without a database: a bad crs, an unknown adcode, and a file the reader
 * refuses (400 naming the file, never 500).
 */
class DistrictControllerSliceTest extends WebSliceTest {



    @Test
    void shouldRefuseAnUnknownCoordinateSystem() {
        assertField(boundaries("{}", "XYZ"), "crs", "BAD_CRS");
        verifyNoInteractions(districtService);
    }

    @Test
    void shouldRequireTheFilePart() {
        assertField(mvc.post().uri("/api/districts/imports").multipart().param("crs", "GCJ02").exchange(), "file", "missing");
        assertField(mvc.post().uri("/api/districts/population").multipart().exchange(), "file", "missing");
        verifyNoInteractions(districtService);
    }

    @Test
    void shouldAnswerAnUnknownAdcodeWith404() {
        MvcTestResult r = mvc.get().uri("/api/districts/999999").exchange();
        assertProblem(r, 404);
        assertThat(r).bodyJson().extractingPath("$.detail").asString().contains("no district 999999");
    }

    @Test
    void shouldAnswerABoundaryFileTheReaderRefusesAs400NamingTheFile() throws Exception {
        when(districtService.importBoundaries(any(), any(), anyString(), any()))
                .thenThrow(new IllegalArgumentException("feature 3: property adcode must be a 6-digit code, was '32'"));
        MvcTestResult r = boundaries("{\"type\":\"FeatureCollection\",\"features\":[]}", "GCJ02");
        assertField(r, "file", null);
        assertThat(r).bodyJson().extractingPath("$.reason").asString().contains("feature 3");
    }

    /** The real service hands the upload to DistrictBoundaryReader first; a file that is not JSON at all is the client's fault. */
    @Test
    void shouldAnswerABoundaryFileThatIsNotJsonAs400() throws Exception {
        when(districtService.importBoundaries(any(), any(), anyString(), any()))
                .thenAnswer(inv -> DistrictBoundaryReader.read(inv.getArgument(0, InputStream.class), inv.getArgument(1, CoordinateSystem.class)));
        assertField(boundaries("{\"type\":\"Feature\"}", "GCJ02"), "file", null);
        MvcTestResult notJson = boundaries("not json at all", "GCJ02");
        assertField(notJson, "file", null);
        assertThat(notJson).bodyJson().extractingPath("$.reason").asString().contains("not valid JSON");
        assertThat(notJson).bodyText().doesNotContain("StreamReadFeature", "Unrecognized token");
    }

    @Test
    void shouldAnswerACensusFileTheReaderRefusesAs400NamingTheFile() throws Exception {
        when(districtService.importCensus(any(), any(), any())).thenThrow(new IllegalArgumentException("census file has no column POPU"));
        assertField(census("CODE,NAME\n320102,玄武区\n"), "file", null);
    }

    /** Found by this slice: CensusTable echoes the NumberFormatException's message into the 400 it causes. */
    @Test
    void shouldNotEchoTheNumberParsersMessage() throws Exception {
        when(districtService.importCensus(any(), any(), any())).thenAnswer(inv -> CensusTable.read(inv.getArgument(0, InputStream.class)));
        assertField(census("CODE,NAME,POPU\n320102,玄武区,abc\n"), "file", null);
    }

    private MvcTestResult boundaries(String content, String crs) {
        return mvc.post().uri("/api/districts/imports").multipart()
                .file(new MockMultipartFile("file", "districts.json", "application/geo+json", content.getBytes(StandardCharsets.UTF_8)))
                .param("crs", crs).exchange();
    }

    private MvcTestResult census(String content) {
        return mvc.post().uri("/api/districts/population").multipart()
                .file(new MockMultipartFile("file", "census.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8))).exchange();
    }
}
