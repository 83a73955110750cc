package cn.servicemap.gis.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.crs.LocalMetricProjection;
import cn.servicemap.gis.osm.OsmFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.junit.jupiter.api.Test;

/** What a cell holds must not depend on how long the city's ways are or how large its residential outlines. */
class LandIndexTest {

    private static final GeometryFactory METRIC = StudyArea.METRIC;
    private static final LocalMetricProjection PLAN = StreetPlan.PLAN;

    @Test
    void shouldClipASegmentRunToABoxExactlyAsJtsDoesLeavingTheEastAndNorthEdgesToTheNeighbours() {
        SplittableRandom r = new SplittableRandom(7);
        Envelope box = new Envelope(0, 100, 0, 100);
        Geometry square = METRIC.toGeometry(box);
        for (int trial = 0; trial < 500; trial++) {
            Coordinate[] c = new Coordinate[2 + r.nextInt(6)];
            for (int k = 0; k < c.length; k++) {
                // axis-parallel runs along the box's edges and through its corners too
                c[k] = new Coordinate(r.nextInt(7) * 50 - 100 + (r.nextBoolean() ? 0 : r.nextDouble() * 50),
                        r.nextInt(7) * 50 - 100 + (r.nextBoolean() ? 0 : r.nextDouble() * 50));
            }
            LineString line = METRIC.createLineString(c);
            // a stretch along the east or north edge belongs to the box beyond it
            double onEastOrNorth = line.intersection(METRIC.createLineString(new Coordinate[]{
                    new Coordinate(100, 0), new Coordinate(100, 100), new Coordinate(0, 100)})).getLength();
            assertThat(RoadIndex.clippedLength(line, box))
                    .as("run %s", line).isCloseTo(square.intersection(line).getLength() - onEastOrNorth, within(1e-6));
        }
    }

    @Test
    void shouldClipAnAreaToARectangleAsAnOverlayDoes() {
        SplittableRandom r = new SplittableRandom(5);
        Envelope box = new Envelope(0, 100, 0, 100);
        Geometry square = METRIC.toGeometry(box);
        for (int trial = 0; trial < 300; trial++) {
            // a blob with a hole, anywhere from inside the box to around it, sometimes with sides on the box's lines
            double cx = r.nextInt(5) * 50 - 50 + r.nextDouble() * 20;
            double cy = r.nextInt(5) * 50 - 50 + r.nextDouble() * 20;
            Geometry blob = METRIC.createPoint(new Coordinate(cx, cy)).buffer(10 + r.nextDouble() * 90, 3 + r.nextInt(8));
            if (r.nextBoolean()) {
                blob = blob.difference(METRIC.createPoint(new Coordinate(cx + 3, cy - 2)).buffer(5 + r.nextDouble() * 5, 3));
            }
            if (r.nextInt(4) == 0) {
                double x = r.nextInt(3) * 50;
                blob = METRIC.toGeometry(new Envelope(x, x + 50, -20, 100));
            }
            Polygon p = (Polygon) blob;
            assertThat(LandIndex.clippedArea(p, box)).as("area %s", p)
                    .isCloseTo(square.intersection(p).getArea(), within(1e-6));
        }
    }

    @Test
    void shouldCountARoadAlongTheLineBetweenSquaresOnce() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            Coordinate[] c = new Coordinate[2 + r.nextInt(6)];
            for (int k = 0; k < c.length; k++) {
                // on grid lines, through grid nodes, and across
                c[k] = new Coordinate(r.nextInt(4) * 100 + (r.nextInt(3) == 0 ? r.nextDouble() * 100 : 0),
                        r.nextInt(4) * 100 + (r.nextInt(3) == 0 ? r.nextDouble() * 100 : 0));
            }
            LineString line = METRIC.createLineString(c);
            double sum = 0;
            for (int x = -100; x < 400; x += 100) {
                for (int y = -100; y < 400; y += 100) {
                    sum += RoadIndex.clippedLength(line, new Envelope(x, x + 100, y, y + 100));
                }
            }
            assertThat(sum).as("run %s", line).isCloseTo(line.getLength(), within(1e-6));
        }
    }

    @Test
    void shouldCutALargeOutlineIntoSmallPartsOfTheSameArea() {
        // a residential quarter 2 km across with 2,000 vertices and a 300 m hole: a unioned landuse=residential
        Polygon ring = (Polygon) METRIC.createPoint(new Coordinate(0, 0)).buffer(1000, 500);
        Polygon hole = (Polygon) METRIC.createPoint(new Coordinate(200, 100)).buffer(150, 50);
        Geometry quarter = ring.difference(hole);
        assertThat(quarter.getNumPoints()).isGreaterThan(2000);

        List<Polygon> parts = LandIndex.parts(quarter);

        assertThat(parts).hasSizeGreaterThan(30);
        assertThat(parts).allSatisfy(p -> assertThat(p.getNumPoints()).isLessThanOrEqualTo(LandIndex.AREA_PIECE_VERTICES));
        assertThat(parts.stream().mapToDouble(Geometry::getArea).sum()).isCloseTo(quarter.getArea(), within(1e-3));
    }

    @Test
    void shouldMeasureALongWayAndALargeQuarterCellByCellToTheirWholeLengthAndArea() {
        // one way of 5 km with a vertex every 10 m, crossing 100 m cells diagonally, and a residential quarter
        Coordinate[] way = new Coordinate[501];
        for (int k = 0; k < way.length; k++) {
            way[k] = new Coordinate(k * 8.0, k * 6.0 + 3 * Math.sin(k));
        }
        LineString metricWay = METRIC.createLineString(way);
        Polygon quarter = (Polygon) METRIC.createPoint(new Coordinate(1500, 1200)).buffer(700, 300);
        List<OsmFeature> roads = List.of(new OsmFeature('w', 1, Map.of("highway", "primary"), PLAN.toWgs84(metricWay)));
        List<OsmFeature> land = List.of(new OsmFeature('w', 2, Map.of("landuse", "residential"), PLAN.toWgs84(quarter)));
        LandIndex index = new LandIndex(roads, land, PLAN, 6);

        double length = 0;
        double residential = 0;
        List<Geometry> cells = new ArrayList<>();
        for (int x = -100; x < 4100; x += 100) {
            for (int y = -100; y < 3100; y += 100) {
                if (x != 1500 || y != 1100) {
                    cells.add(METRIC.toGeometry(new Envelope(x, x + 100, y, y + 100)));
                }
            }
        }
        // one cell the way and the quarter cross is cut in two by a district's edge: pieces that are not rectangles
        cells.add(METRIC.createPolygon(new Coordinate[]{new Coordinate(1500, 1100), new Coordinate(1600, 1100),
                new Coordinate(1500, 1200), new Coordinate(1500, 1100)}));
        cells.add(METRIC.createPolygon(new Coordinate[]{new Coordinate(1600, 1100), new Coordinate(1600, 1200),
                new Coordinate(1500, 1200), new Coordinate(1600, 1100)}));
        for (Geometry cell : cells) {
            CellContent c = index.measure(cell);
            length += c.roadLengthInMeters();
            residential += c.residentialLandInSquareMeters();
        }
        double wayLength = PLAN.toMetric(PLAN.toWgs84(metricWay)).getLength();
        assertThat(length).isCloseTo(wayLength, within(wayLength * 1e-9));
        assertThat(residential).isCloseTo(quarter.getArea(), within(quarter.getArea() * 1e-6));
    }
}
