package cn.servicemap.gis.crs;

/**
 * A longitude/latitude pair in decimal degrees. Which datum it is in (WGS84, GCJ-02, …) is
 * given by context: the method that produced it says so. No range check is made.
 *
 * @param lon longitude in degrees, east positive
 * @param lat latitude in degrees, north positive
 */
public record LonLat(double lon, double lat) {
}
