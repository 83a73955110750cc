package cn.servicemap.gis.access;

import com.carrotsearch.hppc.IntArrayList;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a raster of classes into valid polygons, one (Multi)Polygon per class, by tracing cell boundaries.
 *
 * <p>Cells of one class that share a side (4-connectivity) form one polygon. Boundary edges between cells of
 * different components are oriented with the component on the left and chained into rings; where two cells of
 * a component meet only at a corner the chain turns so that every ring stays simple (a hole then touches
 * its shell or another hole at that point, which is valid). So shells are
 * counter-clockwise, holes clockwise, each component gives exactly one shell, rings only touch at single points,
 * and the result is valid by construction (JTS {@code isValid}) without any overlay operation. Vertices lie on
 * the lattice {@code (lon0 + i * dLon, lat0 + j * dLat)}; only corners are emitted, so shared boundaries of
 * neighbouring classes have identical vertices. O(cells).
 */
final class RasterTracer {
    private static final int E = 0, N = 1, W = 2, S = 3;

    private final int width;
    private final int height;
    private final GeometryFactory factory;
    private final double lon0, lat0, dLon, dLat;

    RasterTracer(int width, int height, GeometryFactory factory, double lon0, double lat0, double dLon, double dLat) {
        this.width = width;
        this.height = height;
        this.factory = factory;
        this.lon0 = lon0;
        this.lat0 = lat0;
        this.dLon = dLon;
        this.dLat = dLat;
    }

    /**
     * @param cls        class per cell (row-major, row 0 in the south), -1 for none
     * @param classCount classes are {@code 0..classCount-1}
     * @param cellCounts out: number of cells per class
     * @return a geometry per class (empty MultiPolygon for classes without cells)
     */
    Geometry[] trace(int[] cls, int classCount, long[] cellCounts) {
        int w = width, h = height;
        int[] comp = new int[w * h];
        java.util.Arrays.fill(comp, -1);
        IntArrayList compClass = new IntArrayList();
        int[] queue = new int[w * h];
        for (int c = 0; c < w * h; c++) {
            if (cls[c] < 0 || comp[c] >= 0)
                continue;
            int id = compClass.size();
            int k = cls[c];
            compClass.add(k);
            cellCounts[k]++;
            int head = 0, tail = 0;
            queue[tail++] = c;
            comp[c] = id;
            while (head < tail) {
                int v = queue[head++];
                int x = v % w, y = v / w;
                if (x > 0 && cls[v - 1] == k && comp[v - 1] < 0) {
                    comp[v - 1] = id;
                    queue[tail++] = v - 1;
                }
                if (x < w - 1 && cls[v + 1] == k && comp[v + 1] < 0) {
                    comp[v + 1] = id;
                    queue[tail++] = v + 1;
                }
                if (y > 0 && cls[v - w] == k && comp[v - w] < 0) {
                    comp[v - w] = id;
                    queue[tail++] = v - w;
                }
                if (y < h - 1 && cls[v + w] == k && comp[v + w] < 0) {
                    comp[v + w] = id;
                    queue[tail++] = v + w;
                }
            }
            cellCounts[k] += tail - 1;
        }
        int vw = w + 1;
        byte[] mask = new byte[vw * (h + 1)];
        for (int c = 0; c < w * h; c++) {
            int id = comp[c];
            if (id < 0)
                continue;
            int x = c % w, y = c / w;
            if (y == 0 || comp[c - w] != id)
                mask[y * vw + x] |= 1 << E;
            if (x == w - 1 || comp[c + 1] != id)
                mask[y * vw + x + 1] |= 1 << N;
            if (y == h - 1 || comp[c + w] != id)
                mask[(y + 1) * vw + x + 1] |= 1 << W;
            if (x == 0 || comp[c - 1] != id)
                mask[(y + 1) * vw + x] |= 1 << S;
        }
        LinearRing[] shells = new LinearRing[compClass.size()];
        List<List<LinearRing>> holes = new ArrayList<>(compClass.size());
        for (int i = 0; i < compClass.size(); i++)
            holes.add(null);
        IntArrayList corners = new IntArrayList();
        for (int v = 0; v < mask.length; v++) {
            while (mask[v] != 0) {
                int d = Integer.numberOfTrailingZeros(mask[v]);
                int id = comp[leftCell(v % vw, v / vw, d)];
                corners.clear();
                follow(mask, comp, id, v, d, corners);
                long area2 = 0;
                int n = corners.size() / 2;
                Coordinate[] coordinates = new Coordinate[n + 1];
                for (int i = 0; i < n; i++) {
                    int x1 = corners.get(2 * i), y1 = corners.get(2 * i + 1);
                    int x2 = corners.get(2 * ((i + 1) % n)), y2 = corners.get(2 * ((i + 1) % n) + 1);
                    area2 += (long) x1 * y2 - (long) x2 * y1;
                    coordinates[i] = new Coordinate(lon0 + x1 * dLon, lat0 + y1 * dLat);
                }
                coordinates[n] = coordinates[0].copy();
                LinearRing ring = factory.createLinearRing(coordinates);
                if (area2 > 0) {
                    if (shells[id] != null)
                        throw new IllegalStateException("two shells for component " + id);
                    shells[id] = ring;
                } else {
                    if (holes.get(id) == null)
                        holes.set(id, new ArrayList<>());
                    holes.get(id).add(ring);
                }
            }
        }
        List<List<Polygon>> byClass = new ArrayList<>(classCount);
        for (int k = 0; k < classCount; k++)
            byClass.add(new ArrayList<>());
        for (int id = 0; id < shells.length; id++) {
            List<LinearRing> hs = holes.get(id);
            Polygon polygon = factory.createPolygon(shells[id],
                    hs == null ? null : hs.toArray(new LinearRing[0]));
            byClass.get(compClass.get(id)).add(polygon);
        }
        Geometry[] out = new Geometry[classCount];
        for (int k = 0; k < classCount; k++) {
            List<Polygon> polygons = byClass.get(k);
            out[k] = polygons.size() == 1 ? polygons.get(0)
                    : factory.createMultiPolygon(polygons.toArray(new Polygon[0]));
        }
        return out;
    }

    private int leftCell(int x, int y, int d) {
        return switch (d) {
            case E -> y * width + x;
            case N -> y * width + x - 1;
            case W -> (y - 1) * width + x - 1;
            default -> (y - 1) * width + x;
        };
    }

    /** Follows one ring from the edge (startV, startD), clearing its edges, collecting corner vertices. */
    private void follow(byte[] mask, int[] comp, int id, int startV, int startD, IntArrayList corners) {
        int vw = width + 1;
        mask[startV] &= (byte) ~(1 << startD);
        int v = move(startV, startD, vw);
        int heading = startD;
        while (true) {
            int available = mask[v] | (v == startV ? 1 << startD : 0);
            int left = (heading + 1) & 3, right = (heading + 3) & 3;
            // At a corner where two cells of this component touch diagonally, turn right to keep the ring
            // simple (the cells on the other diagonal get their own ring, touching at this vertex); where the
            // diagonal cell belongs to another component, turn left so the two polygons stay apart.
            boolean rightOwn = (available & (1 << right)) != 0 && comp[leftCell(v % vw, v / vw, right)] == id;
            int d = rightOwn ? right
                    : (available & (1 << left)) != 0 ? left
                    : heading;
            if ((available & (1 << d)) == 0)
                throw new IllegalStateException("open ring at vertex " + v);
            if (d != heading) {
                corners.add(v % vw);
                corners.add(v / vw);
            }
            if (v == startV && d == startD)
                return;
            mask[v] &= (byte) ~(1 << d);
            v = move(v, d, vw);
            heading = d;
        }
    }

    private static int move(int v, int d, int vw) {
        return switch (d) {
            case E -> v + 1;
            case N -> v + vw;
            case W -> v - 1;
            default -> v - vw;
        };
    }
}
