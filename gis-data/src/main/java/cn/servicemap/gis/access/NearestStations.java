package cn.servicemap.gis.access;

import cn.servicemap.gis.network.Adjacency;
import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntObjectHashMap;
import org.locationtech.jts.geom.CoordinateList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The k stations nearest to a point by travel time (not straight line), with the route to each.
 *
 * <p>Algorithm: one Dijkstra from the query's snapped point (both end nodes of its edge seeded with the partial
 * edge, one-way rules respected) over the profile's outgoing arcs; stations are targets hanging off the end
 * nodes of their edges. A station becomes final once the search frontier has passed its best arrival time; the
 * search stops when k accepted stations are final or the frontier passes the time limit. Routes are rebuilt from
 * predecessor arcs. The time measured is the worker's trip to the station, the same as
 * {@link SearchDirection#TO_SOURCES} in {@link MultiSourceSearch}.
 *
 * <p>Per-thread search state (node arrays with a version stamp, heaps) is allocated once per thread and reused,
 * so a query allocates only its result; create one instance per station set and reuse it. Thread-safe.
 * Stations are filtered by a predicate over their indexes (kind, services, opening hours are decided by the
 * caller); filtered stations are skipped, which can widen the search up to the time limit.
 */
public final class NearestStations {
    private static final int SEED_BASE = -2;
    private static final int SEED_ADJ = -3;
    private static final int DIRECT = -1;

    private final RoadNetwork network;
    private final TravelProfile profile;
    private final ProfileGraph graph;
    private final Snap[] stations;
    /** node -> {station, ms from node to station, ...} */
    private final IntObjectHashMap<int[]> attachments = new IntObjectHashMap<>();
    private final long[] hasAttachment;
    private final IntObjectHashMap<int[]> stationsByEdge = new IntObjectHashMap<>();
    private final ThreadLocal<State> state;

    /**
     * @param stations snapped stations; index {@code i} identifies station {@code i}; null entries are skipped
     */
    public NearestStations(RoadNetwork network, TravelProfile profile, List<Snap> stations) {
        this.network = network;
        this.profile = profile;
        this.graph = network.graph(profile);
        this.stations = stations.toArray(new Snap[0]);
        this.hasAttachment = new long[(network.nodeCount() + 63) >>> 6];
        for (int i = 0; i < this.stations.length; i++) {
            Snap s = this.stations[i];
            if (s == null)
                continue;
            s.requireSnapped();
            if (s.profile() != profile)
                throw new IllegalArgumentException("station " + i + " is snapped for " + s.profile());
            attach(s.baseNode(), i, graph.partialTimeInMillis(s.edge(), false, s.fraction()));
            attach(s.adjNode(), i, graph.partialTimeInMillis(s.edge(), true, 1 - s.fraction()));
            int[] old = stationsByEdge.get(s.edge());
            int[] grown = old == null ? new int[1] : Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = i;
            stationsByEdge.put(s.edge(), grown);
        }
        int nodes = network.nodeCount();
        int count = this.stations.length;
        this.state = ThreadLocal.withInitial(() -> new State(nodes, count));
    }

    private void attach(int node, int station, int millis) {
        if (millis < 0)
            return;
        int[] old = attachments.get(node);
        int[] grown = old == null ? new int[2] : Arrays.copyOf(old, old.length + 2);
        grown[grown.length - 2] = station;
        grown[grown.length - 1] = millis;
        attachments.put(node, grown);
        hasAttachment[node >>> 6] |= 1L << node;
    }

    /** The k nearest stations of all. */
    public List<NearestStation> find(Snap from, int k, int timeLimitInSeconds) {
        return find(from, k, timeLimitInSeconds, i -> true);
    }

    /**
     * The k nearest accepted stations within the time limit, ordered by travel time (ties: lower index).
     *
     * @param from               the snapped query point (same profile)
     * @param k                  how many stations at most
     * @param timeLimitInSeconds stations farther away are not returned
     * @param accept             which station indexes count (e.g. open now and offering water)
     */
    public List<NearestStation> find(Snap from, int k, int timeLimitInSeconds, IntPredicate accept) {
        from.requireSnapped();
        if (from.profile() != profile)
            throw new IllegalArgumentException("query is snapped for " + from.profile() + ", not " + profile);
        if (k <= 0)
            return List.of();
        int limit = timeLimitInSeconds * 1000;
        State st = state.get();
        st.reset();
        int qe = from.edge();
        double g = from.fraction();
        // seeds: point -> base travels against the edge, point -> adj along it
        st.offerNode(from.baseNode(), graph.partialTimeInMillis(qe, true, g), SEED_BASE, limit);
        st.offerNode(from.adjNode(), graph.partialTimeInMillis(qe, false, 1 - g), SEED_ADJ, limit);
        int[] sameEdge = stationsByEdge.get(qe);
        if (sameEdge != null)
            for (int s : sameEdge) {
                if (!accept.test(s))
                    continue;
                double f = stations[s].fraction();
                int t = graph.partialTimeInMillis(qe, f < g, Math.abs(f - g));
                st.offerStation(s, t, DIRECT, limit);
            }
        Adjacency out = graph.outgoing();
        List<int[]> found = new ArrayList<>(k);
        while (found.size() < k) {
            long nodeKey = st.nextNodeKey();
            long frontier = nodeKey == Long.MAX_VALUE ? Long.MAX_VALUE : nodeKey >>> 32;
            // stations strictly before the frontier are final
            boolean progressed = false;
            while (found.size() < k && !st.stations.isEmpty() && (st.stations.peekKey() >>> 32) < frontier) {
                long sk = st.stations.peekKey();
                int s = st.stations.poll();
                if (st.stationTime(s) != (int) (sk >>> 32) || st.isAccepted(s))
                    continue;
                st.accept(s);
                found.add(new int[]{s, st.stationTime(s), st.stationVia(s)});
                progressed = true;
            }
            if (found.size() >= k || nodeKey == Long.MAX_VALUE)
                break;
            if (progressed)
                continue;
            int u = st.heap.poll();
            int t = (int) (nodeKey >>> 32);
            if ((hasAttachment[u >>> 6] & (1L << u)) != 0) {
                int[] list = attachments.get(u);
                for (int i = 0; i < list.length; i += 2)
                    if (accept.test(list[i]))
                        st.offerStation(list[i], t + list[i + 1], u, limit);
            }
            for (int arc = out.begin(u), end = out.end(u); arc < end; arc++)
                st.offerNode(out.target(arc), t + out.timeInMillis(arc), arc, limit);
        }
        List<NearestStation> result = new ArrayList<>(found.size());
        for (int[] f : found)
            result.add(route(st, from, f[0], f[1], f[2]));
        return result;
    }

    private NearestStation route(State st, Snap from, int station, int millis, int via) {
        Snap target = stations[station];
        CoordinateList coordinates = new CoordinateList();
        double meters;
        if (via == DIRECT) {
            EdgePortions.append(network, from.edge(), from.fraction(), target.fraction(), coordinates);
            meters = Math.abs(target.fraction() - from.fraction()) * network.edgeDistanceInMeters(from.edge());
        } else {
            IntArrayList arcs = new IntArrayList();
            Adjacency out = graph.outgoing();
            int u = via;
            while (st.pred[u] >= 0) {
                int arc = st.pred[u];
                arcs.add(arc);
                int e = out.edge(arc);
                u = out.isAgainstEdge(arc) ? network.edgeAdj(e) : network.edgeBase(e);
            }
            boolean fromBase = st.pred[u] == SEED_BASE;
            double end = fromBase ? 0 : 1;
            EdgePortions.append(network, from.edge(), from.fraction(), end, coordinates);
            meters = Math.abs(end - from.fraction()) * network.edgeDistanceInMeters(from.edge());
            for (int i = arcs.size() - 1; i >= 0; i--) {
                int arc = arcs.get(i);
                int e = out.edge(arc);
                boolean against = out.isAgainstEdge(arc);
                EdgePortions.append(network, e, against ? 1 : 0, against ? 0 : 1, coordinates);
                meters += network.edgeDistanceInMeters(e);
            }
            double start = via == target.baseNode() ? 0 : 1;
            EdgePortions.append(network, target.edge(), start, target.fraction(), coordinates);
            meters += Math.abs(target.fraction() - start) * network.edgeDistanceInMeters(target.edge());
        }
        if (coordinates.size() < 2)
            coordinates.add(coordinates.getCoordinate(0).copy(), true);
        return new NearestStation(station, millis, meters,
                network.geometryFactory().createLineString(coordinates.toCoordinateArray()));
    }

    public TravelProfile profile() {
        return profile;
    }

    /** Reusable per-thread search state; arrays are valid where their stamp equals the current version. */
    private static final class State {
        final int[] time;
        final int[] pred;
        final int[] stamp;
        final LongIntMinHeap heap = new LongIntMinHeap(1024);
        final int[] stationTime;
        final int[] stationVia;
        final int[] stationStamp;
        final int[] acceptedStamp;
        final LongIntMinHeap stations = new LongIntMinHeap(16);
        int version;

        State(int nodes, int stationCount) {
            time = new int[nodes];
            pred = new int[nodes];
            stamp = new int[nodes];
            stationTime = new int[stationCount];
            stationVia = new int[stationCount];
            stationStamp = new int[stationCount];
            acceptedStamp = new int[stationCount];
        }

        void reset() {
            heap.clear();
            stations.clear();
            if (++version == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                Arrays.fill(stationStamp, 0);
                Arrays.fill(acceptedStamp, 0);
                version = 1;
            }
        }

        void offerNode(int node, int t, int predecessor, int limit) {
            if (t < 0 || t > limit)
                return;
            if (stamp[node] == version && time[node] <= t)
                return;
            stamp[node] = version;
            time[node] = t;
            pred[node] = predecessor;
            heap.push((long) t << 32 | node, node);
        }

        /** Key (time << 32 | node) of the next unsettled node, skipping stale entries; MAX if none. */
        long nextNodeKey() {
            while (!heap.isEmpty()) {
                long k = heap.peekKey();
                int v = heap.peekValue();
                if (time[v] == (int) (k >>> 32))
                    return k;
                heap.poll();
            }
            return Long.MAX_VALUE;
        }

        void offerStation(int s, int t, int via, int limit) {
            if (t < 0 || t > limit)
                return;
            if (stationStamp[s] == version && stationTime[s] <= t)
                return;
            stationStamp[s] = version;
            stationTime[s] = t;
            stationVia[s] = via;
            stations.push((long) t << 32 | s, s);
        }

        int stationTime(int s) {
            return stationTime[s];
        }

        int stationVia(int s) {
            return stationVia[s];
        }

        boolean isAccepted(int s) {
            return acceptedStamp[s] == version;
        }

        void accept(int s) {
            acceptedStamp[s] = version;
        }
    }
}
