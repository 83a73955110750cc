package cn.servicemap.gis.population;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Which cell of a {@link PopulationSurface} holds a WGS84 point. The point is projected into the surface's metric
 * grid; its grid square (column and row by floor division, so a point on a grid line belongs to the square above and
 * to the right of it) names the candidate cells: a whole square is the answer at once; a square cut into pieces by a
 * district boundary or the study area's edge is tested piece by piece against the pieces' metric outlines (prepared on
 * first use), a point on the edge between two pieces counting for the first in cell order. Where simplified district
 * outlines overlap, a square may hold cells of two districts: the first in cell order wins, so a point is never counted
 * twice. A point outside every cell (beyond the study area, or in a sliver dropped under
 * {@value PopulationSurface#MIN_PIECE_IN_SQUARE_METERS} m²) has none.
 *
 * <p>Costs: O(cells) to build; a lookup is one projection and a hash lookup, plus a point-in-polygon test per piece of
 * a cut square. Not thread-safe (outlines are prepared lazily): one per builder.
 */
final class CellLocator {

    private final PopulationSurface surface;
    /** Grid square (column and row packed into a long) → its whole-square cell. */
    private final Map<Long, Integer> whole = new HashMap<>();
    /** Grid square → the cells that are pieces of it, in cell order. */
    private final Map<Long, int[]> pieces = new HashMap<>();
    private final Map<Integer, PreparedGeometry> outlines = new HashMap<>();

    CellLocator(PopulationSurface surface) {
        this.surface = surface;
        for (int i = 0; i < surface.size(); i++) {
            long key = key(surface.column(i), surface.row(i));
            if (surface.isWholeSquare(i)) {
                whole.putIfAbsent(key, i);
            } else {
                int[] old = pieces.getOrDefault(key, new int[0]);
                int[] more = Arrays.copyOf(old, old.length + 1);
                more[old.length] = i;
                pieces.put(key, more);
            }
        }
    }

    private static long key(int column, int row) {
        return ((long) column << 32) ^ (row & 0xffffffffL);
    }

    /** The cell holding WGS84 ({@code lon}, {@code lat}), or -1 when no cell does. */
    int cellAt(double lon, double lat) {
        Coordinate m = surface.projection().toMetric(lon, lat);
        double size = surface.cellSizeInMeters();
        long key = key((int) Math.floor((m.x - surface.gridX()) / size), (int) Math.floor((m.y - surface.gridY()) / size));
        Integer cell = whole.get(key);
        if (cell != null) {
            return cell;
        }
        int[] candidates = pieces.get(key);
        if (candidates != null) {
            Point p = StudyArea.METRIC.createPoint(m);
            for (int piece : candidates) {
                if (outlines.computeIfAbsent(piece, c -> PreparedGeometryFactory.prepare(surface.metricCellPolygon(c))).covers(p)) {
                    return piece;
                }
            }
        }
        return -1;
    }
}
