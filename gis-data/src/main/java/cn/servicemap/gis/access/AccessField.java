package cn.servicemap.gis.access;

import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntObjectHashMap;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Travel time from every node of a profile's network to its nearest source (station), up to a time limit, as
 * computed by one multi-source Dijkstra ({@link MultiSourceSearch}): per node an {@code int} time in
 * milliseconds ({@link #UNREACHED} beyond the limit) and the index of the nearest source (-1).
 *
 * <p>Sources keep their index for the life of a field and its updates: a removed source leaves an empty slot,
 * a moved one keeps its index, an added one gets the next index. Ties in time go to the lower index.
 *
 * <p>Incremental what-ifs ({@link #withSourceAdded}, {@link #withSourceRemoved}, {@link #withSourceMoved}) touch
 * only the affected part of the network and return a new field: the two node arrays are copied (copy-on-write,
 * about 1 ms per million nodes) so that fields stay immutable and can be shared between threads and kept as
 * scenario baselines; a delta overlay would save that copy but make every later read slower and chains of
 * what-ifs awkward. The result equals a full recomputation exactly (tested).
 *
 * <ul>
 *   <li>add: a Dijkstra from the new source that only continues where it improves a label;</li>
 *   <li>remove: the region whose nearest source was removed is found by a search along its shortest-path tree,
 *       cleared, and repaired by a Dijkstra seeded from its boundary and from other sources inside it;</li>
 *   <li>move: remove, then add at the same index;</li>
 *   <li>many at once ({@link #withSourcesChanged}): the removals' regions cleared together and one Dijkstra that
 *       repairs them and spreads the added sources, on one copy of the arrays (the week's hourly openings and
 *       closings, thousands of stations at 08:00).</li>
 * </ul>
 */
public final class AccessField {
    /** Time of an unreached node. */
    public static final int UNREACHED = FieldEngine.UNREACHED;

    final FieldEngine engine;
    private final Snap[] sources;
    private final int[] time;
    private final int[] nearest;
    private final IntObjectHashMap<int[]> sourcesByEdge;

    private AccessField(FieldEngine engine, Snap[] sources, int[] time, int[] nearest) {
        this.engine = engine;
        this.sources = sources;
        this.time = time;
        this.nearest = nearest;
        this.sourcesByEdge = new IntObjectHashMap<>();
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] == null)
                continue;
            int e = sources[i].edge();
            int[] old = sourcesByEdge.get(e);
            int[] grown = old == null ? new int[]{i} : Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = i;
            sourcesByEdge.put(e, grown);
        }
    }

    static AccessField compute(FieldEngine engine, Snap[] sources) {
        int n = engine.network.nodeCount();
        int[] time = new int[n];
        int[] nearest = new int[n];
        Arrays.fill(time, UNREACHED);
        Arrays.fill(nearest, -1);
        LongIntMinHeap heap = new LongIntMinHeap(Math.min(n, 1 << 16));
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] == null)
                continue;
            engine.requireUsable(sources[i]);
            engine.seed(time, nearest, i, sources[i], heap, null);
        }
        engine.run(time, nearest, heap, null);
        return new AccessField(engine, sources, time, nearest);
    }

    public RoadNetwork network() {
        return engine.network;
    }

    public TravelProfile profile() {
        return engine.profile;
    }

    public SearchDirection direction() {
        return engine.direction;
    }

    /** The search's cut-off: nodes farther than this are {@link #UNREACHED}. */
    public int timeLimitInMillis() {
        return engine.limitMillis;
    }

    /** Number of source slots, including emptied ones. */
    public int sourceCount() {
        return sources.length;
    }

    /** The snapped source at an index, or null if it was removed. */
    public Snap source(int index) {
        return sources[index];
    }

    /** The sources by index (null for removed ones), as an unmodifiable list. */
    public List<Snap> sources() {
        return java.util.Collections.unmodifiableList(Arrays.asList(sources));
    }

    public boolean isActive(int sourceIndex) {
        return sourceIndex >= 0 && sourceIndex < sources.length && sources[sourceIndex] != null;
    }

    /** Travel time of a node in ms, or {@link #UNREACHED}. */
    public int timeInMillis(int node) {
        return time[node];
    }

    /** Index of the node's nearest source, or -1 if unreached. */
    public int nearestSource(int node) {
        return nearest[node];
    }

    public boolean isReached(int node) {
        return nearest[node] >= 0;
    }

    /** A copy of all node times (ms, {@link #UNREACHED} for unreached). */
    public int[] timesInMillis() {
        return time.clone();
    }

    /** A copy of all nearest-source indexes (-1 for unreached). */
    public int[] nearestSources() {
        return nearest.clone();
    }

    /** Number of reached nodes. */
    public int reachedNodeCount() {
        int count = 0;
        for (int s : nearest)
            if (s >= 0)
                count++;
        return count;
    }

    /**
     * Travel time at an arbitrary snapped point: the best of leaving the point's edge through either end node
     * (plus the partial edge) and of reaching a source on the same edge directly, respecting one-way rules.
     */
    public Reach reachAt(Snap point) {
        engine.requireUsable(point);
        long k = evaluate(point.edge(), point.fraction());
        return k == Long.MAX_VALUE ? Reach.NONE : new Reach((int) (k >>> 32), (int) k);
    }

    /**
     * Fastest time and nearest source at {@code fraction} (0 = base node, 1 = adj node) along {@code edge}: the same
     * as {@link #reachAt(Snap)} for a point snapped there, for callers that keep many points as edge and fraction.
     */
    public Reach reachAt(int edge, double fraction) {
        if (edge < 0 || edge >= engine.network.edgeCount() || !engine.graph.isUsable(edge))
            throw new IllegalArgumentException("edge " + edge + " is not usable by " + engine.profile);
        if (!(fraction >= 0 && fraction <= 1))
            throw new IllegalArgumentException("fraction must lie in [0, 1], was " + fraction);
        long k = evaluate(edge, fraction);
        return k == Long.MAX_VALUE ? Reach.NONE : new Reach((int) (k >>> 32), (int) k);
    }

    /** Travel time at a snapped point in ms, or {@link #UNREACHED}. */
    public int timeAtInMillis(Snap point) {
        return reachAt(point).timeInMillis();
    }

    /**
     * The packed label (time &lt;&lt; 32 | source) of the point at {@code fraction} along {@code edge}, or
     * {@code Long.MAX_VALUE} if unreached within the limit.
     */
    long evaluate(int edge, double fraction) {
        return probe(edge, new EdgeProbe()).at(fraction);
    }

    /** Loads the constants of an edge into a reusable probe, for evaluating many points along it. */
    EdgeProbe probe(int edge, EdgeProbe probe) {
        ProfileGraph graph = engine.graph;
        boolean to = engine.direction == SearchDirection.TO_SOURCES;
        int base = engine.network.edgeBase(edge);
        int adj = engine.network.edgeAdj(edge);
        probe.limit = engine.limitMillis;
        // TO: point -> base travels against the edge; FROM: base -> point along it
        int viaBase = graph.timeInMillis(edge, to);
        probe.baseKey = time[base] == UNREACHED || viaBase < 0 ? -1 : FieldEngine.key(time[base], nearest[base]);
        probe.baseMillis = viaBase;
        int viaAdj = graph.timeInMillis(edge, !to);
        probe.adjKey = time[adj] == UNREACHED || viaAdj < 0 ? -1 : FieldEngine.key(time[adj], nearest[adj]);
        probe.adjMillis = viaAdj;
        probe.sources = sourcesByEdge.get(edge);
        if (probe.sources != null) {
            int n = probe.sources.length;
            if (probe.fractions.length < n)
                probe.fractions = new double[2 * n];
            for (int i = 0; i < n; i++)
                probe.fractions[i] = sources[probe.sources[i]].fraction();
            probe.alongMillis = graph.timeInMillis(edge, false);
            probe.againstMillis = graph.timeInMillis(edge, true);
            probe.to = to;
        }
        return probe;
    }

    /**
     * The labels along one edge: the best of coming through the base node, through the adj node (partial edge
     * time proportional to length, rounded to ms exactly as in the search) and of sources on the edge itself.
     */
    static final class EdgeProbe {
        int limit;
        long baseKey, adjKey;
        int baseMillis, adjMillis, alongMillis, againstMillis;
        boolean to;
        int[] sources;
        double[] fractions = new double[4];

        /** Packed label at a fraction of the edge, {@code Long.MAX_VALUE} if unreached within the limit. */
        long at(double fraction) {
            long best = Long.MAX_VALUE;
            if (baseKey >= 0)
                best = baseKey + ((long) Math.round(fraction * baseMillis) << 32);
            if (adjKey >= 0)
                best = Math.min(best, adjKey + ((long) Math.round((1 - fraction) * adjMillis) << 32));
            if (sources != null)
                for (int i = 0; i < sources.length; i++) {
                    double f = fractions[i];
                    // travel goes along the edge iff the destination lies at a larger fraction than the origin
                    boolean along = to ? f >= fraction : fraction >= f;
                    int full = along ? alongMillis : againstMillis;
                    if (full >= 0)
                        best = Math.min(best, FieldEngine.key((int) Math.round(Math.abs(f - fraction) * full), sources[i]));
                }
            return best != Long.MAX_VALUE && (best >>> 32) > limit ? Long.MAX_VALUE : best;
        }
    }

    /** Source indexes snapped on the edge, or null. */
    int[] sourcesOnEdge(int edge) {
        return sourcesByEdge.get(edge);
    }

    /** Adds a source (it gets index {@link #sourceCount()}) and updates only the nodes it improves. */
    public AccessUpdate withSourceAdded(Snap source) {
        engine.requireUsable(source);
        Snap[] next = Arrays.copyOf(sources, sources.length + 1);
        next[sources.length] = source;
        int[] t = time.clone();
        int[] s = nearest.clone();
        FieldEngine.Touched touched = new FieldEngine.Touched(t.length);
        add(t, s, sources.length, source, touched);
        return finish(next, t, s, touched);
    }

    /** Removes a source (its index stays empty) and repairs the region it served. */
    public AccessUpdate withSourceRemoved(int sourceIndex) {
        requireActive(sourceIndex);
        Snap[] next = sources.clone();
        next[sourceIndex] = null;
        int[] t = time.clone();
        int[] s = nearest.clone();
        FieldEngine.Touched touched = new FieldEngine.Touched(t.length);
        LongIntMinHeap heap = remove(t, s, next, new int[]{sourceIndex}, touched);
        engine.run(t, s, heap, touched);
        return finish(next, t, s, touched);
    }

    /** Moves a source to a new place, keeping its index: a removal followed by an addition. */
    public AccessUpdate withSourceMoved(int sourceIndex, Snap newPlace) {
        requireActive(sourceIndex);
        engine.requireUsable(newPlace);
        Snap[] next = sources.clone();
        next[sourceIndex] = null;
        int[] t = time.clone();
        int[] s = nearest.clone();
        FieldEngine.Touched touched = new FieldEngine.Touched(t.length);
        LongIntMinHeap heap = remove(t, s, next, new int[]{sourceIndex}, touched);
        engine.run(t, s, heap, touched);
        next[sourceIndex] = newPlace;
        add(t, s, sourceIndex, newPlace, touched);
        return finish(next, t, s, touched);
    }

    /**
     * Removes some sources and adds others in one update, as {@link #withSourceRemoved} and {@link #withSourceAdded}
     * one after another would, but with one copy of the node arrays and one Dijkstra: the regions the removed sources
     * served (every node whose nearest source is one of them, found along their shortest-path trees) are cleared
     * together, then one search runs from the labels offered to the cleared nodes across the region's boundary, from
     * the remaining sources whose seeds lie inside it, and from the added sources' seeds.
     *
     * <p>Exact (equal to {@link MultiSourceSearch#run} on the new source list, ties included; tested): a node outside
     * the cleared region keeps its nearest source, which remains, and removing other sources cannot make any label
     * smaller, so its label is already the optimum over the remaining sources, and the labels outside stay
     * consistent along every arc between them (they were final). Every node that may still be wrong is thus in the
     * heap or reached from it: a cleared node gets its best way out of the region through the boundary or a seed
     * inside, and a node anywhere that an added source improves is reached from that source's seeds along nodes it
     * improves. {@code run} then settles every improvement (a label-correcting Dijkstra from consistent upper bounds
     * ends at the exact labels), so the result is the search's fixed point for the new source list.
     *
     * <p>Costs about the search over the nodes the change reaches (the cleared region and the nodes the added sources
     * win) plus one copy of the two node arrays (about 1 ms per million nodes); an empty batch returns this field
     * with no changed nodes.
     *
     * @param removedIndexes indexes of active sources to remove, each at most once; their slots stay empty
     * @param added          sources to add; they get the next indexes, {@link #sourceCount()} onwards, in list order
     * @return the new field and the nodes whose time or nearest source changed, ascending
     * @throws IllegalArgumentException if an index is not active or repeated, or an added source is not snapped for
     *                                  this profile
     */
    public AccessUpdate withSourcesChanged(int[] removedIndexes, List<Snap> added) {
        requireDistinctActive(removedIndexes);
        for (Snap a : added)
            engine.requireUsable(a);
        if (removedIndexes.length == 0 && added.isEmpty())
            return new AccessUpdate(this, new int[0]);
        Snap[] next = Arrays.copyOf(sources, sources.length + added.size());
        for (int i : removedIndexes)
            next[i] = null;
        for (int k = 0; k < added.size(); k++)
            next[sources.length + k] = added.get(k);
        int[] t = time.clone();
        int[] s = nearest.clone();
        FieldEngine.Touched touched = new FieldEngine.Touched(t.length);
        LongIntMinHeap heap = removedIndexes.length == 0 ? new LongIntMinHeap(64)
                : remove(t, s, next, removedIndexes, touched);
        for (int k = 0; k < added.size(); k++)
            engine.seed(t, s, sources.length + k, added.get(k), heap, touched);
        engine.run(t, s, heap, touched);
        return finish(next, t, s, touched);
    }

    private void requireDistinctActive(int[] indexes) {
        BitSet seen = new BitSet(sources.length);
        for (int i : indexes) {
            requireActive(i);
            if (seen.get(i))
                throw new IllegalArgumentException("source " + i + " is removed twice");
            seen.set(i);
        }
    }

    private void requireActive(int sourceIndex) {
        if (!isActive(sourceIndex))
            throw new IllegalArgumentException("no active source at index " + sourceIndex);
    }

    private void add(int[] t, int[] s, int index, Snap source, FieldEngine.Touched touched) {
        LongIntMinHeap heap = new LongIntMinHeap(64);
        engine.seed(t, s, index, source, heap, touched);
        engine.run(t, s, heap, touched);
    }

    /**
     * Clears the region the removed sources served and returns a heap seeded to repair it (not yet run): from the
     * region's boundary and from the remaining sources whose seeds lie inside it.
     *
     * @param remaining the new source slots (the removed ones already null)
     */
    private LongIntMinHeap remove(int[] t, int[] s, Snap[] remaining, int[] removedIndexes, FieldEngine.Touched touched) {
        boolean[] removed = new boolean[sources.length];
        for (int index : removedIndexes)
            removed[index] = true;
        // 1. the region served by the removed sources: their shortest-path trees, all of whose nodes carry their index
        IntArrayList region = new IntArrayList();
        BitSet inRegion = new BitSet(t.length);
        for (int index : removedIndexes) {
            Snap old = sources[index];
            for (int seed : new int[]{old.baseNode(), old.adjNode()})
                if (s[seed] == index && !inRegion.get(seed)) {
                    inRegion.set(seed);
                    region.add(seed);
                }
        }
        var search = engine.search;
        for (int i = 0; i < region.size(); i++) {
            int v = region.get(i);
            for (int arc = search.begin(v), end = search.end(v); arc < end; arc++) {
                int w = search.target(arc);
                int sw = s[w];
                if (sw >= 0 && removed[sw] && !inRegion.get(w)) {
                    inRegion.set(w);
                    region.add(w);
                }
            }
        }
        for (int i = 0; i < region.size(); i++) {
            int v = region.get(i);
            t[v] = UNREACHED;
            s[v] = -1;
            touched.add(v);
        }
        // 2. seed the region from its boundary and from other sources whose seeds lie inside it
        LongIntMinHeap heap = new LongIntMinHeap(Math.max(64, region.size()));
        var repair = engine.repair;
        for (int i = 0; i < region.size(); i++) {
            int v = region.get(i);
            for (int arc = repair.begin(v), end = repair.end(v); arc < end; arc++) {
                int x = repair.target(arc);
                if (s[x] >= 0)
                    engine.offer(t, s, v, t[x] + repair.timeInMillis(arc), s[x], heap, touched);
            }
        }
        for (int j = 0; j < remaining.length; j++) {
            Snap other = remaining[j];
            if (other == null)
                continue;
            if (inRegion.get(other.baseNode()))
                engine.offer(t, s, other.baseNode(), engine.seedTime(other, true), j, heap, touched);
            if (inRegion.get(other.adjNode()))
                engine.offer(t, s, other.adjNode(), engine.seedTime(other, false), j, heap, touched);
        }
        return heap;
    }

    private AccessUpdate finish(Snap[] next, int[] t, int[] s, FieldEngine.Touched touched) {
        // the touched set in ascending order without sorting (a batch can touch most of the network)
        int[] nodes = new int[touched.nodes.size()];
        int count = 0;
        for (int v = touched.seen.nextSetBit(0); v >= 0; v = touched.seen.nextSetBit(v + 1))
            if (t[v] != time[v] || s[v] != nearest[v])
                nodes[count++] = v;
        return new AccessUpdate(new AccessField(engine, next, t, s), Arrays.copyOf(nodes, count));
    }

    @Override
    public String toString() {
        return "AccessField[" + engine.profile + ", " + engine.direction + ", limit " + engine.limitMillis
                + " ms, sources " + sources.length + ", reached " + reachedNodeCount() + "/" + time.length + "]";
    }
}
