package cn.servicemap.gis.coverage;

import java.util.List;

/**
 * Coverage of one district (or of the whole region, with a null adcode and a null name), over the part of it the road
 * network covers — never the whole district's people unless the network covers all of it.
 *
 * @param censusPeople      the district's census population (all of it), or null when unknown
 * @param coveredAreaKm2    area of the district inside the study area
 * @param coveredShareOfArea that area ÷ the district's area, 0..1
 * @param people            people estimated to live in the covered part (the population surface)
 * @param populationMethod  how that estimate was made, for the report
 * @param roadKm            street length of the profile inside the covered part
 * @param meanMinutes       people-weighted mean travel time to the nearest station over people reached within the search limit, or null
 * @param p90Minutes        the time within which 90 % of the people reach a station, or null when more than 10 % are beyond the search limit
 * @param peopleBeyondLimit people on the network with no station within the search limit
 * @param peopleFarFromRoad people whose place is farther than the off-road limit from any street of the main network
 */
public record DistrictCoverage(String adcode, String nameZh, Long censusPeople, double districtAreaKm2,
                               double coveredAreaKm2, double coveredShareOfArea, double people, String populationMethod,
                               double roadKm, List<BandCoverage> bands, Double meanMinutes, Double p90Minutes,
                               double peopleBeyondLimit, double peopleFarFromRoad) {

    public DistrictCoverage {
        bands = List.copyOf(bands);
    }
}
