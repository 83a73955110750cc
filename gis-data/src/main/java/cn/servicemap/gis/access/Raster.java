package cn.servicemap.gis.access;

import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;

import java.util.Arrays;

/**
 * The working raster of {@link ServiceAreas}: per cell a packed label (time in ms &lt;&lt; 32 | source,
 * {@code Long.MAX_VALUE} for none) and whether a usable street passes through it. Cell (x, y) covers
 * {@code [lon0 + x dLon, lon0 + (x+1) dLon] × [lat0 + y dLat, ...]}; row 0 is the southernmost.
 */
final class Raster {
    static final double METERS_PER_DEGREE = Geodesic.METERS_PER_DEGREE;

    final int width;
    final int height;
    final double lon0, lat0, dLon, dLat;
    final long[] label;
    final boolean[] street;

    Raster(int width, int height, double lon0, double lat0, double dLon, double dLat) {
        this.width = width;
        this.height = height;
        this.lon0 = lon0;
        this.lat0 = lat0;
        this.dLon = dLon;
        this.dLat = dLat;
        this.label = new long[width * height];
        this.street = new boolean[width * height];
        Arrays.fill(label, Long.MAX_VALUE);
    }

    /**
     * Samples every usable street in the raster (of {@code edges}, or all when null) every {@code stepInMeters}; live edges get field labels up to
     * {@code maxMillis}, the others only mark their cells as streets. Unreached streets of small components
     * (sidewalks drawn without their crossings, courtyard paths) are left out: nobody is cut off by them.
     */
    void rasterize(AccessField field, ProfileGraph graph, boolean[] live, int[] edges, int maxMillis, double stepInMeters) {
        RoadNetwork net = field.network();
        double maxLon = lon0 + width * dLon, maxLat = lat0 + height * dLat;
        double[] cumulative = new double[16];
        int main = graph.mainComponent() == null ? -1 : graph.mainComponent().id();
        AccessField.EdgeProbe probe = new AccessField.EdgeProbe();
        int count = edges == null ? net.edgeCount() : edges.length;
        for (int n0 = 0; n0 < count; n0++) {
            int e = edges == null ? n0 : edges[n0];
            if (!graph.isUsable(e) || !live[e] && graph.componentOfEdge(e) != main)
                continue;
            int n = net.edgePointCount(e);
            if (!live[e]) {
                boolean inside = false;
                for (int i = 0; i < n && !inside; i++) {
                    double lon = net.edgePointLon(e, i), lat = net.edgePointLat(e, i);
                    inside = lon >= lon0 && lon <= maxLon && lat >= lat0 && lat <= maxLat;
                }
                if (!inside && !crossesBox(net, e, maxLon, maxLat))
                    continue;
            }
            double kx = METERS_PER_DEGREE * Math.cos(Math.toRadians(net.edgePointLat(e, 0)));
            if (cumulative.length < n)
                cumulative = new double[2 * n];
            cumulative[0] = 0;
            for (int i = 1; i < n; i++)
                cumulative[i] = cumulative[i - 1] + Math.hypot(
                        (net.edgePointLon(e, i) - net.edgePointLon(e, i - 1)) * kx,
                        (net.edgePointLat(e, i) - net.edgePointLat(e, i - 1)) * METERS_PER_DEGREE);
            double total = cumulative[n - 1];
            if (live[e])
                field.probe(e, probe);
            for (int i = 0; i + 1 < n; i++) {
                double lon1 = net.edgePointLon(e, i), lat1 = net.edgePointLat(e, i);
                double lon2 = net.edgePointLon(e, i + 1), lat2 = net.edgePointLat(e, i + 1);
                double len = cumulative[i + 1] - cumulative[i];
                int steps = Math.max(1, (int) Math.ceil(len / stepInMeters));
                for (int j = (i == 0 ? 0 : 1); j <= steps; j++) {
                    double t = (double) j / steps;
                    double lon = lon1 + t * (lon2 - lon1), lat = lat1 + t * (lat2 - lat1);
                    int x = (int) Math.floor((lon - lon0) / dLon), y = (int) Math.floor((lat - lat0) / dLat);
                    if (x < 0 || y < 0 || x >= width || y >= height)
                        continue;
                    int c = y * width + x;
                    street[c] = true;
                    if (live[e]) {
                        double fraction = total == 0 ? 0 : (cumulative[i] + t * len) / total;
                        long k = probe.at(Math.min(1, fraction));
                        if (k != Long.MAX_VALUE && (k >>> 32) <= maxMillis && k < label[c])
                            label[c] = k;
                    }
                }
            }
        }
    }

    private boolean crossesBox(RoadNetwork net, int e, double maxLon, double maxLat) {
        double a = Double.POSITIVE_INFINITY, b = Double.POSITIVE_INFINITY;
        double c = Double.NEGATIVE_INFINITY, d = Double.NEGATIVE_INFINITY;
        for (int i = 0, n = net.edgePointCount(e); i < n; i++) {
            a = Math.min(a, net.edgePointLon(e, i));
            c = Math.max(c, net.edgePointLon(e, i));
            b = Math.min(b, net.edgePointLat(e, i));
            d = Math.max(d, net.edgePointLat(e, i));
        }
        return a <= maxLon && c >= lon0 && b <= maxLat && d >= lat0;
    }

    /**
     * Gives every non-street cell the label of its nearest street cell if that is at most {@code radiusCells}
     * away (Euclidean, cell centres), using the exact distance transform of Meijster, Roerdink and Hesselink
     * (2000) extended to carry the nearest site. O(cells).
     */
    void spreadToNearestStreet(int radiusCells) {
        int w = width, h = height;
        // phase 1, row by row for memory locality: the row of the nearest street cell in the same column
        int[] nearRow = new int[w * h];
        int[] last = new int[w];
        java.util.Arrays.fill(last, -1);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (street[row + x])
                    last[x] = y;
                nearRow[row + x] = last[x];
            }
        }
        java.util.Arrays.fill(last, -1);
        for (int y = h - 1; y >= 0; y--) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int c = row + x;
                if (street[c])
                    last[x] = y;
                int next = last[x];
                if (next >= 0 && (nearRow[c] < 0 || next - y < y - nearRow[c]))
                    nearRow[c] = next;
            }
        }
        long inf = (long) (w + h + 1);
        long[] g2 = new long[w];
        int[] s = new int[w];
        int[] t = new int[w];
        long r2 = (long) radiusCells * radiusCells;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int nr = nearRow[row + x];
                long g = nr < 0 ? inf : Math.abs(y - nr);
                g2[x] = g * g;
            }
            int q = 0;
            s[0] = 0;
            t[0] = 0;
            for (int u = 1; u < w; u++) {
                while (q >= 0 && f(t[q], s[q], g2) > f(t[q], u, g2))
                    q--;
                if (q < 0) {
                    q = 0;
                    s[0] = u;
                } else {
                    long num = ((long) u * u + g2[u]) - ((long) s[q] * s[q] + g2[s[q]]);
                    long sep = Math.floorDiv(num, 2L * (u - s[q]));
                    long wv = 1 + sep;
                    if (wv < w) {
                        q++;
                        s[q] = u;
                        t[q] = (int) wv;
                    }
                }
            }
            for (int u = w - 1; u >= 0; u--) {
                int fx = s[q];
                if (!street[row + u]) {
                    int nr = nearRow[row + fx];
                    long d2 = (long) (u - fx) * (u - fx) + g2[fx];
                    label[row + u] = nr >= 0 && d2 <= r2 ? label[nr * w + fx] : Long.MAX_VALUE;
                }
                if (u == t[q])
                    q--;
            }
        }
    }

    /** Forgets the labels of cells whose centre lies outside the box. */
    void clearOutside(cn.servicemap.gis.network.BoundingBox box) {
        for (int y = 0; y < height; y++) {
            double lat = lat0 + (y + 0.5) * dLat;
            boolean rowOut = lat < box.minLat() || lat > box.maxLat();
            for (int x = 0; x < width; x++) {
                double lon = lon0 + (x + 0.5) * dLon;
                if (rowOut || lon < box.minLon() || lon > box.maxLon())
                    label[y * width + x] = Long.MAX_VALUE;
            }
        }
    }

    private static long f(int x, int i, long[] g2) {
        long dx = x - i;
        return dx * dx + g2[i];
    }
}
