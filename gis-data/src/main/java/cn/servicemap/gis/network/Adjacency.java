package cn.servicemap.gis.network;

/**
 * One direction of a profile's road graph in compressed sparse row form: for a node {@code v} its arcs are
 * {@code begin(v) <= arc < end(v)}. Arrays are primitive and never change after construction, so the class is
 * safe to share between threads and cheap to walk in hot loops (the JIT inlines the accessors).
 *
 * <p>An arc is one allowed travel direction of one edge. In the {@linkplain ProfileGraph#outgoing() outgoing}
 * adjacency the arcs of {@code v} leave {@code v}; in the {@linkplain ProfileGraph#incoming() incoming} adjacency
 * they arrive at {@code v} and {@link #target(int)} is the node they come from. In both, {@link #timeInMillis(int)}
 * is the travel time of the arc and {@link #isAgainstEdge(int)} tells whether the travel goes from the edge's adj
 * node to its base node.
 */
public final class Adjacency {
    private final int[] first;
    /** target and time interleaved: {@code [2 * arc] = target, [2 * arc + 1] = time in ms}. */
    private final int[] targetAndTime;
    /** {@code edge << 1 | (against edge ? 1 : 0)}. */
    private final int[] edgeKey;

    Adjacency(int[] first, int[] targetAndTime, int[] edgeKey) {
        this.first = first;
        this.targetAndTime = targetAndTime;
        this.edgeKey = edgeKey;
    }

    /**
     * The incoming adjacency of a graph whose every edge takes the same time both ways, from its outgoing one: the
     * same nodes and times per node (shared arrays), each arc's direction along its edge turned round.
     */
    Adjacency reversed() {
        int[] keys = new int[edgeKey.length];
        for (int arc = 0; arc < keys.length; arc++)
            keys[arc] = edgeKey[arc] ^ 1;
        return new Adjacency(first, targetAndTime, keys);
    }

    /** Number of nodes (the same as the network's). */
    public int nodeCount() {
        return first.length - 1;
    }

    /** Number of arcs. */
    public int arcCount() {
        return edgeKey.length;
    }

    /** First arc of {@code node}. */
    public int begin(int node) {
        return first[node];
    }

    /** One past the last arc of {@code node}. */
    public int end(int node) {
        return first[node + 1];
    }

    /** The node at the other end of the arc. */
    public int target(int arc) {
        return targetAndTime[arc << 1];
    }

    /** Travel time along the arc in milliseconds (&gt;= 0). */
    public int timeInMillis(int arc) {
        return targetAndTime[(arc << 1) + 1];
    }

    /** The network edge id of the arc. */
    public int edge(int arc) {
        return edgeKey[arc] >>> 1;
    }

    /** Whether travel on this arc goes from the edge's adj node to its base node. */
    public boolean isAgainstEdge(int arc) {
        return (edgeKey[arc] & 1) != 0;
    }
}
