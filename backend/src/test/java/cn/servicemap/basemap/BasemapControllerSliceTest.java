package cn.servicemap.basemap;

import static cn.servicemap.support.Problems.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.servicemap.gis.basemap.TileId;
import cn.servicemap.support.WebSliceTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Basemap tile addresses without an OSM file: non-integers and out-of-range tiles are 400 naming z, x or y. */
class BasemapControllerSliceTest extends WebSliceTest {



    @Test
    void shouldRefuseATileNumberThatIsNoInteger() {
        assertField(tile("x/1/2"), "z", null);
        assertField(tile("3/1.5/2"), "x", null);
        assertField(tile("3/1/y"), "y", null);
        assertField(tile("99999999999/0/0"), "z", null);
        verify(basemap, never()).tile(any(), any());
    }

    @Test
    void shouldRefuseATileOutOfRange() {
        assertField(tile("21/0/0"), "z", null);
        assertField(tile("-1/0/0"), "z", null);
        assertField(tile("3/8/0"), "x", null);
        assertField(tile("3/0/-1"), "y", null);
        MvcTestResult r = tile("2/0/4");
        assertField(r, "y", null);
        assertThat(r).bodyJson().extractingPath("$.reason").asString().contains("tile out of range").doesNotContain("y: ");
        verify(basemap, never()).tile(any(), any());
    }

    @Test
    void shouldServeATileWithItsEtagAndRevalidate() {
        when(basemap.tile(any(), any(TileId.class))).thenReturn(new BasemapService.Tile("{\"layers\":{}}".getBytes(StandardCharsets.UTF_8), "W/\"ab-3-6-3\""));
        MvcTestResult ok = tile("3/6/3");
        assertThat(ok).hasStatusOk();
        assertThat(ok).hasHeader("ETag", "W/\"ab-3-6-3\"");
        assertThat(ok).bodyJson().extractingPath("$.layers").isNotNull();
        MvcTestResult same = mvc.get().uri("/api/basemap/3/6/3.json").header("If-None-Match", "W/\"ab-3-6-3\"").exchange();
        assertThat(same).hasStatus(304);
    }

    private MvcTestResult tile(String zxy) {
        return mvc.get().uri("/api/basemap/" + zxy + ".json").exchange();
    }
}
