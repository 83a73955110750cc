package cn.servicemap.gis.access;

import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntObjectHashMap;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * For every node, the travel times to its nearest and its second-nearest station (two different stations) within a
 * time limit, in one search over all stations: what 交叉覆盖 (a place within reach of more than one station) is
 * counted from.
 *
 * <p><b>Algorithm.</b> A multi-source Dijkstra in which each node keeps up to two labels (time, station) with distinct
 * stations, compared lexicographically as in {@link MultiSourceSearch} (ties go to the lower station index), and
 * settles each of them once; a settled label is propagated with its own station. Correct because of this lemma: if
 * station s is one of the two nearest of v, it is one of the two nearest of every node u on its fastest path to v
 * (otherwise two stations nearer to u would be nearer to v too, as a label (t, a) below (t', s) stays below after
 * adding the same time to both). Each node is settled at most twice, so it costs about twice the single-nearest
 * search (see the benchmark). Labels above the limit are never written. The answer is thus a function of the station
 * list alone: per node, the two smallest (time, index) over the stations, each station at its own fastest time.
 *
 * <p><b>What-ifs.</b> {@link Result#withSourceAdded}, {@link Result#withSourceRemoved},
 * {@link Result#withSourceMoved} and, for many stations at once, {@link Result#withSourcesChanged} update a result
 * where the stations' change reaches, and equal this search run on the new station list exactly, ties included
 * (tested); see {@link Result}.
 *
 * <p>Limits: the trip runs from each place to the stations ({@link SearchDirection#TO_SOURCES}), as coverage counts
 * it.
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
        Labels labels = new Labels(engine, t1, s1, t2, s2, null, new LongIntMinHeap(1024));
        labels.settled = new byte[n];
        Snap[] sources = stations.toArray(new Snap[0]);
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] != null) {
                engine.requireUsable(sources[i]);
                labels.seed(i, sources[i]);
            }
        }
        labels.settle();
        return new Result(engine, sources, t1, s1, t2, s2);
    }

    /**
     * The four label arrays of a search or of a what-if being worked out, and the searches over them. Not shared: a
     * what-if works on its own copies of the arrays.
     */
    private static final class Labels {
        final FieldEngine engine;
        final int[] t1;
        final int[] s1;
        final int[] t2;
        final int[] s2;
        /** Nodes whose labels were written (what-ifs only, else null): the candidates for the changed nodes. */
        final FieldEngine.Touched touched;
        final LongIntMinHeap heap;
        /**
         * For the two-label search: per node, how many of its labels are final (0, 1 or 2). A repair confined to a
         * region starts every node outside it at 2, so that nothing there is written.
         */
        byte[] settled;

        Labels(FieldEngine engine, int[] t1, int[] s1, int[] t2, int[] s2, FieldEngine.Touched touched,
               LongIntMinHeap heap) {
            this.engine = engine;
            this.t1 = t1;
            this.s1 = s1;
            this.t2 = t2;
            this.s2 = s2;
            this.touched = touched;
            this.heap = heap;
        }

        /** Offers a station's seeds, the end nodes of its edge, to the two-label search. */
        void seed(int index, Snap station) {
            offer(station.baseNode(), engine.seedTime(station, true), index);
            offer(station.adjNode(), engine.seedTime(station, false), index);
        }

        /**
         * The two-label search: settles the labels in the heap and everything they improve, each node's first label
         * then its second, each propagated once with its own station.
         */
        void settle() {
            var adj = engine.search;
            int[] t1 = this.t1, s1 = this.s1, t2 = this.t2, s2 = this.s2;
            byte[] settled = this.settled;
            LongIntMinHeap heap = this.heap;
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
                    offer(adj.target(arc), t + adj.timeInMillis(arc), s);
                }
            }
        }

        /** Offers (t, s) to node w, keeping its two best labels with distinct stations; settled labels never change. */
        void offer(int w, int t, int s) {
            if (t < 0 || t > engine.limitMillis || settled[w] >= 2) {
                return;
            }
            long k = FieldEngine.key(t, s);
            if (s == s1[w]) {
                if (settled[w] == 0 && k < FieldEngine.key(t1[w], s1[w])) {
                    t1[w] = t;
                    push(k, w);
                }
                return;
            }
            if (settled[w] == 0 && k < FieldEngine.key(t1[w], s1[w])) {
                // the new best; the old best moves to second place (it is another station)
                t2[w] = t1[w];
                s2[w] = s1[w];
                t1[w] = t;
                s1[w] = s;
                push(k, w); // the old best's own entry in the heap now stands for the second place
                return;
            }
            if (k < FieldEngine.key(t2[w], s2[w])) {
                t2[w] = t;
                s2[w] = s;
                push(k, w);
            }
        }

        private void push(long k, int w) {
            heap.push(k, w);
            if (touched != null) {
                touched.add(w);
            }
        }

        /**
         * Adds stations at the given indexes, which no node has yet: one Dijkstra from all their seeds, each label
         * carrying its own station, continued from a node only with a station that entered its two (and only with that
         * station's time there). Pruning there is exact by the class lemma: if a station does not enter u's two, it
         * enters the two of no node whose fastest path from it runs through u. And labels are taken from the heap in
         * order of (time, station), so when one is taken every label smaller than it that the node will ever get has
         * arrived (its way there runs along nodes holding it, taken earlier): if the label is still among the node's
         * two then, it is final, and it is propagated once.
         */
        void add(int[] indexes, Snap[] stations) {
            for (int k = 0; k < indexes.length; k++) {
                offerAdded(stations[k].baseNode(), engine.seedTime(stations[k], true), indexes[k]);
                offerAdded(stations[k].adjNode(), engine.seedTime(stations[k], false), indexes[k]);
            }
            var adj = engine.search;
            int[] t1 = this.t1, s1 = this.s1, t2 = this.t2, s2 = this.s2;
            while (!heap.isEmpty()) {
                long k = heap.peekKey();
                int v = heap.poll();
                int t = (int) (k >>> 32);
                int s = (int) k;
                // only the station's current label at v propagates (each improvement is pushed once)
                if (!(s1[v] == s && t1[v] == t) && !(s2[v] == s && t2[v] == t)) {
                    continue;
                }
                for (int arc = adj.begin(v), end = adj.end(v); arc < end; arc++) {
                    offerAdded(adj.target(arc), t + adj.timeInMillis(arc), s);
                }
            }
        }

        /**
         * Offers an added station's label (t, index) to w, where it improves the station's own label there or replaces
         * the worse of w's two if it beats it.
         */
        private void offerAdded(int w, int t, int index) {
            if (t < 0 || t > engine.limitMillis) {
                return;
            }
            long k = FieldEngine.key(t, index);
            if (s1[w] == index) {
                if (k >= FieldEngine.key(t1[w], index)) {
                    return;
                }
                t1[w] = t;
            } else if (k < FieldEngine.key(t1[w], s1[w])) {
                // the new best; the old best moves to second place, over the station's own worse label if it was there
                t2[w] = t1[w];
                s2[w] = s1[w];
                t1[w] = t;
                s1[w] = index;
            } else if (k < FieldEngine.key(t2[w], s2[w])) {
                t2[w] = t;
                s2[w] = index;
            } else {
                return;
            }
            push(k, w);
        }

        /**
         * Removes the stations at {@code indexes}: the nodes having one of them among their two (found along their
         * fastest paths, which run through such nodes only, by the class lemma) are exactly those whose labels can
         * change, as removing stations that are not among a node's two leaves them as they are. Their labels are
         * cleared and the two-label search is rerun inside that region alone, seeded through every arc into it from a
         * node outside (both its labels, final) and by the remaining stations whose seeds lie inside it. Every label it
         * needs arrives that way: the fastest path of a station among a node's new two either lies inside the region,
         * starting at a seed there, or leaves the last node outside the region carrying that station among its
         * (unchanged) two.
         *
         * @param removed   the removed stations' places, by index
         * @param remaining the new station slots (the removed ones null)
         */
        void remove(int[] indexes, Snap[] removed, Snap[] remaining) {
            int n = t1.length;
            boolean[] gone = new boolean[removed.length];
            for (int index : indexes) {
                gone[index] = true;
            }
            settled = new byte[n];
            Arrays.fill(settled, (byte) 2);
            IntArrayList region = new IntArrayList();
            for (int index : indexes) {
                for (int seed : new int[]{removed[index].baseNode(), removed[index].adjNode()}) {
                    if ((s1[seed] == index || s2[seed] == index) && settled[seed] == 2) {
                        settled[seed] = 0;
                        region.add(seed);
                    }
                }
            }
            var search = engine.search;
            for (int i = 0; i < region.size(); i++) {
                int v = region.get(i);
                for (int arc = search.begin(v), end = search.end(v); arc < end; arc++) {
                    int w = search.target(arc);
                    if (settled[w] == 2 && (s1[w] >= 0 && gone[s1[w]] || s2[w] >= 0 && gone[s2[w]])) {
                        settled[w] = 0;
                        region.add(w);
                    }
                }
            }
            for (int i = 0; i < region.size(); i++) {
                int v = region.get(i);
                t1[v] = FieldEngine.UNREACHED;
                s1[v] = -1;
                t2[v] = FieldEngine.UNREACHED;
                s2[v] = -1;
                touched.add(v);
            }
            // a node's trip to a station runs through the next node on its way: the neighbours its own arcs lead to
            var repair = engine.repair;
            for (int i = 0; i < region.size(); i++) {
                int v = region.get(i);
                for (int arc = repair.begin(v), end = repair.end(v); arc < end; arc++) {
                    int x = repair.target(arc);
                    if (settled[x] == 2) {
                        int t = repair.timeInMillis(arc);
                        if (s1[x] >= 0) {
                            offer(v, t1[x] + t, s1[x]);
                        }
                        if (s2[x] >= 0) {
                            offer(v, t2[x] + t, s2[x]);
                        }
                    }
                }
            }
            for (int j = 0; j < remaining.length; j++) {
                if (remaining[j] != null) {
                    seed(j, remaining[j]); // offers outside the region are ignored
                }
            }
            settle();
            settled = null;
        }
    }

    /**
     * The two nearest stations of every node, and of any point on a street.
     *
     * <p>Immutable. Stations keep their index for the life of a result and its what-ifs, as in {@link AccessField}: a
     * removed station leaves an empty slot, a moved one keeps its index, an added one gets the next index. A what-if
     * ({@link #withSourceAdded}, {@link #withSourceRemoved}, {@link #withSourceMoved}) copies the four node arrays
     * (copy-on-write, 16 bytes a node, so that results stay immutable and can be kept as scenario baselines, as
     * {@link AccessField} does), changes the copies only where the station's change reaches and returns a new result
     * with the nodes it changed; it equals {@link TwoNearestSearch#run} on the new station list at every node, ties
     * included.
     * <ul>
     *   <li>add: a Dijkstra from the new station alone that continues only where the station enters a node's two;</li>
     *   <li>remove: the nodes having the station among their two are cleared and the two-label search is rerun inside
     *       them only, seeded from their boundary and from the other stations whose seeds lie inside;</li>
     *   <li>move: remove, then add at the same index;</li>
     *   <li>many at once ({@link #withSourcesChanged}): one repair for all the removals, then one pruned Dijkstra from
     *       all the additions, on one copy of the arrays.</li>
     * </ul>
     * Each costs about what the search costs over the nodes it changes (those whose two include the station before or
     * after) and their arcs, plus the copy. Measured on a synthetic grid of 153,000 nodes and 305,000 edges, 1,500
     * stations, 30 minutes' walk, on a busy 2-core machine: the full search 85–140 ms, a what-if 0.5–2 ms (about 200
     * nodes changed by an addition or a removal), of which the copy is 0.2 ms.
     */
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

        public RoadNetwork network() {
            return engine.network;
        }

        public TravelProfile profile() {
            return engine.profile;
        }

        /** The search's cut-off in ms: a station farther than this is not among a node's two. */
        public int timeLimitInMillis() {
            return engine.limitMillis;
        }

        /** Number of station slots, including emptied ones. */
        public int sourceCount() {
            return sources.length;
        }

        /** The snapped station at an index, or null if it was removed. */
        public Snap source(int index) {
            return sources[index];
        }

        /** The stations by index (null for removed ones), as an unmodifiable list. */
        public List<Snap> sources() {
            return Collections.unmodifiableList(Arrays.asList(sources));
        }

        public boolean isActive(int sourceIndex) {
            return sourceIndex >= 0 && sourceIndex < sources.length && sources[sourceIndex] != null;
        }

        /** Adds a station (it gets index {@link #sourceCount()}) and updates only the nodes whose two it enters. */
        public TwoNearestUpdate withSourceAdded(Snap station) {
            engine.requireUsable(station);
            Snap[] next = Arrays.copyOf(sources, sources.length + 1);
            next[sources.length] = station;
            Labels labels = copy();
            labels.add(new int[]{sources.length}, new Snap[]{station});
            return finish(next, labels);
        }

        /** Removes a station (its index stays empty) and repairs the nodes that had it among their two. */
        public TwoNearestUpdate withSourceRemoved(int sourceIndex) {
            requireActive(sourceIndex);
            Snap[] next = sources.clone();
            next[sourceIndex] = null;
            Labels labels = copy();
            labels.remove(new int[]{sourceIndex}, sources, next);
            return finish(next, labels);
        }

        /** Moves a station to a new place, keeping its index: a removal followed by an addition. */
        public TwoNearestUpdate withSourceMoved(int sourceIndex, Snap newPlace) {
            requireActive(sourceIndex);
            engine.requireUsable(newPlace);
            Snap[] next = sources.clone();
            next[sourceIndex] = null;
            Labels labels = copy();
            labels.remove(new int[]{sourceIndex}, sources, next);
            next[sourceIndex] = newPlace;
            labels.add(new int[]{sourceIndex}, new Snap[]{newPlace});
            return finish(next, labels);
        }

        /**
         * Removes some stations and adds others in one update, with one copy of the four node arrays, equal to
         * {@link TwoNearestSearch#run} on the new station list at every node, ties included (tested): first one
         * two-label search repairs the union of the regions the removed stations were among the two of (as
         * {@link #withSourceRemoved} does for one), which leaves every node's two exact for the remaining stations;
         * then one Dijkstra from all the added stations' seeds at once, each label carrying its own station and
         * continued only where its station enters a node's two (as {@link #withSourceAdded} does for one). Two passes,
         * not one, because the repair confines itself to the cleared region (every node outside is final there),
         * while the added stations reach beyond it.
         *
         * <p>Costs about the two-label search over the nodes whose two change, plus the copy (16 bytes a node) and
         * a byte a node to mark the region when stations are removed; an empty batch returns this result with no
         * changed nodes.
         *
         * @param removedIndexes indexes of active stations to remove, each at most once; their slots stay empty
         * @param added          stations to add; they get the next indexes, {@link #sourceCount()} onwards, in list order
         * @return the new result and the nodes whose nearest or second-nearest (time, station) changed, ascending
         * @throws IllegalArgumentException if an index is not active or repeated, or an added station is not snapped
         *                                  for this profile
         */
        public TwoNearestUpdate withSourcesChanged(int[] removedIndexes, List<Snap> added) {
            boolean[] seen = new boolean[sources.length];
            for (int i : removedIndexes) {
                requireActive(i);
                if (seen[i]) {
                    throw new IllegalArgumentException("station " + i + " is removed twice");
                }
                seen[i] = true;
            }
            for (Snap a : added) {
                engine.requireUsable(a);
            }
            if (removedIndexes.length == 0 && added.isEmpty()) {
                return new TwoNearestUpdate(this, new int[0]);
            }
            Snap[] next = Arrays.copyOf(sources, sources.length + added.size());
            for (int i : removedIndexes) {
                next[i] = null;
            }
            int[] addedIndexes = new int[added.size()];
            for (int k = 0; k < added.size(); k++) {
                addedIndexes[k] = sources.length + k;
            }
            Labels labels = copy();
            if (removedIndexes.length > 0) {
                labels.remove(removedIndexes, sources, next);
            }
            for (int k = 0; k < added.size(); k++) {
                next[sources.length + k] = added.get(k);
            }
            if (!added.isEmpty()) {
                labels.add(addedIndexes, added.toArray(new Snap[0]));
            }
            return finish(next, labels);
        }

        private void requireActive(int sourceIndex) {
            if (!isActive(sourceIndex)) {
                throw new IllegalArgumentException("no active station at index " + sourceIndex);
            }
        }

        /** Working copies of the four arrays: this result never changes. */
        private Labels copy() {
            return new Labels(engine, t1.clone(), s1.clone(), t2.clone(), s2.clone(), new FieldEngine.Touched(t1.length),
                    new LongIntMinHeap(64));
        }

        /** The new result, and of the nodes written the ones whose labels really differ, ascending. */
        private TwoNearestUpdate finish(Snap[] next, Labels labels) {
            // the touched set in ascending order without sorting (a batch can touch most of the network)
            int[] nodes = new int[labels.touched.nodes.size()];
            int count = 0;
            BitSet touched = labels.touched.seen;
            for (int v = touched.nextSetBit(0); v >= 0; v = touched.nextSetBit(v + 1)) {
                if (labels.t1[v] != t1[v] || labels.s1[v] != s1[v] || labels.t2[v] != t2[v] || labels.s2[v] != s2[v]) {
                    nodes[count++] = v;
                }
            }
            Result result = new Result(engine, next, labels.t1, labels.s1, labels.t2, labels.s2);
            return new TwoNearestUpdate(result, Arrays.copyOf(nodes, count));
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
