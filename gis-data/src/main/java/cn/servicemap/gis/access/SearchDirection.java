package cn.servicemap.gis.access;

/**
 * Which way the travel time is measured; it matters only for profiles with one-way streets (e-bike, car).
 */
public enum SearchDirection {
    /** Time from each place to its nearest station: the worker's trip to the station (the default). */
    TO_SOURCES,
    /** Time from the nearest station to each place: e.g. a mobile service driving out. */
    FROM_SOURCES
}
