package cn.servicemap.gis.access;

import cn.servicemap.gis.network.Adjacency;
import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import com.carrotsearch.hppc.IntArrayList;

import java.util.BitSet;

/**
 * The Dijkstra core shared by full and incremental searches: labels are (time in ms, source index) pairs
 * compared lexicographically, packed into one long, so ties between sources go to the lower index and every
 * variant (one multi-source search, the minimum over single-source searches, incremental updates) yields exactly
 * the same labels. Labels above the time limit are never written, so every stored label is final.
 */
final class FieldEngine {
    static final int UNREACHED = Integer.MAX_VALUE;

    final RoadNetwork network;
    final TravelProfile profile;
    final ProfileGraph graph;
    final SearchDirection direction;
    final int limitMillis;
    /** Arcs the labels propagate along. */
    final Adjacency search;
    /** Arcs into a node of the search graph (used to repair a region from its boundary). */
    final Adjacency repair;

    FieldEngine(RoadNetwork network, TravelProfile profile, SearchDirection direction, int limitMillis) {
        if (limitMillis < 0)
            throw new IllegalArgumentException("time limit must be >= 0: " + limitMillis);
        this.network = network;
        this.profile = profile;
        this.graph = network.graph(profile);
        this.direction = direction;
        this.limitMillis = limitMillis;
        this.search = direction == SearchDirection.FROM_SOURCES ? graph.outgoing() : graph.incoming();
        this.repair = direction == SearchDirection.FROM_SOURCES ? graph.incoming() : graph.outgoing();
    }

    static long key(int time, int source) {
        return time == UNREACHED ? Long.MAX_VALUE : ((long) time << 32) | source;
    }

    /**
     * Time between a source snapped on an edge and one end node of that edge, in the search direction, or
     * {@link ProfileGraph#NO_ACCESS}.
     */
    int seedTime(Snap s, boolean atBase) {
        boolean from = direction == SearchDirection.FROM_SOURCES;
        // FROM: source -> base travels against the edge; TO: base -> source travels along it.
        if (atBase)
            return graph.partialTimeInMillis(s.edge(), from, s.fraction());
        return graph.partialTimeInMillis(s.edge(), !from, 1 - s.fraction());
    }

    /** Offers a label to a node; pushes it if it wins. */
    boolean offer(int[] time, int[] nearest, int node, int t, int source, LongIntMinHeap heap, Touched touched) {
        if (t < 0 || t > limitMillis)
            return false;
        long k = key(t, source);
        if (k >= key(time[node], nearest[node]))
            return false;
        time[node] = t;
        nearest[node] = source;
        heap.push(k, node);
        if (touched != null)
            touched.add(node);
        return true;
    }

    void seed(int[] time, int[] nearest, int source, Snap s, LongIntMinHeap heap, Touched touched) {
        offer(time, nearest, s.baseNode(), seedTime(s, true), source, heap, touched);
        offer(time, nearest, s.adjNode(), seedTime(s, false), source, heap, touched);
    }

    /** Runs the label-setting loop until the heap is empty (entries above the limit are never pushed). */
    void run(int[] time, int[] nearest, LongIntMinHeap heap, Touched touched) {
        Adjacency adj = search;
        int limit = limitMillis;
        while (!heap.isEmpty()) {
            long k = heap.peekKey();
            int v = heap.poll();
            int t = time[v];
            int s = nearest[v];
            if (k != (((long) t << 32) | s))
                continue; // stale entry
            for (int arc = adj.begin(v), end = adj.end(v); arc < end; arc++) {
                int nt = t + adj.timeInMillis(arc);
                if (nt > limit)
                    continue;
                int w = adj.target(arc);
                long nk = ((long) nt << 32) | s;
                int wt = time[w];
                if (wt != UNREACHED && nk >= (((long) wt << 32) | nearest[w]))
                    continue;
                time[w] = nt;
                nearest[w] = s;
                heap.push(nk, w);
                if (touched != null)
                    touched.add(w);
            }
        }
    }

    void requireUsable(Snap s) {
        s.requireSnapped();
        if (s.profile() != profile)
            throw new IllegalArgumentException("snap is for " + s.profile() + ", search is for " + profile);
        if (s.edge() >= network.edgeCount() || !graph.isUsable(s.edge()))
            throw new IllegalArgumentException("snap edge " + s.edge() + " is not usable by " + profile);
    }

    /** Nodes touched by an incremental search, each once. */
    static final class Touched {
        final IntArrayList nodes = new IntArrayList();
        final BitSet seen;

        Touched(int nodeCount) {
            seen = new BitSet(nodeCount);
        }

        void add(int node) {
            if (!seen.get(node)) {
                seen.set(node);
                nodes.add(node);
            }
        }
    }
}
