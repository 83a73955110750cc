package cn.servicemap.gis.districts;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * A district (区/县) with its boundary in WGS84.
 *
 * @param adcode       6-digit administrative code, e.g. 320102 (南京市玄武区)
 * @param parentAdcode the city's adcode, or null
 * @param level        "district", "city", ... as the source file says
 * @param geometry     boundary, WGS84 lon/lat, SRID 4326
 * @param areaKm2      area computed in a local metric projection
 */
public record DistrictBoundary(String adcode, String nameZh, String parentAdcode, String level,
                               MultiPolygon geometry, double areaKm2) {
}
