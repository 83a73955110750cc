package cn.servicemap.gis.network;

/**
 * Small spherical-earth helpers (WGS84 lon/lat in degrees, lengths in metres) for this package.
 *
 * <p>Package-private on purpose: once {@code cn.servicemap.gis.crs} lands, these should move onto its shared
 * haversine and local metric projection. The sphere has the IUGG mean radius; the error against the ellipsoid
 * is below 0.5 %, which is far below what matters for snapping and walking times.
 */
final class Geodesy {
    static final double EARTH_RADIUS_IN_METERS = 6_371_008.8;
    static final double METERS_PER_DEGREE = EARTH_RADIUS_IN_METERS * Math.PI / 180.0;

    private Geodesy() {
    }

    /** Great-circle distance in metres (haversine). */
    static double distanceInMeters(double lon1, double lat1, double lon2, double lat2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double sinPhi = Math.sin(dPhi / 2);
        double sinLambda = Math.sin(dLambda / 2);
        double h = sinPhi * sinPhi + Math.cos(phi1) * Math.cos(phi2) * sinLambda * sinLambda;
        return 2 * EARTH_RADIUS_IN_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Metres per degree of longitude at the given latitude (local equirectangular projection). */
    static double metersPerDegreeLon(double lat) {
        return METERS_PER_DEGREE * Math.cos(Math.toRadians(lat));
    }
}
