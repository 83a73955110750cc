package cn.servicemap.districts;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * A district as stored: boundary in WGS84 and, when imported, its census population.
 *
 * @param population  resident population (2020 census), or null before census import
 * @param urbanShare  urban share 0..1, or null
 */
public record District(String adcode, String nameZh, String parentAdcode, String level, MultiPolygon geometry,
                       double areaKm2, Long population, Double urbanShare, String populationSource,
                       String boundarySource, boolean synthetic) {
}
