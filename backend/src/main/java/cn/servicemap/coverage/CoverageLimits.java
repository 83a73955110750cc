package cn.servicemap.coverage;

import cn.servicemap.gis.network.BoundingBox;
import cn.servicemap.system.InvalidRequestException;

/**
 * The limits of coverage requests, in one place: they keep one request's work and answer bounded. The
 * OpenAPI document shows them on each parameter.
 */
public final class CoverageLimits {

    /** At most this many bands in one request. */
    public static final int MAX_BANDS = 6;
    /** A band is 1 to 120 minutes. */
    public static final int MIN_BAND_MINUTES = 1;
    public static final int MAX_BAND_MINUTES = 120;
    /** At most this many nearest stations in one answer. */
    public static final int MAX_NEAREST = 20;
    /** At most this many gaps in one answer. */
    public static final int MAX_GAPS = 100;
    /** At most this many changes in one what-if or scenario. */
    public static final int MAX_CHANGES = 50;
    /** A drawing window (bbox) spans at most this many degrees of longitude and of latitude (about 300 km). */
    public static final double MAX_WINDOW_DEGREES = 3.0;

    /** The window itself, or a 400 naming {@code field} when it spans more than {@value #MAX_WINDOW_DEGREES}°. */
    static BoundingBox window(BoundingBox window, String field) {
        if (window != null && (window.maxLon() - window.minLon() > MAX_WINDOW_DEGREES || window.maxLat() - window.minLat() > MAX_WINDOW_DEGREES)) {
            throw new InvalidRequestException(field, "绘制范围每边最多 " + MAX_WINDOW_DEGREES + " 度 (the window spans at most "
                    + MAX_WINDOW_DEGREES + " degrees each way)");
        }
        return window;
    }

    private CoverageLimits() {
    }
}
