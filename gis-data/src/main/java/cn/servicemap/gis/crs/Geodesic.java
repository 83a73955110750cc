package cn.servicemap.gis.crs;

/**
 * Great-circle computations on a sphere of the IUGG mean Earth radius (6 371 008.8 m), for WGS84
 * lon/lat in degrees.
 *
 * <p>Accuracy: the sphere differs from the WGS84 ellipsoid by at most about 0.5% in distance
 * (typically under 0.3% at China's latitudes), which is far below what walking-distance questions
 * need. For areas and buffers use {@link LocalMetricProjection} instead.
 */
public final class Geodesic {

    /** Mean Earth radius R1 = (2a + b) / 3 of WGS84, in metres. */
    public static final double MEAN_EARTH_RADIUS_METERS = 6_371_008.8;

    /** Metres per degree along a meridian (and along the equator) on that sphere. */
    public static final double METERS_PER_DEGREE = MEAN_EARTH_RADIUS_METERS * Math.PI / 180.0;

    private Geodesic() {
    }

    /**
     * Metres per degree of latitude: on the sphere the same at every latitude ({@link #METERS_PER_DEGREE},
     * about 111 195 m). For a local equirectangular approximation, with {@link #metersPerDegreeLon(double)}.
     */
    public static double metersPerDegreeLat() {
        return METERS_PER_DEGREE;
    }

    /** Metres per degree of longitude at a latitude: for a local equirectangular approximation over short distances. */
    public static double metersPerDegreeLon(double lat) {
        return METERS_PER_DEGREE * Math.cos(Math.toRadians(lat));
    }

    /**
     * Haversine distance between two WGS84 points, in metres (0 to about 20 015 km).
     * Numerically stable for short distances.
     */
    public static double distanceMeters(double lon1, double lat1, double lon2, double lat2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double sinHalfDPhi = Math.sin((phi2 - phi1) / 2.0);
        double sinHalfDLambda = Math.sin(Math.toRadians(lon2 - lon1) / 2.0);
        double h = sinHalfDPhi * sinHalfDPhi + Math.cos(phi1) * Math.cos(phi2) * sinHalfDLambda * sinHalfDLambda;
        return 2.0 * MEAN_EARTH_RADIUS_METERS * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    /**
     * The point reached by travelling {@code distanceMeters} along a great circle from a WGS84
     * start point with initial bearing {@code bearingDegrees} (0 = north, 90 = east).
     * The returned longitude is normalised to [-180, 180).
     */
    public static LonLat destination(double lon, double lat, double bearingDegrees, double distanceMeters) {
        double delta = distanceMeters / MEAN_EARTH_RADIUS_METERS;
        double theta = Math.toRadians(bearingDegrees);
        double phi1 = Math.toRadians(lat);
        double lambda1 = Math.toRadians(lon);
        double sinPhi2 = Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta);
        double phi2 = Math.asin(Math.max(-1.0, Math.min(1.0, sinPhi2)));
        double lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
                Math.cos(delta) - Math.sin(phi1) * sinPhi2);
        double lon2 = Math.toDegrees(lambda2);
        lon2 = ((lon2 + 540.0) % 360.0) - 180.0;
        return new LonLat(lon2, Math.toDegrees(phi2));
    }
}
