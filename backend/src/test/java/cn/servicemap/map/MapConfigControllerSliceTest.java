package cn.servicemap.map;

import static org.mockito.ArgumentMatchers.any;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import cn.servicemap.basemap.BasemapService;
import cn.servicemap.gis.basemap.BasemapTiles;
import cn.servicemap.region.Region;
import cn.servicemap.region.RegionRepository;
import cn.servicemap.support.WebSliceTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** What the web map reads first, without a database or an OSM file: the configured default bands and an empty basemap. */
class MapConfigControllerSliceTest extends WebSliceTest {



    @Test
    void shouldAnswerTheConfiguredDefaultBandsWithNoRegion() {
        when(basemap.basemap(any())).thenReturn(BasemapTiles.of(List.of(), false, "no OSM file"));
        MvcTestResult r = mvc.get().uri("/api/map-config").exchange();
        assertThat(r).hasStatusOk();
        assertThat(r).bodyJson().extractingPath("$.bands").asArray().containsExactly(5, 10, 15);
        assertThat(r).bodyJson().extractingPath("$.bandTiles").asBoolean().isFalse();
        assertThat(r).bodyJson().extractingPath("$.zoom").asNumber().isEqualTo(15);
        assertThat(r).bodyJson().extractingPath("$.region").isNull();
        assertThat(r).bodyJson().extractingPath("$.bbox").isNull();
        assertThat(r).bodyJson().extractingPath("$.basemaps.online").isNull();
        assertThat(r).bodyJson().extractingPath("$.basemaps.offline.empty").asBoolean().isTrue();
        assertThat(r).bodyJson().extractingPath("$.basemaps.offline.url").asString().isEqualTo("/api/basemap/{z}/{x}/{y}.json");
        assertThat(r).bodyJson().extractingPath("$.credits").asArray().containsExactly("© OpenStreetMap contributors");
    }

    @Test
    void shouldNameTheRegionAndItsCredits() {
        when(basemap.basemap(any())).thenReturn(BasemapTiles.of(List.of(), true, "合成示例数据 (synthetic)"));
        when(regions.findAll()).thenReturn(List.of(new Region("SYNTH", "示例城", true, "a generated city", null,
                List.of("合成数据"), OffsetDateTime.parse("2026-06-30T10:00:00+08:00"))));
        MvcTestResult r = mvc.get().uri("/api/map-config").exchange();
        assertThat(r).hasStatusOk();
        assertThat(r).bodyJson().extractingPath("$.region.code").asString().isEqualTo("SYNTH");
        assertThat(r).bodyJson().extractingPath("$.region.synthetic").asBoolean().isTrue();
        assertThat(r).bodyJson().extractingPath("$.credits").asArray().containsExactly("合成数据");
        assertThat(r).bodyJson().extractingPath("$.basemaps.offline.synthetic").asBoolean().isTrue();
        assertThat(r).bodyJson().extractingPath("$.bands").asArray().containsExactly(5, 10, 15);
    }

    /** A city-sized extract (here a 41 MB sparse file) makes the page draw its bands as tiles. */
    @Test
    void shouldDrawACityScaleRegionsBandsAsTiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path big = dir.resolve("city.osm.pbf");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(41L * 1024 * 1024);
        }
        when(basemap.basemap(any())).thenReturn(BasemapTiles.of(List.of(), false, "big"));
        when(regions.findAll()).thenReturn(List.of(new Region("440300", "深圳市", false, "", big.toString(), List.of(),
                OffsetDateTime.parse("2026-06-30T10:00:00+08:00"))));
        assertThat(mvc.get().uri("/api/map-config").exchange()).bodyJson().extractingPath("$.bandTiles").asBoolean().isTrue();
    }
}
