package cn.servicemap.benchmark;

import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.AccessUpdate;
import cn.servicemap.gis.access.MultiSourceSearch;
import cn.servicemap.gis.access.NearestStations;
import cn.servicemap.gis.access.ServiceAreaTile;
import cn.servicemap.gis.access.ServiceAreas;
import cn.servicemap.gis.access.ServiceBand;
import cn.servicemap.gis.access.TwoNearestSearch;
import cn.servicemap.gis.basemap.TileId;
import cn.servicemap.gis.network.Adjacency;
import cn.servicemap.gis.network.BoundingBox;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Our engine on one network, in a process of its own (run under {@code -Xmx1g}): the full coverage (one
 * multi-source search, 15-min walk, all stations) against the bare Dijkstra on the same arrays, the service-area
 * polygons, nearest-5 stations by travel time at the query points, and add / move / remove what-ifs.
 */
final class OursBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(OursBenchmark.class);
    /** CPU time of this thread: what the work itself cost, without waiting for a core or for the collector. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private OursBenchmark() {
    }

    static Map<String, Object> run(BenchmarkNetwork bn, Options o) throws Exception {
        RoadNetwork net = bn.network();
        int limitSeconds = Options.WALK_LIMIT_SECONDS;
        Map<String, Object> out = new LinkedHashMap<>();
        List<Snap> stations = bn.stations();

        // full coverage: node times, ours and the bare limit
        MultiSourceSearch search = new MultiSourceSearch(net, BenchmarkNetwork.PROFILE, limitSeconds);
        // ours and the two bare baselines in turn, round by round (fair ratios on a busy machine)
        List<Timing.Measured<Object>> timed = Timing.interleaved(o.cheapRuns(), List.of(
                () -> search.run(stations),
                () -> BareDijkstra.lazyHeap(bn.graph(), stations, limitSeconds * 1000),
                () -> BareDijkstra.decreaseKey(bn.graph(), stations, limitSeconds * 1000)));
        Timing.Measured<Object> coverage = timed.get(0), lazy = timed.get(1), indexed = timed.get(2);
        AccessField field = (AccessField) coverage.first();
        int[] times = field.timesInMillis();
        boolean bareAgrees = Arrays.equals(times, (int[]) lazy.first()) && Arrays.equals(times, (int[]) indexed.first());
        double[] fastestBare = new double[lazy.warmMs().length];
        for (int i = 0; i < fastestBare.length; i++)
            fastestBare[i] = Math.min(lazy.warmMs()[i], indexed.warmMs()[i]);
        out.put("coverage_search", coverage.timing().toJson());
        out.put("bare_dijkstra_lazy_heap", lazy.timing().toJson());
        out.put("bare_dijkstra_decrease_key", indexed.timing().toJson());
        out.put("ours_over_fastest_bare_per_round_median", Math.round(Timing.medianRatio(coverage.warmMs(), fastestBare) * 100) / 100.0);
        out.put("reached_nodes", field.reachedNodeCount());
        out.put("bare_dijkstra_equals_ours", bareAgrees);
        LOG.info("{}: coverage search {} ms warm (bare {} / {} ms), {} nodes reached", bn.key(),
                coverage.timing().warmMedianMs(), lazy.timing().warmMedianMs(), indexed.timing().warmMedianMs(),
                field.reachedNodeCount());

        // 交叉覆盖: the two nearest stations of every node in one search, against the single nearest, in turn
        HeapWatch.settle();
        TwoNearestSearch two = new TwoNearestSearch(net, BenchmarkNetwork.PROFILE, limitSeconds);
        List<Timing.Measured<Object>> pair = Timing.interleaved(o.cheapRuns(), List.of(
                () -> two.run(stations), () -> search.run(stations)));
        out.put("two_nearest_search", pair.get(0).timing().toJson());
        out.put("two_nearest_over_nearest_per_round_median",
                Math.round(Timing.medianRatio(pair.get(0).warmMs(), pair.get(1).warmMs()) * 100) / 100.0);
        TwoNearestSearch.Result twoResult = (TwoNearestSearch.Result) pair.get(0).first();
        int crossReached = 0;
        for (int v = 0; v < net.nodeCount(); v++)
            if (twoResult.secondTimeInMillis(v) != AccessField.UNREACHED)
                crossReached++;
        out.put("nodes_within_two_stations", crossReached);

        // each section starts on a collected heap, so that it does not pay for the garbage of the one before
        HeapWatch.settle();
        // the polygons: the 15-min band of all stations together (raster, then traced)
        Timing.Measured<Band> bands = Timing.measure(o.warmRuns(), () -> {
            ServiceAreas areas = ServiceAreas.build(field);
            return new Band(areas.cellSizeInMeters(), areas.nested(2));
        });
        ServiceBand band = bands.first().band();
        out.put("coverage_band15", bands.timing().toJson());
        out.put("band15_area_km2", Math.round(band.areaInSquareMeters() / 1e4) / 100.0);
        out.put("band15_vertices", band.area().getNumPoints());
        out.put("band15_cell_m", Math.round(bands.first().cellSizeInMeters() * 100) / 100.0);
        LOG.info("{}: 15-min band {} ms warm, {} km²", bn.key(), bands.timing().warmMedianMs(),
                out.get("band15_area_km2"));

        HeapWatch.settle();
        // the planner's map of a whole city: band tiles (PNG) at z14 around the network's centre, the first one
        // cold, then the 20 tiles of one view (5 × 4) each timed on its own
        BoundingBox box = bn.network().bbox();
        TileId centre = TileId.containing((box.minLon() + box.maxLon()) / 2, (box.minLat() + box.maxLat()) / 2, 14);
        int[] colours = {0x1a9850, 0x91cf60, 0xfee08b};
        List<Integer> bandSeconds = List.of(300, 600, 900);
        Timing.Measured<byte[]> tiles = Timing.measure(o.warmRuns(), () -> {
            byte[] last = null;
            for (int dy = -2; dy < 2; dy++) {
                for (int dx = -2; dx < 3; dx++) {
                    last = ServiceAreaTile.png(field, bandSeconds, new TileId(14, centre.x() + dx, centre.y() + dy), colours);
                }
            }
            return last;
        });
        long firstStart = System.nanoTime();
        ServiceAreaTile.png(field, bandSeconds, new TileId(14, centre.x(), centre.y() + 2), colours);
        out.put("band_tile_one_ms", Timing.round((System.nanoTime() - firstStart) / 1e6));
        out.put("band_tiles_view20", tiles.timing().toJson());
        LOG.info("{}: 20 band tiles at z14 {} ms warm ({} ms cold, one more tile {} ms)", bn.key(),
                tiles.timing().warmMedianMs(), tiles.timing().coldMs(), out.get("band_tile_one_ms"));

        HeapWatch.settle();
        out.put("nearest5", nearest(bn));
        HeapWatch.settle();
        out.put("what_if", whatIf(bn, field, o.whatIfs()));
        // what the engine keeps for this city: the network (arrays, spatial index) and one field
        out.put("retained_network_and_field_mb", HeapWatch.mb(HeapWatch.liveAfterFullGc()));
        java.lang.ref.Reference.reachabilityFence(field);
        return out;
    }

    /**
     * Nearest 5 stations by walking time (60-min cap) from each query point: snap onto the main component plus
     * the search, timed together per query. Pass 1 over all points is cold (its first query is the very first
     * call), pass 2 over the same points is warm.
     */
    static Map<String, Object> nearest(BenchmarkNetwork bn) {
        RoadNetwork net = bn.network();
        long a = System.nanoTime();
        NearestStations nearest = new NearestStations(net, BenchmarkNetwork.PROFILE, bn.stations());
        double buildMs = (System.nanoTime() - a) / 1e6;
        List<double[]> points = bn.points();
        double[][] passes = new double[2][points.size()];
        double[] cpu = new double[points.size()];
        int found = 0;
        for (int pass = 0; pass < 2; pass++)
            for (int i = 0; i < points.size(); i++) {
                double[] p = points.get(i);
                long c = THREADS.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                Snap from = net.snapToMainComponent(BenchmarkNetwork.PROFILE, p[0], p[1], 500);
                int n = nearest.find(from, 5, 3600).size();
                passes[pass][i] = (System.nanoTime() - t) / 1e6;
                cpu[i] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
                if (pass == 1)
                    found += n;
            }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index_build_ms", Timing.round(buildMs));
        m.put("cold_first_query_ms", Timing.round(passes[0][0]));
        m.put("pass1", Distribution.of(passes[0]).toJson());
        m.put("warm", Distribution.of(passes[1]).toJson());
        m.put("warm_thread_cpu", Distribution.of(cpu).toJson());
        m.put("stations_found_per_query", Math.round(100.0 * found / points.size()) / 100.0);
        LOG.info("{}: nearest-5 warm p50 {} ms p99 {} ms", bn.key(), Distribution.of(passes[1]).p50Ms(),
                Distribution.of(passes[1]).p99Ms());
        return m;
    }

    /**
     * Add a station at a random node, move a random station a few streets away, remove a random station: each
     * from the same base field, including the copy-on-write of the node arrays and the change in how many nodes
     * lie within 15 minutes (the figure district statistics are updated from).
     */
    static Map<String, Object> whatIf(BenchmarkNetwork bn, AccessField base, int count) {
        RoadNetwork net = bn.network();
        Adjacency out = bn.graph().outgoing();
        int mainComponent = bn.graph().mainComponent().id();
        Random r = new Random(3);
        int stations = bn.stations().size();
        double[][] ms = new double[3][count];
        double[][] cpu = new double[3][count];
        long[] changed = new long[3];
        long coveredDelta = 0;
        for (int i = 0; i < count; i++) {
            int node;
            do {
                node = r.nextInt(net.nodeCount());
            } while (bn.graph().componentOfNode(node) != mainComponent);
            Snap added = BenchmarkNetwork.atNode(net, node);
            int moved = r.nextInt(stations);
            int to = BenchmarkNetwork.nodeOf(bn.stations().get(moved));
            for (int hop = 0; hop < 5; hop++) {
                int degree = out.end(to) - out.begin(to);
                to = out.target(out.begin(to) + r.nextInt(degree));
            }
            Snap movedTo = BenchmarkNetwork.atNode(net, to);
            int removed = r.nextInt(stations);
            for (int op = 0; op < 3; op++) {
                long c = THREADS.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                AccessUpdate u = switch (op) {
                    case 0 -> base.withSourceAdded(added);
                    case 1 -> base.withSourceMoved(moved, movedTo);
                    default -> base.withSourceRemoved(removed);
                };
                long delta = coveredDelta(base, u);
                ms[op][i] = (System.nanoTime() - t) / 1e6;
                cpu[op][i] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
                changed[op] += u.changedNodes().length;
                coveredDelta += delta;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        String[] names = {"add", "move", "remove"};
        for (int op = 0; op < 3; op++) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("cold_ms", Timing.round(ms[op][0]));
            one.put("warm", Distribution.of(Arrays.copyOfRange(ms[op], 1, count)).toJson());
            one.put("warm_thread_cpu", Distribution.of(Arrays.copyOfRange(cpu[op], 1, count)).toJson());
            one.put("changed_nodes_mean", changed[op] / count);
            m.put(names[op], one);
        }
        m.put("ops_each", count);
        m.put("checksum_covered_delta", coveredDelta);
        LOG.info("{}: what-if add p99 {} ms, move p99 {} ms, remove p99 {} ms", bn.key(),
                Distribution.of(ms[0]).p99Ms(), Distribution.of(ms[1]).p99Ms(), Distribution.of(ms[2]).p99Ms());
        return m;
    }

    /** Nodes newly within the limit minus nodes no longer within it, from the changed nodes alone. */
    static long coveredDelta(AccessField before, AccessUpdate update) {
        long delta = 0;
        AccessField after = update.field();
        for (int v : update.changedNodes())
            delta += (after.isReached(v) ? 1 : 0) - (before.isReached(v) ? 1 : 0);
        return delta;
    }

    private record Band(double cellSizeInMeters, ServiceBand band) {
    }

    /** Our node times (ms, {@link AccessField#UNREACHED}) for the cross-checks of the peers phase. */
    static int[] nodeTimes(BenchmarkNetwork bn) {
        return MultiSourceSearch.compute(bn.network(), BenchmarkNetwork.PROFILE, bn.stations(),
                Options.WALK_LIMIT_SECONDS).timesInMillis();
    }

    static List<Integer> stationNodes(BenchmarkNetwork bn) {
        List<Integer> nodes = new ArrayList<>();
        for (Snap s : bn.stations())
            nodes.add(BenchmarkNetwork.nodeOf(s));
        return nodes;
    }
}
