package cn.servicemap.gis.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class LocalMetricProjectionTest {

    private static final GeometryFactory WGS84 = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 4326);

    @Test
    void shouldGiveTheAreaOfAHundredthDegreeBoxAtNanjing() {
        Polygon box = (Polygon) WGS84.toGeometry(new Envelope(118.78, 118.79, 32.04, 32.05));
        LocalMetricProjection projection = LocalMetricProjection.centredOn(box.getEnvelopeInternal());

        double area = projection.toMetric(box).getArea();

        double expected = (0.01 * 111_320 * Math.cos(Math.toRadians(32.045))) * (0.01 * 110_900);
        assertThat(area).isCloseTo(expected, within(expected * 0.005));
    }

    @Test
    void shouldPlaceTheCentreAtTheOriginAndKeepAxesEastAndNorth() {
        LocalMetricProjection projection = new LocalMetricProjection(118.78, 32.04);
        Coordinate centre = projection.toMetric(118.78, 32.04);
        assertThat(centre.x).isCloseTo(0, within(1e-6));
        assertThat(centre.y).isCloseTo(0, within(1e-6));

        Coordinate east = projection.toMetric(118.79, 32.04);
        assertThat(east.x).isCloseTo(Geodesic.distanceMeters(118.78, 32.04, 118.79, 32.04), within(5.0));
        assertThat(projection.toMetric(118.78, 32.05).y).isGreaterThan(1100);
    }

    @Test
    void shouldRoundTripGeometriesAndSetSrids() {
        LocalMetricProjection projection = new LocalMetricProjection(118.78, 32.04);
        Geometry line = WGS84.createLineString(new Coordinate[] {
            new Coordinate(118.70, 31.95), new Coordinate(118.85, 32.10), new Coordinate(118.90, 32.00)});

        Geometry metric = projection.toMetric(line);
        Geometry back = projection.toWgs84(metric);

        assertThat(metric.getSRID()).isZero();
        assertThat(back.getSRID()).isEqualTo(4326);
        assertThat(line.getCoordinates()[0].x).as("input unchanged").isEqualTo(118.70);
        for (int i = 0; i < line.getNumPoints(); i++) {
            assertThat(back.getCoordinates()[i].x).isCloseTo(line.getCoordinates()[i].x, within(1e-9));
            assertThat(back.getCoordinates()[i].y).isCloseTo(line.getCoordinates()[i].y, within(1e-9));
        }
        LonLat p = projection.toWgs84(metric.getCoordinates()[1].x, metric.getCoordinates()[1].y);
        assertThat(p.lon()).isCloseTo(118.85, within(1e-9));
    }

    @Test
    void shouldBufferInMetres() {
        LocalMetricProjection projection = new LocalMetricProjection(118.78, 32.04);
        Geometry circle = projection.toWgs84(projection.toMetric(WGS84.createPoint(new Coordinate(118.78, 32.04))).buffer(1000, 64));
        for (Coordinate c : circle.getCoordinates()) {
            assertThat(Geodesic.distanceMeters(118.78, 32.04, c.x, c.y)).isCloseTo(1000, within(5.0));
        }
    }

    @Test
    void shouldGiveTheSameResultsWhenUsedConcurrently() {
        LocalMetricProjection projection = new LocalMetricProjection(118.78, 32.04);
        List<Coordinate> sequential = IntStream.range(0, 20_000)
                .mapToObj(i -> projection.toMetric(118.6 + i * 1e-5, 31.9 + i * 1e-5)).toList();
        List<Coordinate> parallel = IntStream.range(0, 20_000).parallel()
                .mapToObj(i -> projection.toMetric(118.6 + i * 1e-5, 31.9 + i * 1e-5)).toList();
        assertThat(parallel).isEqualTo(sequential);
    }

    @Test
    void shouldRejectEmptyEnvelopesAndBadCentres() {
        assertThatThrownBy(() -> LocalMetricProjection.centredOn(new Envelope()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> new LocalMetricProjection(32.04, 118.78))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lat");
    }
}
