package cn.servicemap.gis.access;

import org.locationtech.jts.geom.Geometry;

/**
 * An area reached within a time band: {@code fromSeconds < time <= toSeconds} (nested bands have
 * {@code fromSeconds = 0}).
 *
 * @param fromSeconds        lower limit of the band (exclusive, 0 for nested bands)
 * @param toSeconds          upper limit of the band (inclusive)
 * @param area               a valid (Multi)Polygon in WGS84 lon/lat, possibly empty
 * @param areaInSquareMeters the area in square metres (exact for the raster)
 */
public record ServiceBand(int fromSeconds, int toSeconds, Geometry area, double areaInSquareMeters) {
}
