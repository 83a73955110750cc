package cn.servicemap.gis.access;

import cn.servicemap.gis.network.Adjacency;
import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.RoadNetworkBuilder;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scale benchmark on a SYNTHETIC city (a jittered 800 x 800 street grid, 80 m blocks, about 1.1 million edges)
 * with 1,000 stations; runs only with {@code -Dservicemap.benchmark=true}. Prints times; asserts nothing.
 */
class ScaleBenchmarkTest {

    static RoadNetwork syntheticCity(int side, double blockInMeters, long seed) {
        Random r = new Random(seed);
        RoadNetworkBuilder b = RoadNetwork.builder().description("SYNTHETIC city " + side + "x" + side);
        b.profile(TravelProfile.WALK);
        double scale = blockInMeters / 100;
        int[] id = new int[side * side];
        for (int y = 0; y < side; y++)
            for (int x = 0; x < side; x++)
                id[y * side + x] = Tiny.node(b, scale * (x + 0.3 * r.nextDouble()), scale * (y + 0.3 * r.nextDouble()));
        for (int y = 0; y < side; y++)
            for (int x = 0; x < side; x++) {
                if (x + 1 < side && r.nextDouble() < 0.9)
                    b.access(TravelProfile.WALK, b.addEdge(id[y * side + x], id[y * side + x + 1]), 5, false);
                if (y + 1 < side && r.nextDouble() < 0.9)
                    b.access(TravelProfile.WALK, b.addEdge(id[y * side + x], id[(y + 1) * side + x]), 5, false);
            }
        return b.build();
    }

    /** The baseline: a bare multi-source Dijkstra (times only, lazy-deletion binary heap) on the same arrays. */
    static int[] bareDijkstra(ProfileGraph g, List<Snap> sources, int limit) {
        Adjacency adj = g.incoming();
        int[] time = new int[adj.nodeCount()];
        Arrays.fill(time, Integer.MAX_VALUE);
        LongIntMinHeap heap = new LongIntMinHeap(1 << 16);
        for (Snap s : sources) {
            int tb = g.partialTimeInMillis(s.edge(), false, s.fraction());
            int ta = g.partialTimeInMillis(s.edge(), true, 1 - s.fraction());
            if (tb >= 0 && tb < time[s.baseNode()]) {
                time[s.baseNode()] = tb;
                heap.push(tb, s.baseNode());
            }
            if (ta >= 0 && ta < time[s.adjNode()]) {
                time[s.adjNode()] = ta;
                heap.push(ta, s.adjNode());
            }
        }
        while (!heap.isEmpty()) {
            long k = heap.peekKey();
            int v = heap.poll();
            if (k != time[v])
                continue;
            int t = time[v];
            for (int arc = adj.begin(v), end = adj.end(v); arc < end; arc++) {
                int nt = t + adj.timeInMillis(arc);
                int w = adj.target(arc);
                if (nt <= limit && nt < time[w]) {
                    time[w] = nt;
                    heap.push(nt, w);
                }
            }
        }
        return time;
    }

    /** The same baseline with an indexed binary heap and decrease-key (position array over all nodes). */
    static int[] indexedDijkstra(ProfileGraph g, List<Snap> sources, int limit) {
        Adjacency adj = g.incoming();
        int n = adj.nodeCount();
        int[] time = new int[n];
        Arrays.fill(time, Integer.MAX_VALUE);
        int[] pos = new int[n];
        Arrays.fill(pos, -1);
        int[] heap = new int[n];
        int size = 0;
        for (Snap s : sources)
            for (int side = 0; side < 2; side++) {
                int node = side == 0 ? s.baseNode() : s.adjNode();
                int t = side == 0 ? g.partialTimeInMillis(s.edge(), false, s.fraction())
                        : g.partialTimeInMillis(s.edge(), true, 1 - s.fraction());
                if (t >= 0 && t < time[node]) {
                    time[node] = t;
                    if (pos[node] < 0) {
                        pos[node] = size;
                        heap[size++] = node;
                    }
                    siftUp(heap, pos, time, pos[node]);
                }
            }
        while (size > 0) {
            int v = heap[0];
            pos[v] = -2;
            int last = heap[--size];
            if (size > 0) {
                heap[0] = last;
                pos[last] = 0;
                siftDown(heap, pos, time, 0, size);
            }
            int t = time[v];
            for (int arc = adj.begin(v), end = adj.end(v); arc < end; arc++) {
                int nt = t + adj.timeInMillis(arc);
                int w = adj.target(arc);
                if (nt <= limit && nt < time[w] && pos[w] != -2) {
                    time[w] = nt;
                    if (pos[w] < 0) {
                        pos[w] = size;
                        heap[size++] = w;
                    }
                    siftUp(heap, pos, time, pos[w]);
                }
            }
        }
        return time;
    }

    private static void siftUp(int[] heap, int[] pos, int[] time, int i) {
        int v = heap[i];
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (time[heap[p]] <= time[v])
                break;
            heap[i] = heap[p];
            pos[heap[i]] = i;
            i = p;
        }
        heap[i] = v;
        pos[v] = i;
    }

    private static void siftDown(int[] heap, int[] pos, int[] time, int i, int size) {
        int v = heap[i];
        while (2 * i + 1 < size) {
            int c = 2 * i + 1;
            if (c + 1 < size && time[heap[c + 1]] < time[heap[c]])
                c++;
            if (time[heap[c]] >= time[v])
                break;
            heap[i] = heap[c];
            pos[heap[i]] = i;
            i = c;
        }
        heap[i] = v;
        pos[v] = i;
    }

    @Test
    void benchmark() {
        assumeTrue(Boolean.getBoolean("servicemap.benchmark"), "run with -Dservicemap.benchmark=true");
        long t0 = System.nanoTime();
        RoadNetwork net = syntheticCity(Integer.getInteger("servicemap.benchmark.side", 800), 80, 1);
        System.out.printf("SYNTHETIC city: %d nodes, %d edges, built in %d ms, heap used %d MB%n",
                net.nodeCount(), net.edgeCount(), (System.nanoTime() - t0) / 1_000_000, usedMb());
        Random r = new Random(2);
        List<Snap> stations = new ArrayList<>();
        double lonSpan = net.bbox().maxLon() - net.bbox().minLon(), latSpan = net.bbox().maxLat() - net.bbox().minLat();
        long snapStart = System.nanoTime();
        while (stations.size() < 1000) {
            Snap s = net.snap(TravelProfile.WALK, net.bbox().minLon() + lonSpan * r.nextDouble(),
                    net.bbox().minLat() + latSpan * r.nextDouble(), 200);
            if (s.isSnapped())
                stations.add(s);
        }
        System.out.printf("snap: %.1f us per point%n", (System.nanoTime() - snapStart) / 1e3 / 1000);
        ProfileGraph g = net.graph(TravelProfile.WALK);
        MultiSourceSearch search = new MultiSourceSearch(net, TravelProfile.WALK, 900);
        double bare = Double.MAX_VALUE, full = Double.MAX_VALUE, indexed = Double.MAX_VALUE;
        AccessField field = null;
        for (int round = 0; round < 9; round++) {
            long a = System.nanoTime();
            int[] lazy = bareDijkstra(g, stations, 900_000);
            long b = System.nanoTime();
            field = search.run(stations);
            long c = System.nanoTime();
            int[] decrease = indexedDijkstra(g, stations, 900_000);
            long d = System.nanoTime();
            bare = Math.min(bare, (b - a) / 1e6);
            full = Math.min(full, (c - b) / 1e6);
            indexed = Math.min(indexed, (d - c) / 1e6);
            if (round == 0 && (!Arrays.equals(lazy, decrease) || !Arrays.equals(lazy, field.timesInMillis())))
                throw new AssertionError("baselines disagree");
        }
        System.out.printf("15-min walk, 1000 stations: bare Dijkstra (lazy heap) %.1f ms, bare with decrease-key %.1f ms, "
                        + "MultiSourceSearch %.1f ms (x%.2f of bare); reached %d of %d nodes%n",
                bare, indexed, full, full / bare, field.reachedNodeCount(), net.nodeCount());
        // what-if
        double[] add = new double[50], remove = new double[50], move = new double[50];
        int changed = 0;
        for (int i = 0; i < 50; i++) {
            Snap s = stations.get(r.nextInt(stations.size()));
            Snap fresh = net.snap(TravelProfile.WALK, s.lon() + 0.003, s.lat() + 0.002, 500);
            long a = System.nanoTime();
            AccessUpdate u1 = field.withSourceAdded(fresh);
            long b = System.nanoTime();
            AccessUpdate u2 = field.withSourceRemoved(r.nextInt(stations.size()));
            long c = System.nanoTime();
            AccessUpdate u3 = field.withSourceMoved(r.nextInt(stations.size()), fresh);
            long d = System.nanoTime();
            add[i] = (b - a) / 1e6;
            remove[i] = (c - b) / 1e6;
            move[i] = (d - c) / 1e6;
            changed += u1.changedNodes().length + u2.changedNodes().length + u3.changedNodes().length;
        }
        System.out.printf("what-if (incl. copy-on-write of the node arrays): add p50 %.2f p99 %.2f ms, remove p50 %.2f p99 %.2f ms, move p50 %.2f p99 %.2f ms; %d changed nodes per op%n",
                pct(add, 50), pct(add, 99), pct(remove, 50), pct(remove, 99), pct(move, 50), pct(move, 99), changed / 150);
        // nearest
        NearestStations nearest = new NearestStations(net, TravelProfile.WALK, stations);
        int queries = 20_000;
        double[] q = new double[queries];
        for (int i = 0; i < queries; i++) {
            Snap from = net.snap(TravelProfile.WALK, net.bbox().minLon() + lonSpan * r.nextDouble(),
                    net.bbox().minLat() + latSpan * r.nextDouble(), 500);
            long a = System.nanoTime();
            nearest.find(from, 3, 3600);
            q[i] = (System.nanoTime() - a) / 1e6;
        }
        double[] warm = Arrays.copyOfRange(q, queries / 2, queries);
        System.out.printf("nearest 3 by walking time (60 min cap): p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                pct(warm, 50), pct(warm, 99), pct(warm, 100));
        // service areas for the whole city
        for (int round = 0; round < 3; round++) {
            long a = System.nanoTime();
            ServiceAreas areas = ServiceAreas.build(field);
            long b = System.nanoTime();
            ServiceBand band = areas.nested(2);
            long c = System.nanoTime();
            System.out.printf("service areas: raster %d ms (%s), 15-min band traced %d ms, %.0f km², %d vertices, heap used %d MB%n",
                    (b - a) / 1_000_000, areas, (c - b) / 1_000_000, band.areaInSquareMeters() / 1e6,
                    band.area().getNumPoints(), usedMb());
        }
        System.out.printf("heap used at the end: %d MB (max %d MB)%n", usedMb(), Runtime.getRuntime().maxMemory() >> 20);
    }

    @Test
    void nanjingCore() {
        assumeTrue(Boolean.getBoolean("servicemap.benchmark"), "run with -Dservicemap.benchmark=true");
        RoadNetwork net = cn.servicemap.gis.network.NanjingCore.network();
        List<Snap> stations = NanjingAccessTest.stations(net, TravelProfile.WALK, new Random(1), 50);
        double search = Double.MAX_VALUE, build = Double.MAX_VALUE, band = Double.MAX_VALUE, rings = Double.MAX_VALUE;
        double one = Double.MAX_VALUE;
        ServiceAreas areas = null;
        for (int i = 0; i < 300; i++) {
            long a = System.nanoTime();
            AccessField field = MultiSourceSearch.compute(net, TravelProfile.WALK, stations, 900);
            long b = System.nanoTime();
            AccessField single = MultiSourceSearch.compute(net, TravelProfile.WALK, stations.subList(0, 1), 900);
            long c = System.nanoTime();
            areas = ServiceAreas.build(single);
            long d = System.nanoTime();
            areas.nested(2);
            long e = System.nanoTime();
            areas.rings();
            long f = System.nanoTime();
            search = Math.min(search, (b - a) / 1e6);
            one = Math.min(one, (c - b) / 1e6);
            build = Math.min(build, (d - c) / 1e6);
            band = Math.min(band, (e - d) / 1e6);
            rings = Math.min(rings, (f - e) / 1e6);
        }
        System.out.printf("Nanjing core (%d nodes, %d edges): multi-source search, 50 stations, 15 min: %.3f ms; "
                        + "one station: %.3f ms; its service areas: raster %.2f ms (%s), 15-min band %.2f ms, "
                        + "3 rings %.2f ms (best of 300)%n", net.nodeCount(), net.edgeCount(), search, one, build,
                areas, band, rings);
    }

    private static double pct(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long usedMb() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }
}
