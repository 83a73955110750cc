package cn.servicemap.gis.districts;

/**
 * Resident population of a district from the 2020 census.
 *
 * @param urbanShare share of the population that is urban, 0..1, or null when unknown
 */
public record CensusRecord(String adcode, String name, long population, Double urbanShare) {
}
