package cn.servicemap.gis.districts;

import cn.servicemap.gis.crs.Geodesic;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Finds the district a WGS84 point lies in (point-in-polygon over prepared geometries in an
 * STR-tree). Boundaries from DataV are simplified, so a point just outside every district but
 * within {@code toleranceInMeters} of one is given the nearest; farther out it is outside the
 * region. Immutable and safe for concurrent use.
 */
public final class DistrictLocator {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private record Entry(String adcode, Geometry geometry, PreparedGeometry prepared) {
    }

    private final STRtree index = new STRtree();
    private final double toleranceInMeters;
    private final int size;

    public DistrictLocator(Collection<DistrictBoundary> districts, double toleranceInMeters) {
        this.toleranceInMeters = toleranceInMeters;
        for (DistrictBoundary d : districts) {
            index.insert(d.geometry().getEnvelopeInternal(),
                    new Entry(d.adcode(), d.geometry(), PreparedGeometryFactory.prepare(d.geometry())));
        }
        index.build();
        this.size = districts.size();
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The adcode of the district containing the point, or of the nearest one within the tolerance. */
    public Optional<String> locate(double lon, double lat) {
        Point p = WGS84.createPoint(new Coordinate(lon, lat));
        @SuppressWarnings("unchecked")
        List<Entry> candidates = index.query(new Envelope(p.getCoordinate()));
        for (Entry e : candidates) {
            if (e.prepared().covers(p)) {
                return Optional.of(e.adcode());
            }
        }
        // a degree of longitude, never taken shorter than a fifth of a degree of latitude (near the poles)
        double degrees = toleranceInMeters / Math.max(0.2 * Geodesic.metersPerDegreeLat(), Geodesic.metersPerDegreeLon(lat));
        Envelope search = new Envelope(p.getCoordinate());
        search.expandBy(degrees);
        @SuppressWarnings("unchecked")
        List<Entry> near = index.query(search);
        String best = null;
        double bestMeters = toleranceInMeters;
        for (Entry e : near) {
            Coordinate[] closest = DistanceOp.nearestPoints(e.geometry(), p);
            double meters = Geodesic.distanceMeters(lon, lat, closest[0].x, closest[0].y);
            if (meters <= bestMeters) {
                bestMeters = meters;
                best = e.adcode();
            }
        }
        return Optional.ofNullable(best);
    }
}
