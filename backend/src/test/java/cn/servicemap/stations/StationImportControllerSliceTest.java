package cn.servicemap.stations;

import static cn.servicemap.support.Problems.assertField;
import static cn.servicemap.support.Problems.assertProblem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.isNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.servicemap.gis.stations.ImportReport;
import cn.servicemap.gis.stations.ProblemCode;
import cn.servicemap.gis.stations.RowProblem;
import cn.servicemap.support.WebSliceTest;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/** The station upload's parameters and error shapes, without a database: the file part is required, the crs may be left to the file. */
class StationImportControllerSliceTest extends WebSliceTest {

    private static final MockMultipartFile CSV = new MockMultipartFile("file", "stations.csv", "text/csv",
            "name,kind,lon,lat\n新街口爱心驿站,爱心驿站,118.779,32.041\n".getBytes(StandardCharsets.UTF_8));



    @Test
    void shouldRequireTheFilePart() {
        assertField(mvc.post().uri("/api/stations/imports").multipart().param("crs", "WGS84").exchange(), "file", "missing");
        verifyNoInteractions(imports);
    }

    @Test
    void shouldRefuseAnUnknownCoordinateSystem() {
        assertField(mvc.post().uri("/api/stations/imports").multipart().file(CSV).param("crs", "XYZ").exchange(), "crs", "BAD_CRS");
        verifyNoInteractions(imports);
    }

    @Test
    void shouldTakeTheEpsgCodeOfAGaussKrugerGridButNoOtherProjection() {
        assertField(mvc.post().uri("/api/stations/imports").multipart().file(CSV).param("crs", "EPSG:3857").exchange(), "crs", "BAD_CRS");
        verifyNoInteractions(imports);
    }

    @Test
    void shouldPassAnUndeclaredCoordinateSystemOnAsNone() throws Exception {
        ImportReport rejected = new ImportReport("stations.csv", "CSV (UTF-8)", null, 0, List.of(),
                List.of(new RowProblem(1, null, null, ProblemCode.MISSING_COORDINATE_SYSTEM, "未选择坐标系 (no coordinate system declared)")),
                List.of());
        when(imports.importFile(any(), anyString(), isNull(), isNull(), anyBoolean(), anyString(), any(), any()))
                .thenReturn(new StationImportService.Outcome(rejected, false, null, List.of()));
        var r = mvc.post().uri("/api/stations/imports").multipart().file(CSV).exchange();
        assertThat(r).hasStatusOk();
        assertThat(r).bodyJson().extractingPath("$.problems[0].code").asString().isEqualTo("MISSING_COORDINATE_SYSTEM");
        assertThat(r).bodyJson().extractingPath("$.coordinateSystem").isNull();
    }

    @Test
    void shouldRefuseACommitFlagThatIsNoBoolean() {
        assertField(mvc.post().uri("/api/stations/imports").multipart().file(CSV).param("crs", "GCJ02").param("commit", "maybe")
                .exchange(), "commit", "BAD_VALUE");
        verifyNoInteractions(imports);
    }

    @Test
    void shouldAnswerAFileTheReaderRefusesAsABadFile() throws Exception {
        when(imports.importFile(any(), anyString(), any(), any(), anyBoolean(), anyString(), any(), any()))
                .thenThrow(new IllegalArgumentException("unsupported file type .doc (use CSV, XLSX, GeoJSON or a zipped Shapefile)"));
        assertField(mvc.post().uri("/api/stations/imports").multipart().file(CSV).param("crs", "WGS84").exchange(), "file", null);
    }

    @Test
    void shouldRefuseABodyThatIsNotMultipart() {
        assertProblem(mvc.post().uri("/api/stations/imports").contentType(MediaType.APPLICATION_JSON).content("{}").exchange(), 415);
        verifyNoInteractions(imports);
    }
}
