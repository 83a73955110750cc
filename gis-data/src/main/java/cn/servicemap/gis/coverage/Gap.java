package cn.servicemap.gis.coverage;

import org.locationtech.jts.geom.Geometry;

/**
 * A connected area of the study area outside every station's band, with the people living in it.
 *
 * @param rank    1 for the gap holding the most people
 * @param outline WGS84, the union of its population cells
 * @param adcode  the district holding most of its people
 * @param site    the best street point for a new station, or null when no street touches the gap
 */
public record Gap(int rank, int bandMinutes, double people, double areaKm2, Geometry outline, String adcode,
                  SuggestedSite site) {
}
