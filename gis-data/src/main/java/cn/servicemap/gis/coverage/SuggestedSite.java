package cn.servicemap.gis.coverage;

/**
 * The street point where one new station would cover the most people not covered now.
 *
 * @param lon                WGS84
 * @param lat                WGS84
 * @param street             the street's name, "" when it has none
 * @param peopleNewlyCovered people now outside the band who would be inside it with a station here
 */
public record SuggestedSite(double lon, double lat, String street, double peopleNewlyCovered) {
}
