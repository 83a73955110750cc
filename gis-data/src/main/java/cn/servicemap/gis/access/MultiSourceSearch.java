package cn.servicemap.gis.access;

import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;

import java.util.List;

/**
 * One Dijkstra from all sources at once: every node gets the travel time to (or from) its nearest source and
 * that source's index, up to a time limit.
 *
 * <p>Algorithm: each source is a point snapped on an edge; the edge's two end nodes are seeded with the time of
 * the partial edge between them and the point (one-way rules respected, so one seed may be missing). Labels are
 * (time, source index) pairs compared lexicographically, so ties go to the lower index and the result equals the
 * minimum over single-source searches exactly. A binary heap of packed longs with lazy deletion; nothing beyond
 * the limit is ever pushed. O((V + A) log V) for the reached part, two int arrays of V for the result.
 *
 * <p>Units: time limits in seconds in, milliseconds out. Coordinates of sources are WGS84 via their snaps.
 */
public final class MultiSourceSearch {
    private final RoadNetwork network;
    private final TravelProfile profile;
    private final int timeLimitInSeconds;
    private final SearchDirection direction;

    /** A search measuring the trip from each place to its nearest source ({@link SearchDirection#TO_SOURCES}). */
    public MultiSourceSearch(RoadNetwork network, TravelProfile profile, int timeLimitInSeconds) {
        this(network, profile, timeLimitInSeconds, SearchDirection.TO_SOURCES);
    }

    public MultiSourceSearch(RoadNetwork network, TravelProfile profile, int timeLimitInSeconds,
                             SearchDirection direction) {
        if (timeLimitInSeconds < 0 || timeLimitInSeconds > 24 * 3600)
            throw new IllegalArgumentException("time limit must be within 0..86400 s: " + timeLimitInSeconds);
        this.network = network;
        this.profile = profile;
        this.timeLimitInSeconds = timeLimitInSeconds;
        this.direction = direction;
    }

    /** Convenience: the field of all sources, trip to the nearest source, cut off at the limit. */
    public static AccessField compute(RoadNetwork network, TravelProfile profile, List<Snap> sources,
                                      int timeLimitInSeconds) {
        return new MultiSourceSearch(network, profile, timeLimitInSeconds).run(sources);
    }

    /**
     * Runs the search. Source {@code i} of the list keeps index {@code i}; null entries are allowed and mean an
     * empty slot.
     *
     * @throws IllegalArgumentException if a source is not {@linkplain Snap#isSnapped() snapped} for this profile
     */
    public AccessField run(List<Snap> sources) {
        FieldEngine engine = new FieldEngine(network, profile, direction, timeLimitInSeconds * 1000);
        return AccessField.compute(engine, sources.toArray(new Snap[0]));
    }
}
