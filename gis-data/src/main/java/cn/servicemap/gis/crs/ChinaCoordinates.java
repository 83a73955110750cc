package cn.servicemap.gis.crs;

import java.util.Objects;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Conversions between WGS84 and the Chinese obfuscated systems GCJ-02 and BD-09 (lon/lat, degrees).
 *
 * <p>Algorithm: GCJ-02 is the widely published reconstruction of the official offset (Krasovsky
 * ellipsoid constants {@code a = 6378245 m}, {@code e² = 0.00669342162296594323}); BD-09 is Baidu's
 * published polar perturbation of GCJ-02. The forward directions (WGS84 → GCJ-02 → BD-09) are
 * closed formulas. The inverse directions have no closed form; they are solved here by fixed-point
 * iteration until the forward image matches the input to within 1e-10° (about 0.01 mm), so a round
 * trip returns the start point to well under a millimetre. (Many libraries use a one-step
 * approximation instead, which is off by up to about 5 m for GCJ-02 and 0.2 m for BD-09 in China.)
 *
 * <p>Limits: the GCJ-02 reconstruction agrees with coordinates taken from the online services to
 * within about a metre (0.65–0.68 m on the gcoord city fixtures used in the tests), not better. Outside
 * the coarse bounding box of {@link #isOutsideChina(double, double)} GCJ-02 equals WGS84 (BD-09 still
 * applies its own perturbation). CGCS2000 is treated as identical to WGS84: the two realisations
 * differ by a few centimetres, far below the accuracy of station data.
 */
public final class ChinaCoordinates {

    /** Spatial reference id given to converted geometries (WGS84 lon/lat). */
    public static final int WGS84_SRID = 4326;

    private static final double KRASOVSKY_A = 6378245.0;
    private static final double KRASOVSKY_EE = 0.00669342162296594323;
    private static final double BD_X_PI = Math.PI * 3000.0 / 180.0;
    private static final double INVERSE_TOLERANCE_DEG = 1e-10;
    private static final int INVERSE_MAX_ITERATIONS = 30;

    private ChinaCoordinates() {
    }

    /**
     * The coarse rectangle used by the public GCJ-02 algorithm: longitude 72.004–137.8347°E,
     * latitude 0.8293–55.8271°N. Points outside it are not offset. It includes parts of
     * neighbouring countries and is not a border test.
     */
    public static boolean isOutsideChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** WGS84 → GCJ-02 (closed formula). Points outside China are returned unchanged. */
    public static LonLat gcj02FromWgs84(double lon, double lat) {
        if (isOutsideChina(lon, lat)) {
            return new LonLat(lon, lat);
        }
        double[] d = gcjOffset(lon, lat);
        return new LonLat(lon + d[0], lat + d[1]);
    }

    /**
     * GCJ-02 → WGS84, the exact inverse of {@link #gcj02FromWgs84} by iteration (converges in
     * 3–5 steps, residual below 1e-10°). Points outside China are returned unchanged.
     */
    public static LonLat wgs84FromGcj02(double lon, double lat) {
        if (isOutsideChina(lon, lat)) {
            return new LonLat(lon, lat);
        }
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
            LonLat g = gcj02FromWgs84(wLon, wLat);
            double eLon = g.lon() - lon;
            double eLat = g.lat() - lat;
            wLon -= eLon;
            wLat -= eLat;
            if (Math.abs(eLon) < INVERSE_TOLERANCE_DEG && Math.abs(eLat) < INVERSE_TOLERANCE_DEG) {
                break;
            }
        }
        return new LonLat(wLon, wLat);
    }

    /** GCJ-02 → BD-09 (Baidu's closed formula; applied everywhere, also outside China). */
    public static LonLat bd09FromGcj02(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BD_X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BD_X_PI);
        return new LonLat(z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006);
    }

    /**
     * BD-09 → GCJ-02, the exact inverse of {@link #bd09FromGcj02}: the published one-step formula
     * (error up to about 0.2 m) refined by iteration to below 1e-10°.
     */
    public static LonLat gcj02FromBd09(double lon, double lat) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BD_X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BD_X_PI);
        double gLon = z * Math.cos(theta);
        double gLat = z * Math.sin(theta);
        for (int i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
            LonLat b = bd09FromGcj02(gLon, gLat);
            double eLon = b.lon() - lon;
            double eLat = b.lat() - lat;
            if (Math.abs(eLon) < INVERSE_TOLERANCE_DEG && Math.abs(eLat) < INVERSE_TOLERANCE_DEG) {
                break;
            }
            gLon -= eLon;
            gLat -= eLat;
        }
        return new LonLat(gLon, gLat);
    }

    /** WGS84 → BD-09 (via GCJ-02). */
    public static LonLat bd09FromWgs84(double lon, double lat) {
        LonLat gcj = gcj02FromWgs84(lon, lat);
        return bd09FromGcj02(gcj.lon(), gcj.lat());
    }

    /** BD-09 → WGS84 (via GCJ-02, both steps exact inverses). */
    public static LonLat wgs84FromBd09(double lon, double lat) {
        LonLat gcj = gcj02FromBd09(lon, lat);
        return wgs84FromGcj02(gcj.lon(), gcj.lat());
    }

    /** Converts a point given in {@code from} to WGS84 lon/lat. WGS84 and CGCS2000 are returned unchanged. */
    public static LonLat toWgs84(CoordinateSystem from, double lon, double lat) {
        return switch (Objects.requireNonNull(from, "from")) {
            case WGS84, CGCS2000 -> new LonLat(lon, lat);
            case GCJ02 -> wgs84FromGcj02(lon, lat);
            case BD09 -> wgs84FromBd09(lon, lat);
        };
    }

    /** Converts a WGS84 lon/lat point to {@code to}. WGS84 and CGCS2000 are returned unchanged. */
    public static LonLat fromWgs84(CoordinateSystem to, double lon, double lat) {
        return switch (Objects.requireNonNull(to, "to")) {
            case WGS84, CGCS2000 -> new LonLat(lon, lat);
            case GCJ02 -> gcj02FromWgs84(lon, lat);
            case BD09 -> bd09FromWgs84(lon, lat);
        };
    }

    /**
     * Converts every coordinate of a lon/lat geometry given in {@code from} to WGS84. The input is
     * not modified; the result is a new geometry built by a floating-precision factory with SRID
     * {@value #WGS84_SRID} (on every component). Z values are kept. Because the offset varies
     * smoothly (by less than 1 m per km), segment shapes need no densification.
     */
    public static Geometry toWgs84(CoordinateSystem from, Geometry geometry) {
        Objects.requireNonNull(from, "from");
        GeometryFactory wgs84 = new GeometryFactory(new PrecisionModel(), WGS84_SRID);
        if (from == CoordinateSystem.WGS84 || from == CoordinateSystem.CGCS2000) {
            return wgs84.createGeometry(geometry);
        }
        return CoordinateMapping.copy(geometry, wgs84, (x, y, out) -> {
            LonLat w = toWgs84(from, x, y);
            out[0] = w.lon();
            out[1] = w.lat();
        });
    }

    /** Returns {dLon, dLat} in degrees: GCJ-02 minus WGS84 at a WGS84 point inside China. */
    private static double[] gcjOffset(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        double common = (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        dLat += common;
        dLon += common;
        dLat += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        dLon += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        dLat += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        dLon += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;

        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1.0 - KRASOVSKY_EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((KRASOVSKY_A * (1.0 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }
}
