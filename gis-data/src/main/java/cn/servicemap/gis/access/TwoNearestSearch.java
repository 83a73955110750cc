package cn.servicemap.gis.access;

import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import com.carrotsearch.hppc.IntObjectHashMap;
import java.util.Arrays;
import java.util.List;

/**
 * For every node, the travel times to its nearest and its second-nearest station (two different stations) within a
 * time limit, in one search over all stations: what 交叉覆盖 (a place within reach of more than one station) is
 * counted from.
 *
 * <p><b>Algorithm.</b> A multi-source Dijkstra in which each node keeps up to two labels (time, station) with distinct
 * stations, compared lexicographically as in {@link MultiSourceSearch} (ties go to the lower station index), and
 * settles each of them once; a settled label is propagated with its own station. Correct because if station s is one
 * of the two nearest of v, it is one of the two nearest of every node on its fastest path to v (otherwise two stations
 * nearer to that node would be nearer to v too). Each node is settled at most twice, so it costs about twice the
 * single-nearest search (see the benchmark). Labels above the limit are never written.
 *
 * <p>Limits: the trip runs from each place to the stations ({@link SearchDirection#TO_SOURCES}), as coverage counts
 * it; not incremental (a what-if recomputes it).
 */
public final class TwoNearestSearch {

    private final FieldEngine engine;

    public TwoNearestSearch(RoadNetwork network, TravelProfile profile, int timeLimitInSeconds) {
        if (timeLimitInSeconds < 0 || timeLimitInSeconds > 24 * 3600) {
            throw new IllegalArgumentException("time limit must be within 0..86400 s: " + timeLimitInSeconds);
        }
        this.engine = new FieldEngine(network, profile, SearchDirection.TO_SOURCES, timeLimitInSeconds * 1000);
    }

    /** The two nearest stations of every node; station {@code i} of the list keeps index {@code i} (nulls allowed). */
    public Result run(List<Snap> stations) {
        int n = engine.network.nodeCount();
        int[] t1 = new int[n];
        int[] s1 = new int[n];
        int[] t2 = new int[n];
        int[] s2 = new int[n];
        Arrays.fill(t1, FieldEngine.UNREACHED);
        Arrays.fill(t2, FieldEngine.UNREACHED);
        Arrays.fill(s1, -1);
        Arrays.fill(s2, -1);
        byte[] settled = new byte[n];
        LongIntMinHeap heap = new LongIntMinHeap(1024);
        Snap[] sources = stations.toArray(new Snap[0]);
        for (int i = 0; i < sources.length; i++) {
            Snap s = sources[i];
            if (s == null) {
                continue;
            }
            engine.requireUsable(s);
            offer(t1, s1, t2, s2, settled, s.baseNode(), engine.seedTime(s, true), i, heap);
            offer(t1, s1, t2, s2, settled, s.adjNode(), engine.seedTime(s, false), i, heap);
        }
        var adj = engine.search;
        while (!heap.isEmpty()) {
            long k = heap.peekKey();
            int v = heap.poll();
            int slot = settled[v];
            if (slot >= 2) {
                continue;
            }
            long current = slot == 0 ? FieldEngine.key(t1[v], s1[v]) : FieldEngine.key(t2[v], s2[v]);
            if (k != current) {
                continue; // stale, or already settled in the first slot
            }
            settled[v]++;
            int t = (int) (k >>> 32);
            int s = (int) k;
            for (int arc = adj.begin(v), end = adj.end(v); arc < end; arc++) {
                offer(t1, s1, t2, s2, settled, adj.target(arc), t + adj.timeInMillis(arc), s, heap);
            }
        }
        return new Result(engine, sources, t1, s1, t2, s2);
    }

    /** Offers (t, s) to node w, keeping its two best labels with distinct stations; settled labels never change. */
    private void offer(int[] t1, int[] s1, int[] t2, int[] s2, byte[] settled, int w, int t, int s, LongIntMinHeap heap) {
        if (t < 0 || t > engine.limitMillis || settled[w] >= 2) {
            return;
        }
        long k = FieldEngine.key(t, s);
        if (s == s1[w]) {
            if (settled[w] == 0 && k < FieldEngine.key(t1[w], s1[w])) {
                t1[w] = t;
                heap.push(k, w);
            }
            return;
        }
        if (settled[w] == 0 && k < FieldEngine.key(t1[w], s1[w])) {
            // the new best; the old best moves to second place (it is another station)
            t2[w] = t1[w];
            s2[w] = s1[w];
            t1[w] = t;
            s1[w] = s;
            heap.push(k, w); // the old best's own entry in the heap now stands for the second place
            return;
        }
        if (k < FieldEngine.key(t2[w], s2[w])) {
            t2[w] = t;
            s2[w] = s;
            heap.push(k, w);
        }
    }

    /** The two nearest stations of every node, and of any point on a street. */
    public static final class Result {
        private final FieldEngine engine;
        private final Snap[] sources;
        private final int[] t1;
        private final int[] s1;
        private final int[] t2;
        private final int[] s2;
        /** The stations on each edge that has any: a point is evaluated against those, not against every station. */
        private final IntObjectHashMap<int[]> sourcesByEdge = new IntObjectHashMap<>();

        Result(FieldEngine engine, Snap[] sources, int[] t1, int[] s1, int[] t2, int[] s2) {
            this.engine = engine;
            this.sources = sources;
            this.t1 = t1;
            this.s1 = s1;
            this.t2 = t2;
            this.s2 = s2;
            for (int i = 0; i < sources.length; i++) {
                if (sources[i] != null) {
                    int[] old = sourcesByEdge.get(sources[i].edge());
                    int[] grown = old == null ? new int[1] : Arrays.copyOf(old, old.length + 1);
                    grown[grown.length - 1] = i;
                    sourcesByEdge.put(sources[i].edge(), grown);
                }
            }
        }

        /** The search's cut-off in ms: a station farther than this is not among a node's two. */
        public int timeLimitInMillis() {
            return engine.limitMillis;
        }

        /** Time from the node to its nearest station in ms, or {@link AccessField#UNREACHED}. */
        public int nearestTimeInMillis(int node) {
            return t1[node];
        }

        public int nearestSource(int node) {
            return s1[node];
        }

        /** Time from the node to its second-nearest station (another one) in ms, or {@link AccessField#UNREACHED}. */
        public int secondTimeInMillis(int node) {
            return t2[node];
        }

        public int secondSource(int node) {
            return s2[node];
        }

        /**
         * The two nearest stations of the point at {@code fraction} along {@code edge}: {time1, source1, time2,
         * source2}, times in ms or {@link AccessField#UNREACHED} (source −1). Through either end node's two labels, or
         * straight along the edge to a station on it.
         */
        public int[] reachAt(int edge, double fraction) {
            ProfileGraph graph = engine.graph;
            RoadNetwork network = engine.network;
            long best1 = Long.MAX_VALUE;
            long best2 = Long.MAX_VALUE;
            int base = network.edgeBase(edge);
            int adj = network.edgeAdj(edge);
            // point → base runs against the edge, point → adj along it (the trip is to the station)
            int toBase = graph.partialTimeInMillis(edge, true, fraction);
            int toAdj = graph.partialTimeInMillis(edge, false, 1 - fraction);
            int[] onEdge = sourcesByEdge.get(edge);
            long[] candidates = new long[4 + (onEdge == null ? 0 : onEdge.length)];
            int c = 0;
            if (toBase >= 0) {
                c = add(candidates, c, t1[base], s1[base], toBase);
                c = add(candidates, c, t2[base], s2[base], toBase);
            }
            if (toAdj >= 0) {
                c = add(candidates, c, t1[adj], s1[adj], toAdj);
                c = add(candidates, c, t2[adj], s2[adj], toAdj);
            }
            for (int i : onEdge == null ? new int[0] : onEdge) {
                Snap s = sources[i];
                boolean against = s.fraction() < fraction;
                int along = graph.partialTimeInMillis(edge, against, Math.abs(s.fraction() - fraction));
                if (along >= 0) {
                    c = add(candidates, c, 0, i, along);
                }
            }
            for (int i = 0; i < c; i++) {
                long k = candidates[i];
                if (k < best1) {
                    if ((int) k != (int) best1 && best1 != Long.MAX_VALUE) {
                        best2 = best1;
                    }
                    best1 = k;
                } else if (k < best2 && (int) k != (int) best1) {
                    best2 = k;
                }
            }
            // a station seen twice (via both ends) must not fill both places
            return new int[]{time(best1), source(best1), time(best2), source(best2)};
        }

        private int add(long[] candidates, int c, int time, int source, int extra) {
            if (time == FieldEngine.UNREACHED || source < 0) {
                return c;
            }
            long t = (long) time + extra;
            if (t > engine.limitMillis) {
                return c;
            }
            candidates[c] = FieldEngine.key((int) t, source);
            return c + 1;
        }

        private static int time(long k) {
            return k == Long.MAX_VALUE ? AccessField.UNREACHED : (int) (k >>> 32);
        }

        private static int source(long k) {
            return k == Long.MAX_VALUE ? -1 : (int) k;
        }
    }
}
