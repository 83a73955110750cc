package cn.servicemap.gis.access;

import org.locationtech.jts.geom.Geometry;

/**
 * The area, within the largest band, where one source is the nearest by travel time.
 *
 * @param sourceIndex        the source's index in the field
 * @param area               a valid (Multi)Polygon in WGS84 lon/lat
 * @param areaInSquareMeters the area in square metres (exact for the raster)
 */
public record Catchment(int sourceIndex, Geometry area, double areaInSquareMeters) {
}
