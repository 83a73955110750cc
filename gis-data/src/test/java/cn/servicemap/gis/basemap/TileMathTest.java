package cn.servicemap.gis.basemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class TileMathTest {

    @Test
    void shouldFindTheTileOfXinjiekouAsOsmNumbersIt() {
        // Slippy-map formula: x = floor((lon + 180) / 360 · 2^z), y = floor((1 − asinh(tan φ) / π) / 2 · 2^z).
        double lon = 118.784;
        double lat = 32.042;
        for (int z : new int[] {0, 5, 12, 16, 18}) {
            int n = 1 << z;
            int x = (int) Math.floor((lon + 180) / 360 * n);
            double phi = Math.toRadians(lat);
            int y = (int) Math.floor((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * n);
            assertThat(TileId.containing(lon, lat, z)).isEqualTo(new TileId(z, x, y));
        }
        assertThat(TileId.containing(lon, lat, 16)).isEqualTo(new TileId(16, 54391, 26604));
    }

    @Test
    void shouldGiveTileBoundsThatHoldThePointAndRoundTrip() {
        TileId t = TileId.containing(118.784, 32.042, 16);
        Envelope e = TileMath.wgs84Envelope(t);
        assertThat(e.contains(118.784, 32.042)).isTrue();
        assertThat(e.getWidth()).isCloseTo(360.0 / 65536, within(1e-12));
        assertThat(TileMath.lat(TileMath.mercatorY(32.042))).isCloseTo(32.042, within(1e-12));
        assertThat(TileMath.lon(TileMath.mercatorX(118.784))).isCloseTo(118.784, within(1e-12));
        // The neighbour to the south-east starts where this tile ends.
        Envelope se = TileMath.wgs84Envelope(new TileId(16, t.x() + 1, t.y() + 1));
        assertThat(se.getMinX()).isCloseTo(e.getMaxX(), within(1e-12));
        assertThat(se.getMaxY()).isCloseTo(e.getMinY(), within(1e-12));
    }

    @Test
    void shouldCoverTheWholeMercatorSquareAtZoomZero() {
        Envelope world = TileMath.wgs84Envelope(new TileId(0, 0, 0));
        assertThat(world.getMinX()).isCloseTo(-180, within(1e-9));
        assertThat(world.getMaxX()).isCloseTo(180, within(1e-9));
        assertThat(world.getMaxY()).isCloseTo(TileMath.MAX_LATITUDE, within(1e-9));
        assertThat(TileMath.metersPerPixel(0)).isCloseTo(156_543.03, within(0.01));
    }

    @Test
    void shouldRejectTilesOutsideTheGridNamingTheField() {
        assertThatThrownBy(() -> new TileId(-1, 0, 0)).hasMessageStartingWith("z:");
        assertThatThrownBy(() -> new TileId(21, 0, 0)).hasMessageStartingWith("z:");
        assertThatThrownBy(() -> new TileId(3, 8, 0)).hasMessageStartingWith("x:");
        assertThatThrownBy(() -> new TileId(3, 0, -1)).hasMessageStartingWith("y:");
    }
}
