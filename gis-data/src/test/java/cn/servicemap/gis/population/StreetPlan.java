package cn.servicemap.gis.population;

import cn.servicemap.gis.crs.LocalMetricProjection;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.osm.OsmFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Hand-made road networks for tests, drawn in metres east/north of a point in an empty corner of
 * the map and returned as OSM ways in WGS84. Every street is cut into one way per block so that
 * streets meeting at a grid node share that node, as OSM streets do.
 */
final class StreetPlan {

    static final LocalMetricProjection PLAN = new LocalMetricProjection(116.0, 30.0);
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final List<OsmFeature> ways = new ArrayList<>();
    private long nextId = 1;

    /**
     * A mesh of streets every {@code spacing} metres over [x0, x1] × [y0, y1], without the blocks
     * whose middle lies inside {@code gap} (null: none) — a lake, a park without paths.
     */
    StreetPlan mesh(double x0, double y0, double x1, double y1, double spacing, Envelope gap) {
        for (double y = y0; y <= y1 + 1e-9; y += spacing) {
            for (double x = x0; x < x1 - 1e-9; x += spacing) {
                if (gap == null || !gap.contains(x + spacing / 2, y) || onEdge(gap, x + spacing / 2, y)) {
                    road("residential", x, y, x + spacing, y);
                }
            }
        }
        for (double x = x0; x <= x1 + 1e-9; x += spacing) {
            for (double y = y0; y < y1 - 1e-9; y += spacing) {
                if (gap == null || !gap.contains(x, y + spacing / 2) || onEdge(gap, x, y + spacing / 2)) {
                    road("residential", x, y, x, y + spacing);
                }
            }
        }
        return this;
    }

    private static boolean onEdge(Envelope e, double x, double y) {
        return x == e.getMinX() || x == e.getMaxX() || y == e.getMinY() || y == e.getMaxY();
    }

    /** One straight way from (x0, y0) to (x1, y1), metres. */
    StreetPlan road(String highway, double x0, double y0, double x1, double y1) {
        ways.add(new OsmFeature('w', nextId++, Map.of("highway", highway),
                WGS84.createLineString(new Coordinate[]{wgs84(x0, y0), wgs84(x1, y1)})));
        return this;
    }

    List<OsmFeature> ways() {
        return List.copyOf(ways);
    }

    static Coordinate wgs84(double x, double y) {
        LonLat p = PLAN.toWgs84(x, y);
        return new Coordinate(p.lon(), p.lat());
    }

    static boolean contains(StudyArea area, double x, double y) {
        Coordinate c = wgs84(x, y);
        return area.contains(c.x, c.y);
    }
}
