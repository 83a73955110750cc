package cn.servicemap.gis.access;

import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.network.RoadNetwork;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;

/**
 * Appends parts of edge geometries to coordinate lists, with fractions measured along the geometry in the same
 * local equirectangular projection as {@link RoadNetwork#snap} (metres per degree of longitude taken at the
 * edge's first point). Package-private helper; WGS84 lon/lat in and out.
 */
final class EdgePortions {
    private static final double METERS_PER_DEGREE = Geodesic.METERS_PER_DEGREE;

    private EdgePortions() {
    }

    /**
     * Appends the part of {@code edge} between fractions {@code from} and {@code to} (to &lt; from walks the
     * geometry backwards), skipping a first point equal to the list's last point.
     */
    static void append(RoadNetwork net, int edge, double from, double to, CoordinateList out) {
        int n = net.edgePointCount(edge);
        double kx = METERS_PER_DEGREE * Math.cos(Math.toRadians(net.edgePointLat(edge, 0)));
        double[] cumulative = new double[n];
        for (int i = 1; i < n; i++)
            cumulative[i] = cumulative[i - 1] + Math.hypot(
                    (net.edgePointLon(edge, i) - net.edgePointLon(edge, i - 1)) * kx,
                    (net.edgePointLat(edge, i) - net.edgePointLat(edge, i - 1)) * METERS_PER_DEGREE);
        double total = cumulative[n - 1];
        double a = from * total, b = to * total;
        out.add(point(net, edge, cumulative, a), false);
        if (a <= b) {
            for (int i = 0; i < n; i++)
                if (cumulative[i] > a && cumulative[i] < b)
                    out.add(new Coordinate(net.edgePointLon(edge, i), net.edgePointLat(edge, i)), false);
        } else {
            for (int i = n - 1; i >= 0; i--)
                if (cumulative[i] < a && cumulative[i] > b)
                    out.add(new Coordinate(net.edgePointLon(edge, i), net.edgePointLat(edge, i)), false);
        }
        out.add(point(net, edge, cumulative, b), false);
    }

    private static Coordinate point(RoadNetwork net, int edge, double[] cumulative, double at) {
        int n = cumulative.length;
        for (int i = 1; i < n; i++) {
            if (at <= cumulative[i] || i == n - 1) {
                double len = cumulative[i] - cumulative[i - 1];
                double t = len <= 0 ? 0 : Math.max(0, Math.min(1, (at - cumulative[i - 1]) / len));
                return new Coordinate(
                        net.edgePointLon(edge, i - 1) + t * (net.edgePointLon(edge, i) - net.edgePointLon(edge, i - 1)),
                        net.edgePointLat(edge, i - 1) + t * (net.edgePointLat(edge, i) - net.edgePointLat(edge, i - 1)));
            }
        }
        return new Coordinate(net.edgePointLon(edge, 0), net.edgePointLat(edge, 0));
    }
}
