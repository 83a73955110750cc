package cn.servicemap.gis.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeodesicTest {

    @Test
    void shouldMeasureOneDegreeOfLatitudeOnTheMeanSphere() {
        double expected = 2 * Math.PI * Geodesic.MEAN_EARTH_RADIUS_METERS / 360; // 111 195.08 m
        assertThat(Geodesic.distanceMeters(118.78, 32.0, 118.78, 33.0)).isCloseTo(expected, within(1e-6));
    }

    @Test
    void shouldStayWithinHalfAPercentOfTheEllipsoid() {
        // WGS84 ellipsoid references (Vincenty's inverse formula): Nanjing (118.78, 32.04) – Beijing
        // (116.39, 39.91) is 899 353 m; (118, 32.04) – (119, 32.04) is 94 452 m.
        assertThat(Geodesic.distanceMeters(118.78, 32.04, 116.39, 39.91)).isCloseTo(899_353, within(899_353 * 0.005));
        assertThat(Geodesic.distanceMeters(118.0, 32.04, 119.0, 32.04)).isCloseTo(94_452, within(94_452 * 0.005));
    }

    @Test
    void shouldBeZeroForTheSamePointAndSymmetric() {
        assertThat(Geodesic.distanceMeters(118.78, 32.04, 118.78, 32.04)).isZero();
        assertThat(Geodesic.distanceMeters(118.78, 32.04, 118.8, 32.05))
                .isEqualTo(Geodesic.distanceMeters(118.8, 32.05, 118.78, 32.04));
    }

    @Test
    void shouldReachTheDestinationAtTheGivenDistance() {
        for (double bearing = 0; bearing < 360; bearing += 22.5) {
            LonLat p = Geodesic.destination(118.78, 32.04, bearing, 1000);
            assertThat(Geodesic.distanceMeters(118.78, 32.04, p.lon(), p.lat())).isCloseTo(1000, within(1e-6));
        }
        LonLat north = Geodesic.destination(118.78, 32.04, 0, 1000);
        assertThat(north.lon()).isCloseTo(118.78, within(1e-12));
        assertThat(north.lat()).isGreaterThan(32.04);
        LonLat east = Geodesic.destination(118.78, 32.04, 90, 1000);
        assertThat(east.lon()).isGreaterThan(118.78);
    }

    @Test
    void shouldNormaliseLongitudeAcrossTheAntimeridian() {
        LonLat p = Geodesic.destination(179.999, 0, 90, 1000);
        assertThat(p.lon()).isBetween(-180.0, -179.98);
    }
}
