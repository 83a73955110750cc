package cn.servicemap.gis.population;

import cn.servicemap.gis.crs.LocalMetricProjection;
import cn.servicemap.gis.osm.OsmFeature;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The {@link WalkableRoads walkable} roads of a region in a local metric projection, each with a weight from its tags,
 * indexed to measure the (weighted) road length inside a cell: {@link #lengthIn} sums weight × metres of road inside.
 * A polygonal way (a closed {@code highway=pedestrian} square without {@code area=yes}) counts with its outer ring.
 *
 * <p>Scale: a city's ways run for kilometres (an arterial of 700 vertices crosses 700 cells), and measuring each cell
 * against whole ways costs cells × vertices. So ways are indexed (STR-tree) in runs of at most
 * {@value #PIECE_SEGMENTS} segments; in a rectangular cell a run's segments are clipped exactly (Liang–Barsky), in any
 * other cell the run is intersected with the cell's outline. The sum of a road's lengths over cells that tile the
 * plane is its length, to floating-point rounding: a stretch lying exactly on the line between two whole squares counts
 * in the square east or north of it only (it would count in both pieces of a cut square that share that edge, a case
 * real data meets with probability zero). Built once; read-only afterwards.
 */
final class RoadIndex {

    static final int PIECE_SEGMENTS = 8;

    private final STRtree runs = new STRtree();
    private final int roadCount;

    /**
     * @param roads   OSM features; those {@link WalkableRoads#isWalkable walkable} with a line or polygon geometry count
     * @param weights each road's weight from its tags; roads weighing 0 are left out
     */
    RoadIndex(List<OsmFeature> roads, LocalMetricProjection projection, ToDoubleFunction<Map<String, String>> weights) {
        int count = 0;
        for (OsmFeature f : roads) {
            if (!WalkableRoads.isWalkable(f.tags())) {
                continue;
            }
            Geometry g = f.geometry() instanceof Polygon p ? p.getExteriorRing() : f.geometry();
            double weight = weights.applyAsDouble(f.tags());
            if (!(g instanceof LineString) || !(weight > 0)) {
                continue;
            }
            count++;
            Coordinate[] line = projection.toMetric(g).getCoordinates();
            for (int from = 0; from < line.length - 1; from += PIECE_SEGMENTS) {
                Coordinate[] run = Arrays.copyOfRange(line, from, Math.min(line.length, from + PIECE_SEGMENTS + 1));
                LineString piece = StudyArea.METRIC.createLineString(run);
                piece.setUserData(weight);
                runs.insert(piece.getEnvelopeInternal(), piece);
            }
        }
        runs.build();
        this.roadCount = count;
    }

    /** Walkable roads indexed (those with a line geometry and a positive weight). */
    int roadCount() {
        return roadCount;
    }

    /** Weight × metres of road inside a metric cell outline. */
    double lengthIn(Geometry cell) {
        double length = 0;
        Envelope box = cell.getEnvelopeInternal();
        boolean rectangle = cell.isRectangle();
        for (Object o : runs.query(box)) {
            LineString line = (LineString) o;
            double inside = rectangle
                    ? box.contains(line.getEnvelopeInternal()) ? line.getLength() : clippedLength(line, box)
                    : cell.intersection(line).getLength();
            length += (Double) line.getUserData() * inside;
        }
        return length;
    }

    /** The length of a line inside a rectangle: each segment clipped exactly (Liang–Barsky). */
    static double clippedLength(LineString line, Envelope box) {
        CoordinateSequence c = line.getCoordinateSequence();
        double sum = 0;
        for (int k = 1; k < c.size(); k++) {
            double x0 = c.getX(k - 1), y0 = c.getY(k - 1);
            double dx = c.getX(k) - x0, dy = c.getY(k) - y0;
            double[] t = {0, 1};
            if (clip(-dx, x0 - box.getMinX(), t, true) && clip(dx, box.getMaxX() - x0, t, false)
                    && clip(-dy, y0 - box.getMinY(), t, true) && clip(dy, box.getMaxY() - y0, t, false)) {
                sum += (t[1] - t[0]) * Math.hypot(dx, dy);
            }
        }
        return sum;
    }

    /**
     * One Liang–Barsky boundary test: narrows [t0, t1] to where p·t ≤ q; false when nothing is left. A segment parallel
     * to the edge and lying on it is kept by a west or south edge ({@code onEdgeInside}) and not by an east or north
     * one, so that a road along the line between two cells counts in one of them (the one east or north of the line,
     * as {@link RoadRaster} assigns it), not in both.
     */
    private static boolean clip(double p, double q, double[] t, boolean onEdgeInside) {
        if (p == 0) {
            return onEdgeInside ? q >= 0 : q > 0;
        }
        double r = q / p;
        if (p < 0) {
            if (r > t[1]) {
                return false;
            }
            t[0] = Math.max(t[0], r);
        } else {
            if (r < t[0]) {
                return false;
            }
            t[1] = Math.min(t[1], r);
        }
        return t[0] <= t[1];
    }
}
