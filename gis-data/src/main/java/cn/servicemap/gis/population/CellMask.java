package cn.servicemap.gis.population;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * A set of cells of a {@link MetricGrid} with the binary morphology the study area needs: dilation
 * and erosion by a square of (2r+1) × (2r+1) cells, hole filling and island removal by size, and
 * the union of the cells as a metric polygon. Foreground connectivity is 8-neighbour (cells
 * touching at a corner belong together), background 4-neighbour, the usual complementary pair.
 * Cells outside the grid count as background. Operations return new masks.
 */
final class CellMask {

    private final MetricGrid grid;
    private final boolean[] in;

    CellMask(MetricGrid grid, boolean[] in) {
        if (in.length != grid.size()) {
            throw new IllegalArgumentException("mask size " + in.length + " does not match grid size " + grid.size());
        }
        this.grid = grid;
        this.in = in;
    }

    MetricGrid grid() {
        return grid;
    }

    boolean contains(int cell) {
        return in[cell];
    }

    int count() {
        int n = 0;
        for (boolean b : in) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** Cells within Chebyshev distance r of a cell of the mask (separable: rows, then columns). */
    CellMask dilate(int r) {
        return r <= 0 ? this : new CellMask(grid, sweep(sweep(in, r, true, true), r, false, true));
    }

    /** Cells whose whole (2r+1)-square lies in the mask. */
    CellMask erode(int r) {
        return r <= 0 ? this : new CellMask(grid, sweep(sweep(in, r, true, false), r, false, false));
    }

    /** Dilation then erosion: fills gaps narrower than 2r+1 cells, keeps the outline elsewhere. */
    CellMask close(int r) {
        return dilate(r).erode(r);
    }

    /** Erosion then dilation: removes strips and spurs narrower than 2r+1 cells, keeps the outline elsewhere. */
    CellMask open(int r) {
        return erode(r).dilate(r);
    }

    /** Adds every background region not connected to the grid's border that has at most {@code maxCells} cells. */
    CellMask fillHoles(int maxCells) {
        boolean[] out = in.clone();
        int[] label = components(false, false);
        int[] sizes = sizes(label);
        boolean[] touchesBorder = new boolean[sizes.length];
        for (int cell = 0; cell < in.length; cell++) {
            int c = grid.column(cell);
            int r = grid.row(cell);
            if (label[cell] > 0 && (c == 0 || r == 0 || c == grid.columns() - 1 || r == grid.rows() - 1)) {
                touchesBorder[label[cell]] = true;
            }
        }
        for (int cell = 0; cell < in.length; cell++) {
            int l = label[cell];
            if (l > 0 && !touchesBorder[l] && sizes[l] <= maxCells) {
                out[cell] = true;
            }
        }
        return new CellMask(grid, out);
    }

    /** Removes every region of the mask with fewer than {@code minCells} cells. */
    CellMask dropIslands(int minCells) {
        boolean[] out = in.clone();
        int[] label = components(true, true);
        int[] sizes = sizes(label);
        for (int cell = 0; cell < in.length; cell++) {
            if (label[cell] > 0 && sizes[label[cell]] < minCells) {
                out[cell] = false;
            }
        }
        return new CellMask(grid, out);
    }

    /** The union of the cells as a valid polygon in the grid's metric coordinates, collinear vertices removed. */
    Geometry toMetricPolygon(GeometryFactory metric) {
        List<Polygon> squares = new ArrayList<>();
        double s = grid.cellInMeters();
        for (int cell = 0; cell < in.length; cell++) {
            if (in[cell]) {
                // Corners from integer grid positions, so neighbouring squares share vertices exactly.
                int c = grid.column(cell);
                int r = grid.row(cell);
                double x0 = grid.originX() + c * s;
                double x1 = grid.originX() + (c + 1) * s;
                double y0 = grid.originY() + r * s;
                double y1 = grid.originY() + (r + 1) * s;
                squares.add(metric.createPolygon(new Coordinate[]{new Coordinate(x0, y0), new Coordinate(x1, y0),
                        new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)}));
            }
        }
        if (squares.isEmpty()) {
            return metric.createMultiPolygon();
        }
        Geometry union = CoverageUnion.union(metric.buildGeometry(squares));
        Geometry simplified = TopologyPreservingSimplifier.simplify(union, 0.0);
        if (!simplified.isValid()) {
            simplified = GeometryFixer.fix(simplified);
        }
        return simplified;
    }

    private boolean[] sweep(boolean[] src, int r, boolean alongRows, boolean dilate) {
        boolean[] out = new boolean[src.length];
        int columns = grid.columns();
        int rows = grid.rows();
        for (int cell = 0; cell < src.length; cell++) {
            int c = cell % columns;
            int row = cell / columns;
            boolean result = !dilate;
            for (int d = -r; d <= r; d++) {
                int cc = alongRows ? c + d : c;
                int rr = alongRows ? row : row + d;
                boolean v = cc >= 0 && rr >= 0 && cc < columns && rr < rows && src[rr * columns + cc];
                if (dilate && v) {
                    result = true;
                    break;
                }
                if (!dilate && !v) {
                    result = false;
                    break;
                }
            }
            out[cell] = result;
        }
        return out;
    }

    /** Labels (1..n) the connected regions of cells whose value is {@code value}; 0 elsewhere. */
    private int[] components(boolean value, boolean eightNeighbours) {
        int[] label = new int[in.length];
        int[] stack = new int[in.length];
        int next = 0;
        int columns = grid.columns();
        int rows = grid.rows();
        for (int start = 0; start < in.length; start++) {
            if (in[start] != value || label[start] != 0) {
                continue;
            }
            next++;
            int top = 0;
            stack[top++] = start;
            label[start] = next;
            while (top > 0) {
                int cell = stack[--top];
                int c = cell % columns;
                int r = cell / columns;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        if ((dr == 0 && dc == 0) || (!eightNeighbours && dr != 0 && dc != 0)) {
                            continue;
                        }
                        int cc = c + dc;
                        int rr = r + dr;
                        if (cc < 0 || rr < 0 || cc >= columns || rr >= rows) {
                            continue;
                        }
                        int n = rr * columns + cc;
                        if (in[n] == value && label[n] == 0) {
                            label[n] = next;
                            stack[top++] = n;
                        }
                    }
                }
            }
        }
        return label;
    }

    private static int[] sizes(int[] label) {
        int max = Arrays.stream(label).max().orElse(0);
        int[] sizes = new int[max + 1];
        for (int l : label) {
            if (l > 0) {
                sizes[l]++;
            }
        }
        return sizes;
    }

    /** The polygons of {@code g} (a Polygon, MultiPolygon or a collection holding them) as one MultiPolygon. */
    static MultiPolygon asMultiPolygon(Geometry g, GeometryFactory factory) {
        if (g instanceof MultiPolygon mp) {
            return mp;
        }
        List<Polygon> polygons = new ArrayList<>();
        collectPolygons(g, polygons);
        return factory.createMultiPolygon(polygons.toArray(new Polygon[0]));
    }

    private static void collectPolygons(Geometry g, List<Polygon> out) {
        if (g instanceof Polygon p) {
            if (!p.isEmpty()) {
                out.add(p);
            }
            return;
        }
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part != g) {
                collectPolygons(part, out);
            }
        }
    }
}
