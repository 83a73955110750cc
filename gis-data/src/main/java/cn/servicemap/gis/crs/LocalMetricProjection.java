package cn.servicemap.gis.crs;

import java.util.Locale;
import java.util.Objects;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A transverse Mercator projection on the WGS84 ellipsoid centred on a given point (scale 1 on the
 * central meridian, false easting/northing 0), for measuring areas and building buffers in metres
 * around one city or district. Computed with proj4j
 * ({@code +proj=tmerc +lat_0=… +lon_0=… +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m}).
 *
 * <p>Metric coordinates are x = metres east, y = metres north of the centre. Limits: the scale error
 * grows with the square of the east–west distance from the centre, about 0.012% in length (0.025% in
 * area) at 100 km and 0.1% at 300 km; use one projection per city-sized area, not for a whole
 * province. Geometries returned in metres carry SRID 0 (no EPSG code), those returned in lon/lat
 * carry SRID 4326.
 *
 * <p>Instances are immutable and safe for concurrent use: each call builds its own proj4j transform
 * (proj4j transforms are not documented as thread-safe); only the parsed, read-only CRS definitions
 * are shared.
 */
public final class LocalMetricProjection {

    private static final int METRIC_SRID = 0;

    private final double centreLon;
    private final double centreLat;
    private final CoordinateReferenceSystem geographic;
    private final CoordinateReferenceSystem metric;

    /**
     * @param centreLon central meridian, WGS84 degrees in [-180, 180]
     * @param centreLat latitude of origin, WGS84 degrees in [-90, 90]
     */
    public LocalMetricProjection(double centreLon, double centreLat) {
        if (!(centreLon >= -180 && centreLon <= 180 && centreLat >= -90 && centreLat <= 90)) {
            throw new IllegalArgumentException("centre must be WGS84 lon in [-180,180] and lat in [-90,90], was "
                    + centreLon + ", " + centreLat);
        }
        this.centreLon = centreLon;
        this.centreLat = centreLat;
        CRSFactory factory = new CRSFactory();
        this.geographic = factory.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
        this.metric = factory.createFromParameters("local-tmerc", String.format(Locale.ROOT,
                "+proj=tmerc +lat_0=%.10f +lon_0=%.10f +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs",
                centreLat, centreLon));
    }

    /** A projection centred on the middle of a non-empty WGS84 lon/lat envelope. */
    public static LocalMetricProjection centredOn(Envelope wgs84) {
        if (Objects.requireNonNull(wgs84, "wgs84").isNull()) {
            throw new IllegalArgumentException("cannot centre a projection on an empty envelope");
        }
        return new LocalMetricProjection(wgs84.centre().x, wgs84.centre().y);
    }

    /** Central meridian in WGS84 degrees. */
    public double centreLon() {
        return centreLon;
    }

    /** Latitude of origin in WGS84 degrees. */
    public double centreLat() {
        return centreLat;
    }

    /** Projects one WGS84 point; the result is metres east (x) and north (y) of the centre. */
    public Coordinate toMetric(double lon, double lat) {
        ProjCoordinate out = new BasicCoordinateTransform(geographic, metric)
                .transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
        return new Coordinate(out.x, out.y);
    }

    /** Unprojects one metric point (metres from the centre) to WGS84 lon/lat. */
    public LonLat toWgs84(double xMeters, double yMeters) {
        ProjCoordinate out = new BasicCoordinateTransform(metric, geographic)
                .transform(new ProjCoordinate(xMeters, yMeters), new ProjCoordinate());
        return new LonLat(out.x, out.y);
    }

    /** A copy of a WGS84 lon/lat geometry in metres (SRID 0). The input is not modified. */
    public Geometry toMetric(Geometry wgs84) {
        return transform(wgs84, new BasicCoordinateTransform(geographic, metric), METRIC_SRID);
    }

    /** A copy of a metric geometry of this projection in WGS84 lon/lat (SRID 4326). The input is not modified. */
    public Geometry toWgs84(Geometry metricGeometry) {
        return transform(metricGeometry, new BasicCoordinateTransform(metric, geographic), ChinaCoordinates.WGS84_SRID);
    }

    private static Geometry transform(Geometry geometry, BasicCoordinateTransform transform, int srid) {
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        return CoordinateMapping.copy(geometry, new GeometryFactory(new PrecisionModel(), srid), (x, y, xy) -> {
            in.x = x;
            in.y = y;
            in.z = Double.NaN;
            transform.transform(in, out);
            xy[0] = out.x;
            xy[1] = out.y;
        });
    }

    @Override
    public String toString() {
        return "LocalMetricProjection[tmerc centred on " + centreLon + ", " + centreLat + "]";
    }
}
