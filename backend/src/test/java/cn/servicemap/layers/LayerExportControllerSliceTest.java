package cn.servicemap.layers;

import static cn.servicemap.support.Problems.assertField;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.servicemap.support.Problems;
import cn.servicemap.support.WebSliceTest;
import org.junit.jupiter.api.Test;

/** The export request's checks: a bad format, encoding or profile is a 400 naming it, an unknown layer a 404, and nothing is exported. */
class LayerExportControllerSliceTest extends WebSliceTest {

    @Test
    void shouldRefuseBadExportRequestsBeforeExporting() {
        when(regionLayers.readable(any())).thenReturn(true);
        assertField(mvc.get().uri("/api/export/stations?format=pdf").exchange(), "format", null);
        assertField(mvc.get().uri("/api/export/stations?format=shp&encoding=latin1").exchange(), "encoding", null);
        assertField(mvc.get().uri("/api/export/bands?profile=PLANE").exchange(), "profile", null);
        assertField(mvc.get().uri("/api/export/bands?bands=15,10").exchange(), "bands", "BAD_BANDS");
        Problems.assertProblem(mvc.get().uri("/api/export/rivers").exchange(), 404);
        verifyNoInteractions(layerExports);
    }

    @Test
    void shouldKeepSitingResultsFromThoseWhoMayNotPlan() {
        when(regionLayers.readable(Layer.siting)).thenReturn(false);
        assertField(mvc.get().uri("/api/export/siting?format=gpkg").exchange(), 403, "layer", null);
        verifyNoInteractions(layerExports);
    }
}
