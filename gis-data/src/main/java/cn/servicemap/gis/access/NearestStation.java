package cn.servicemap.gis.access;

import org.locationtech.jts.geom.LineString;

/**
 * A station found by travel time from a query point.
 *
 * @param sourceIndex        index of the station in the list given to {@link NearestStations}
 * @param timeInMillis       travel time along the route in ms
 * @param distanceInMeters   length of the route in metres
 * @param route              the route as a WGS84 line string from the query's snapped point to the station's
 */
public record NearestStation(int sourceIndex, int timeInMillis, double distanceInMeters, LineString route) {
    /** Travel time in minutes. */
    public double minutes() {
        return timeInMillis / 60_000.0;
    }
}
