package cn.servicemap.gis.network;

/**
 * A query point placed on the nearest edge a profile may use. Coordinates are WGS84 lon/lat degrees.
 *
 * <p>When nothing usable lies within the requested distance the result has {@link Status#TOO_FAR} and still
 * describes the nearest usable edge (so the caller can say "512 m from the nearest road"); such a snap must not
 * be used as a search source. {@link Status#NO_ROAD} means the profile can use no edge at all.
 *
 * @param profile          the profile whose edges were considered
 * @param queryLon         the query longitude
 * @param queryLat         the query latitude
 * @param status           whether the point was snapped
 * @param edge             the edge id, -1 for {@link Status#NO_ROAD}
 * @param baseNode         the edge's base node (fraction 0)
 * @param adjNode          the edge's adj node (fraction 1)
 * @param fraction         position along the edge geometry from base to adj as a share of its length, [0, 1]
 * @param lon              the snapped longitude on the edge geometry
 * @param lat              the snapped latitude on the edge geometry
 * @param distanceInMeters great-circle distance from the query point to the snapped point
 * @param component        the connected piece of the profile's network the edge belongs to (null for NO_ROAD)
 */
public record Snap(TravelProfile profile, double queryLon, double queryLat, Status status, int edge, int baseNode,
                   int adjNode, double fraction, double lon, double lat, double distanceInMeters,
                   Component component) {

    /** Outcome of snapping. */
    public enum Status {
        /** On an edge within the maximum distance. */
        SNAPPED,
        /** The nearest usable edge is farther than the maximum distance: too far from any road. */
        TOO_FAR,
        /** The profile can use no edge of the network. */
        NO_ROAD
    }

    public Snap {
        if (status != Status.NO_ROAD && (fraction < 0 || fraction > 1))
            throw new IllegalArgumentException("fraction must be in [0, 1]: " + fraction);
    }

    /** Whether the point lies on a usable edge and may serve as a search source or query. */
    public boolean isSnapped() {
        return status == Status.SNAPPED;
    }

    /**
     * Whether the edge lies on a small piece cut off from the main network (e.g. a courtyard path or a one-way
     * loop): a station there is flagged, not dropped.
     */
    public boolean isOnSmallComponent() {
        return component != null && !component.main();
    }

    /** Throws if the point is not {@linkplain #isSnapped() snapped}. */
    public Snap requireSnapped() {
        if (!isSnapped())
            throw new IllegalArgumentException("point (" + queryLon + ", " + queryLat + ") is not on the "
                    + profile + " network: " + status
                    + (status == Status.TOO_FAR ? String.format(", nearest road %.0f m away", distanceInMeters) : ""));
        return this;
    }
}
