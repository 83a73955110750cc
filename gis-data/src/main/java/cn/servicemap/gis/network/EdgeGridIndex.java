package cn.servicemap.gis.network;

import cn.servicemap.gis.crs.Geodesic;
/**
 * A uniform lon/lat grid over edge geometries for nearest-edge queries, in compressed sparse row form (cell →
 * edge ids). An edge is listed in every cell its segments' bounding boxes touch.
 *
 * <p>A query scans rings of cells around the query cell, computes the exact nearest point on each candidate
 * edge's polyline in a local equirectangular projection centred on the query, and stops once the next ring
 * cannot hold anything nearer. There is no distance limit, so "too far" results still report the distance to
 * the nearest usable edge. Thread-safe; a query allocates only its result.
 */
final class EdgeGridIndex {
    private final RoadNetwork network;
    private final double minLon;
    private final double minLat;
    private final double cellLon;
    private final double cellLat;
    private final int cols;
    private final int rows;
    private final int[] cellStart;
    private final int[] cellEdges;

    private EdgeGridIndex(RoadNetwork network, double minLon, double minLat, double cellLon, double cellLat,
                          int cols, int rows, int[] cellStart, int[] cellEdges) {
        this.network = network;
        this.minLon = minLon;
        this.minLat = minLat;
        this.cellLon = cellLon;
        this.cellLat = cellLat;
        this.cols = cols;
        this.rows = rows;
        this.cellStart = cellStart;
        this.cellEdges = cellEdges;
    }

    /**
     * Builds the index with cells of about {@code sqrt(area / edges) * 1.5} metres, clamped to 30..2000 m, and
     * at most four million cells.
     */
    static EdgeGridIndex build(RoadNetwork network) {
        BoundingBox box = network.bbox();
        double midLat = (box.minLat() + box.maxLat()) / 2;
        double widthM = Math.max(1, (box.maxLon() - box.minLon()) * Geodesic.metersPerDegreeLon(midLat));
        double heightM = Math.max(1, (box.maxLat() - box.minLat()) * Geodesic.METERS_PER_DEGREE);
        int edges = Math.max(1, network.edgeCount());
        double cell = Math.sqrt(widthM * heightM / edges) * 1.5;
        cell = Math.max(30, Math.min(2000, cell));
        while ((widthM / cell + 1) * (heightM / cell + 1) > 4_000_000)
            cell *= 1.5;
        double cellLon = cell / Geodesic.metersPerDegreeLon(midLat);
        double cellLat = cell / Geodesic.METERS_PER_DEGREE;
        int cols = (int) Math.floor((box.maxLon() - box.minLon()) / cellLon) + 1;
        int rows = (int) Math.floor((box.maxLat() - box.minLat()) / cellLat) + 1;
        int cellCount = cols * rows;
        int[] count = new int[cellCount + 1];
        int[] last = new int[cellCount];
        java.util.Arrays.fill(last, -1);
        for (int pass = 0; pass < 2; pass++) {
            int[] cellEdges = pass == 0 ? null : new int[count[cellCount]];
            int[] next = pass == 0 ? null : java.util.Arrays.copyOf(count, cellCount);
            java.util.Arrays.fill(last, -1);
            for (int e = 0; e < network.edgeCount(); e++) {
                int points = network.edgePointCount(e);
                for (int i = 0; i + 1 < points; i++) {
                    double lon1 = network.edgePointLon(e, i), lat1 = network.edgePointLat(e, i);
                    double lon2 = network.edgePointLon(e, i + 1), lat2 = network.edgePointLat(e, i + 1);
                    int c0 = clamp((int) Math.floor((Math.min(lon1, lon2) - box.minLon()) / cellLon), cols);
                    int c1 = clamp((int) Math.floor((Math.max(lon1, lon2) - box.minLon()) / cellLon), cols);
                    int r0 = clamp((int) Math.floor((Math.min(lat1, lat2) - box.minLat()) / cellLat), rows);
                    int r1 = clamp((int) Math.floor((Math.max(lat1, lat2) - box.minLat()) / cellLat), rows);
                    for (int r = r0; r <= r1; r++)
                        for (int c = c0; c <= c1; c++) {
                            int cellId = r * cols + c;
                            if (last[cellId] == e)
                                continue;
                            last[cellId] = e;
                            if (pass == 0)
                                count[cellId + 1]++;
                            else
                                cellEdges[next[cellId]++] = e;
                        }
                }
            }
            if (pass == 0) {
                for (int i = 0; i < cellCount; i++)
                    count[i + 1] += count[i];
            } else {
                return new EdgeGridIndex(network, box.minLon(), box.minLat(), cellLon, cellLat, cols, rows, count,
                        cellEdges);
            }
        }
        throw new AssertionError();
    }

    /**
     * Every edge with a segment whose bounding box touches a cell the box touches: a superset of the edges that
     * cross the box, ascending, each once. Empty when the box misses the network.
     */
    int[] edgesTouching(BoundingBox box) {
        BoundingBox all = network.bbox();
        if (box.maxLon() < all.minLon() || box.minLon() > all.maxLon() || box.maxLat() < all.minLat() || box.minLat() > all.maxLat())
            return new int[0];
        int c0 = clamp((int) Math.floor((box.minLon() - minLon) / cellLon), cols);
        int c1 = clamp((int) Math.floor((box.maxLon() - minLon) / cellLon), cols);
        int r0 = clamp((int) Math.floor((box.minLat() - minLat) / cellLat), rows);
        int r1 = clamp((int) Math.floor((box.maxLat() - minLat) / cellLat), rows);
        java.util.BitSet seen = new java.util.BitSet(network.edgeCount());
        for (int r = r0; r <= r1; r++)
            for (int c = c0; c <= c1; c++) {
                int cell = r * cols + c;
                for (int i = cellStart[cell]; i < cellStart[cell + 1]; i++)
                    seen.set(cellEdges[i]);
            }
        return seen.stream().toArray();
    }

    private static int clamp(int v, int size) {
        return v < 0 ? 0 : Math.min(v, size - 1);
    }

    /**
     * The nearest point on a usable edge (on the main component only if {@code mainOnly}), or null if there is
     * no such edge.
     */
    Hit nearest(ProfileGraph graph, boolean mainOnly, double lon, double lat) {
        Component main = graph.mainComponent();
        int mainId = mainOnly ? (main == null ? -2 : main.id()) : -1;
        double kx = Geodesic.metersPerDegreeLon(lat);
        double ky = Geodesic.METERS_PER_DEGREE;
        double cellMinM = Math.min(cellLon * kx, cellLat * ky);
        int cx = (int) Math.floor((lon - minLon) / cellLon);
        int cy = (int) Math.floor((lat - minLat) / cellLat);
        int startRing = Math.max(Math.max(-cx, cx - (cols - 1)), Math.max(-cy, cy - (rows - 1)));
        startRing = Math.max(0, startRing);
        int maxRing = Math.max(Math.max(Math.abs(cx), Math.abs(cx - (cols - 1))),
                Math.max(Math.abs(cy), Math.abs(cy - (rows - 1))));
        Hit best = new Hit();
        best.distance2 = Double.POSITIVE_INFINITY;
        for (int ring = startRing; ring <= maxRing; ring++) {
            double bound = (ring - 1) * cellMinM;
            if (bound > 0 && bound * bound > best.distance2)
                break;
            int rMin = cy - ring, rMax = cy + ring;
            for (int r = Math.max(0, rMin); r <= Math.min(rows - 1, rMax); r++) {
                if (r == rMin || r == rMax) {
                    for (int c = Math.max(0, cx - ring); c <= Math.min(cols - 1, cx + ring); c++)
                        scanCell(graph, mainId, r * cols + c, lon, lat, kx, ky, best);
                } else {
                    if (cx - ring >= 0 && cx - ring < cols)
                        scanCell(graph, mainId, r * cols + cx - ring, lon, lat, kx, ky, best);
                    if (ring > 0 && cx + ring >= 0 && cx + ring < cols)
                        scanCell(graph, mainId, r * cols + cx + ring, lon, lat, kx, ky, best);
                }
            }
        }
        return best.edge < 0 ? null : best;
    }

    private void scanCell(ProfileGraph graph, int mainId, int cell, double qLon, double qLat, double kx, double ky,
                          Hit best) {
        for (int i = cellStart[cell]; i < cellStart[cell + 1]; i++) {
            int e = cellEdges[i];
            if (e == best.edge || !graph.isUsable(e) || mainId != -1 && graph.componentOfEdge(e) != mainId)
                continue;
            int points = network.edgePointCount(e);
            double px = (network.edgePointLon(e, 0) - qLon) * kx;
            double py = (network.edgePointLat(e, 0) - qLat) * ky;
            for (int s = 0; s + 1 < points; s++) {
                double x2 = (network.edgePointLon(e, s + 1) - qLon) * kx;
                double y2 = (network.edgePointLat(e, s + 1) - qLat) * ky;
                double dx = x2 - px, dy = y2 - py;
                double len2 = dx * dx + dy * dy;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(px * dx + py * dy) / len2));
                double sx = px + t * dx, sy = py + t * dy;
                double d2 = sx * sx + sy * sy;
                if (d2 < best.distance2 || d2 == best.distance2 && e < best.edge) {
                    best.distance2 = d2;
                    best.edge = e;
                    best.segment = s;
                    best.segmentFraction = t;
                }
                px = x2;
                py = y2;
            }
        }
    }

    /** The nearest point found: edge, segment index and position within the segment. */
    static final class Hit {
        int edge = -1;
        int segment;
        double segmentFraction;
        double distance2;
    }
}
