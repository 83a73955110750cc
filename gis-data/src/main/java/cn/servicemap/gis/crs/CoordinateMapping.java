package cn.servicemap.gis.crs;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A copy of a geometry with every coordinate's x and y replaced by a function of them: the one way the coordinate-system
 * code rewrites geometries (datum shifts, projections, axis swaps). Z and M values are kept; the copy is built by the
 * factory given (its SRID and precision model), and the input is never modified. A mapping changes points only, so a
 * caller whose mapping bends straight lines noticeably (a projection over a large extent) must densify first.
 */
public final class CoordinateMapping {

    /** Maps one point: writes the new x to {@code out[0]} and the new y to {@code out[1]}. */
    @FunctionalInterface
    public interface PointMapping {
        void map(double x, double y, double[] out);
    }

    private CoordinateMapping() {
    }

    /**
     * The geometry built again by {@code factory} with each coordinate mapped. The mapping is called once per
     * coordinate, in order, from the calling thread: a mapping may reuse state of its own between calls.
     */
    public static Geometry copy(Geometry geometry, GeometryFactory factory, PointMapping mapping) {
        Geometry copy = factory.createGeometry(geometry);
        double[] out = new double[2];
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                mapping.map(seq.getX(i), seq.getY(i), out);
                seq.setOrdinate(i, CoordinateSequence.X, out[0]);
                seq.setOrdinate(i, CoordinateSequence.Y, out[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }
}
