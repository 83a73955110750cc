package cn.servicemap.gis.network;

import java.util.Arrays;

/**
 * The road network as one {@link TravelProfile} sees it: per edge and direction the travel time in
 * milliseconds (or {@link #NO_ACCESS}), both adjacencies in compressed sparse row form, and the connected
 * components.
 *
 * <p>Immutable and thread-safe. Memory: about 40 bytes per usable edge plus 12 bytes per node.
 */
public final class ProfileGraph {
    /** Marker for a direction of an edge the profile may not use. */
    public static final int NO_ACCESS = -1;

    private final TravelProfile profile;
    private final int[] forwardMillis;
    private final int[] backwardMillis;
    private final Adjacency outgoing;
    private final Adjacency incoming;
    private final int[] nodeComponent;
    /** The network's edge ends (shared, not copied): an edge's component follows from its ends' (no array of its own). */
    private final int[] edgeBase;
    private final int[] edgeAdj;
    private final Component[] components;
    private final int mainComponent;

    private ProfileGraph(TravelProfile profile, int[] forwardMillis, int[] backwardMillis, Adjacency outgoing,
                         Adjacency incoming, int[] nodeComponent, int[] edgeBase, int[] edgeAdj, Component[] components) {
        this.profile = profile;
        this.forwardMillis = forwardMillis;
        this.backwardMillis = backwardMillis;
        this.outgoing = outgoing;
        this.incoming = incoming;
        this.nodeComponent = nodeComponent;
        this.edgeBase = edgeBase;
        this.edgeAdj = edgeAdj;
        this.components = components;
        int main = -1;
        for (Component c : components)
            if (c.main())
                main = c.id();
        this.mainComponent = main;
    }

    /**
     * Builds the adjacencies and components from per-edge times.
     *
     * @param forwardMillis  time base→adj per edge, {@link #NO_ACCESS} if not allowed
     * @param backwardMillis time adj→base per edge, {@link #NO_ACCESS} if not allowed
     */
    static ProfileGraph build(TravelProfile profile, int nodeCount, int[] edgeBase, int[] edgeAdj,
                              double[] edgeDistance, int[] forwardMillis, int[] backwardMillis) {
        int edgeCount = edgeBase.length;
        int[] outDegree = new int[nodeCount + 1];
        int[] inDegree = new int[nodeCount + 1];
        for (int e = 0; e < edgeCount; e++) {
            if (forwardMillis[e] >= 0) {
                outDegree[edgeBase[e]]++;
                inDegree[edgeAdj[e]]++;
            }
            if (backwardMillis[e] >= 0) {
                outDegree[edgeAdj[e]]++;
                inDegree[edgeBase[e]]++;
            }
        }
        Adjacency out = fill(nodeCount, outDegree, edgeBase, edgeAdj, forwardMillis, backwardMillis, false);
        Adjacency in = symmetric(forwardMillis, backwardMillis)
                ? out.reversed()
                : fill(nodeCount, inDegree, edgeBase, edgeAdj, forwardMillis, backwardMillis, true);
        int[] nodeComponent = profile.isDirected()
                ? ComponentFinder.stronglyConnected(out)
                : ComponentFinder.undirected(out, in);
        int componentCount = 0;
        for (int c : nodeComponent)
            componentCount = Math.max(componentCount, c + 1);
        int[] nodes = new int[componentCount];
        for (int c : nodeComponent)
            if (c >= 0)
                nodes[c]++;
        int[] edges = new int[componentCount];
        double[] lengths = new double[componentCount];
        for (int e = 0; e < edgeCount; e++) {
            if (forwardMillis[e] < 0 && backwardMillis[e] < 0)
                continue;
            int c = larger(nodeComponent[edgeBase[e]], nodeComponent[edgeAdj[e]], nodes);
            edges[c]++;
            lengths[c] += edgeDistance[e];
        }
        int main = -1;
        for (int c = 0; c < componentCount; c++)
            if (main < 0 || edges[c] > edges[main] || edges[c] == edges[main] && lengths[c] > lengths[main])
                main = c;
        Component[] components = new Component[componentCount];
        for (int c = 0; c < componentCount; c++)
            components[c] = new Component(c, nodes[c], edges[c], lengths[c], c == main);
        return new ProfileGraph(profile, forwardMillis, backwardMillis, out, in, nodeComponent, edgeBase, edgeAdj,
                components);
    }

    /**
     * Whether every edge takes the same time both ways (walking, usually): then the incoming adjacency lists, node by
     * node, the same neighbours with the same times as the outgoing one, and shares its arrays.
     */
    private static boolean symmetric(int[] forwardMillis, int[] backwardMillis) {
        return Arrays.equals(forwardMillis, backwardMillis);
    }

    private static Adjacency fill(int nodeCount, int[] degree, int[] edgeBase, int[] edgeAdj, int[] forwardMillis,
                                  int[] backwardMillis, boolean incoming) {
        int[] first = new int[nodeCount + 1];
        for (int v = 0; v < nodeCount; v++)
            first[v + 1] = first[v] + degree[v];
        int arcs = first[nodeCount];
        int[] targetAndTime = new int[2 * arcs];
        int[] edgeKey = new int[arcs];
        int[] next = Arrays.copyOf(first, nodeCount);
        for (int e = 0; e < edgeBase.length; e++) {
            int base = edgeBase[e];
            int adj = edgeAdj[e];
            if (forwardMillis[e] >= 0) {
                int from = incoming ? adj : base;
                int arc = next[from]++;
                targetAndTime[2 * arc] = incoming ? base : adj;
                targetAndTime[2 * arc + 1] = forwardMillis[e];
                edgeKey[arc] = e << 1;
            }
            if (backwardMillis[e] >= 0) {
                int from = incoming ? base : adj;
                int arc = next[from]++;
                targetAndTime[2 * arc] = incoming ? adj : base;
                targetAndTime[2 * arc + 1] = backwardMillis[e];
                edgeKey[arc] = e << 1 | 1;
            }
        }
        return new Adjacency(first, targetAndTime, edgeKey);
    }

    public TravelProfile profile() {
        return profile;
    }

    /** Arcs leaving each node: use for searches from a source outwards. */
    public Adjacency outgoing() {
        return outgoing;
    }

    /** Arcs arriving at each node: use for searches towards a target (time from every node to it). */
    public Adjacency incoming() {
        return incoming;
    }

    /** Whether the profile may use the edge in at least one direction. */
    public boolean isUsable(int edge) {
        return forwardMillis[edge] >= 0 || backwardMillis[edge] >= 0;
    }

    /**
     * Travel time along the whole edge in milliseconds, or {@link #NO_ACCESS}.
     *
     * @param againstEdge {@code false} for base→adj, {@code true} for adj→base
     */
    public int timeInMillis(int edge, boolean againstEdge) {
        return againstEdge ? backwardMillis[edge] : forwardMillis[edge];
    }

    /**
     * Travel time along a part of an edge: {@code round(portion * timeInMillis(edge, againstEdge))}, or
     * {@link #NO_ACCESS}. The speed is constant along an edge, so the time is proportional to the length.
     *
     * @param portion share of the edge's length travelled, in [0, 1]
     */
    public int partialTimeInMillis(int edge, boolean againstEdge, double portion) {
        int full = againstEdge ? backwardMillis[edge] : forwardMillis[edge];
        return full < 0 ? NO_ACCESS : (int) Math.round(portion * full);
    }

    public int componentCount() {
        return components.length;
    }

    public Component component(int id) {
        return components[id];
    }

    /** The largest component, or {@code null} if the profile can use no edge at all. */
    public Component mainComponent() {
        return mainComponent < 0 ? null : components[mainComponent];
    }

    /** Component of a node, -1 if the profile can use none of its edges. */
    public int componentOfNode(int node) {
        return nodeComponent[node];
    }

    /**
     * Component of an edge, -1 if unusable. An edge whose end nodes lie in different strongly connected
     * components (a one-way link between pieces) belongs to the one with more nodes.
     */
    public int componentOfEdge(int edge) {
        if (forwardMillis[edge] < 0 && backwardMillis[edge] < 0)
            return -1;
        int a = nodeComponent[edgeBase[edge]];
        int b = nodeComponent[edgeAdj[edge]];
        return a == b ? a : larger(a, components[a].nodeCount(), b, components[b].nodeCount());
    }

    /** Of two components, the one with more nodes (the lower id on a tie). */
    private static int larger(int a, int b, int[] nodes) {
        return a == b ? a : larger(a, nodes[a], b, nodes[b]);
    }

    private static int larger(int a, int nodesOfA, int b, int nodesOfB) {
        return nodesOfA > nodesOfB || nodesOfA == nodesOfB && a < b ? a : b;
    }
}
