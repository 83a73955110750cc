package cn.servicemap.gis.stations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.demo.DemoStations;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DuplicateFinderTest {

    @Test
    void shouldFindTheSameNameWithinTheRadiusOnly() {
        DuplicateFinder finder = new DuplicateFinder(30);
        finder.add("新街口爱心驿站", 118.7840, 32.0418, "row 2");
        LonLat at29 = Geodesic.destination(118.7840, 32.0418, 60, 29);
        LonLat at31 = Geodesic.destination(118.7840, 32.0418, 60, 31);
        assertThat(finder.find("新街口爱心驿站", at29.lon(), at29.lat())).contains("row 2");
        assertThat(finder.find("新街口爱心驿站", at31.lon(), at31.lat())).isEmpty();
        assertThat(finder.find("新街口劳动者港湾", at29.lon(), at29.lat())).isEmpty();
    }

    @Test
    void shouldIgnoreSpacesWidthCaseAndTheDemoPrefix() {
        DuplicateFinder finder = new DuplicateFinder(30, Set.of(DemoStations.PREFIX));
        finder.add("【示例】ABC 银行 爱心驿站", 118.7840, 32.0418, "station 7");
        assertThat(finder.find("ａｂｃ银行爱心驿站", 118.7840, 32.0418)).contains("station 7");
        // The prefix is ignored only when the caller says so.
        DuplicateFinder plain = new DuplicateFinder(30);
        plain.add("【示例】ABC 银行 爱心驿站", 118.7840, 32.0418, "station 7");
        assertThat(plain.find("ａｂｃ银行爱心驿站", 118.7840, 32.0418)).isEmpty();
        assertThat(plain.find("【示例】 abc银行爱心驿站", 118.7840, 32.0418)).contains("station 7");
    }

    @Test
    void shouldFindAcrossGridCellBoundaries() {
        DuplicateFinder finder = new DuplicateFinder(30);
        // Points straddling many cell edges: every pair 20 m apart must match.
        for (int i = 0; i < 200; i++) {
            double lon = 118.70 + i * 0.00017;
            finder.add("驿站" + i, lon, 32.0, "row " + i);
            LonLat near = Geodesic.destination(lon, 32.0, 45, 20);
            assertThat(finder.find("驿站" + i, near.lon(), near.lat())).contains("row " + i);
        }
    }
}
