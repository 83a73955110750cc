package cn.servicemap.gis.population;

import cn.servicemap.gis.crs.LocalMetricProjection;
import cn.servicemap.gis.osm.OsmFeature;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Road length and road junctions per cell of a square grid in a local metric projection.
 *
 * <p>Length: every segment of every way is cut exactly at the grid lines and each piece is added to
 * the cell it lies in (metres). Junctions: a vertex shared by ways or by parts of a way with degree
 * ≥ 3 (three or more road ends meet there; OSM connects roads by shared nodes, so the shared WGS84
 * coordinate identifies the node), counted in the cell that holds it. Crossings without a shared
 * node (bridges, tunnels) are not junctions. Polygonal ways count with their outer ring.
 */
final class RoadRaster {

    final MetricGrid grid;
    final double[] lengthInMeters;
    final int[] junctions;

    private RoadRaster(MetricGrid grid) {
        this.grid = grid;
        this.lengthInMeters = new double[grid.size()];
        this.junctions = new int[grid.size()];
    }

    /** Rasterises the linear geometries of {@code roads}; the grid covers them with {@code paddingCells} to spare. */
    static RoadRaster of(List<OsmFeature> roads, LocalMetricProjection projection, double cellInMeters, int paddingCells) {
        Envelope extent = new Envelope();
        List<Geometry> metric = new java.util.ArrayList<>(roads.size());
        Map<Coordinate, Integer> degree = new HashMap<>();
        for (OsmFeature road : roads) {
            LineString line = asLine(road.geometry());
            if (line == null) {
                continue;
            }
            Coordinate[] wgs84 = line.getCoordinates();
            for (int k = 0; k < wgs84.length; k++) {
                int ends = k == 0 || k == wgs84.length - 1 ? 1 : 2;
                degree.merge(new Coordinate(wgs84[k].x, wgs84[k].y), ends, Integer::sum);
            }
            Geometry m = projection.toMetric(line);
            metric.add(m);
            extent.expandToInclude(m.getEnvelopeInternal());
        }
        if (extent.isNull()) {
            throw new IllegalArgumentException("no road lines to measure a study area from (" + roads.size() + " features)");
        }
        RoadRaster raster = new RoadRaster(MetricGrid.covering(extent, cellInMeters, paddingCells));
        for (Geometry m : metric) {
            Coordinate[] c = m.getCoordinates();
            for (int k = 1; k < c.length; k++) {
                raster.addSegment(c[k - 1].x, c[k - 1].y, c[k].x, c[k].y);
            }
        }
        degree.forEach((coordinate, d) -> {
            if (d >= 3) {
                Coordinate m = projection.toMetric(coordinate.x, coordinate.y);
                int cell = raster.grid.cellAt(m.x, m.y);
                if (cell >= 0) {
                    raster.junctions[cell]++;
                }
            }
        });
        return raster;
    }

    private static LineString asLine(Geometry g) {
        if (g instanceof LineString line) {
            return line;
        }
        if (g instanceof Polygon polygon) {
            return polygon.getExteriorRing();
        }
        return null;
    }

    /** Adds the length of segment (x0,y0)–(x1,y1), in metres, to the cells it passes through, cut at grid lines. */
    void addSegment(double x0, double y0, double x1, double y1) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        if (length == 0) {
            return;
        }
        double u0 = (x0 - grid.originX()) / grid.cellInMeters();
        double v0 = (y0 - grid.originY()) / grid.cellInMeters();
        double du = (x1 - x0) / grid.cellInMeters();
        double dv = (y1 - y0) / grid.cellInMeters();
        double[] cuts = new double[(int) (Math.abs(Math.floor(u0 + du) - Math.floor(u0))
                + Math.abs(Math.floor(v0 + dv) - Math.floor(v0))) + 2];
        int n = 0;
        cuts[n++] = 0;
        n = addCrossings(cuts, n, u0, du);
        n = addCrossings(cuts, n, v0, dv);
        cuts[n++] = 1;
        java.util.Arrays.sort(cuts, 0, n);
        for (int k = 1; k < n; k++) {
            double t0 = cuts[k - 1];
            double t1 = cuts[k];
            if (t1 <= t0) {
                continue;
            }
            double tm = (t0 + t1) / 2;
            int cell = grid.cellAt(x0 + (x1 - x0) * tm, y0 + (y1 - y0) * tm);
            if (cell >= 0) {
                lengthInMeters[cell] += length * (t1 - t0);
            }
        }
    }

    private static int addCrossings(double[] cuts, int n, double start, double delta) {
        if (delta == 0) {
            return n;
        }
        double end = start + delta;
        double lo = Math.min(start, end);
        double hi = Math.max(start, end);
        for (double line = Math.floor(lo) + 1; line < hi && n < cuts.length - 1; line++) {
            cuts[n++] = (line - start) / delta;
        }
        return n;
    }
}
