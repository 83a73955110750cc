package cn.servicemap.benchmark;

import cn.servicemap.gis.access.MultiSourceSearch;
import cn.servicemap.gis.access.NearestStation;
import cn.servicemap.gis.access.NearestStations;
import cn.servicemap.gis.access.ServiceAreas;
import cn.servicemap.gis.crs.LocalMetricProjection;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The peers on one network, in a process of their own: pgRouting's {@code pgr_drivingDistance} and PostGIS KNN
 * through JDBC (cold = first call on a new backend of a freshly restarted server), GraphHopper isochrones in this
 * process; and the cross-checks of their answers against ours.
 */
final class PeersBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(PeersBenchmark.class);
    /** Allowed difference in node times: costs are exact decimal seconds of our ms, so only float rounding. */
    static final double MAX_TIME_DIFFERENCE_SECONDS = 1.0;

    private PeersBenchmark() {
    }

    static Map<String, Object> run(BenchmarkNetwork bn, PostgisPeer db, Options o) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        int[] ours = OursBenchmark.nodeTimes(bn);
        out.put("pgrouting", pgRouting(bn, db, o, ours));
        out.put("postgis_knn", knn(bn, db));
        out.put("graphhopper", graphHopper(bn, o, ours));
        return out;
    }

    static Map<String, Object> pgRouting(BenchmarkNetwork bn, PostgisPeer db, Options o, int[] ours) throws Exception {
        boolean directed = !PostgisPeer.symmetric(bn);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("call", "pgr_drivingDistance('" + PostgisPeer.edgesSql(bn) + "', ARRAY[" + bn.stations().size()
                + " station vertices], " + Options.WALK_LIMIT_SECONDS + ", directed := " + directed + ", equicost := true)");
        try (Connection c = db.freshConnection()) {
            // pgRouting and our search in turn, round by round: the ratio of each round is fair on a busy machine
            MultiSourceSearch search = new MultiSourceSearch(bn.network(), BenchmarkNetwork.PROFILE, Options.WALK_LIMIT_SECONDS);
            List<Timing.Measured<Object>> timed = Timing.interleaved(o.warmRuns(), List.of(
                    () -> PostgisPeer.drivingDistance(c, bn, directed),
                    () -> search.run(bn.stations())));
            Timing.Measured<Object> pg = timed.get(0), mine = timed.get(1);
            PostgisPeer.Reached first = (PostgisPeer.Reached) pg.first();
            m.put("coverage", pg.timing().toJson());
            m.put("ours_in_the_same_rounds", mine.timing().toJson());
            m.put("paired_ratio_median", Math.round(Timing.medianRatio(pg.warmMs(), mine.warmMs()) * 10) / 10.0);
            m.put("rows", first.nodes().length);
            m.put("backend_peak_rss_mb", PostgisPeer.backendPeakRssMb(c));
            long a = System.nanoTime();
            PostgisPeer.Reached minimum = PostgisPeer.drivingDistanceMinimum(c, bn, directed);
            m.put("per_station_trees_min_in_sql_ms", Timing.round((System.nanoTime() - a) / 1e6));
            double[] equicost = seconds(first, ours.length), own = seconds(minimum, ours.length);
            m.put("check", compare("pgRouting's minimum over per-station trees (equicost := false, min(agg_cost) per vertex)",
                    ours, own, duplicates(first, ours.length)));
            m.put("equicost_check", equicostCheck(ours, equicost, own));
            LOG.info("{}: pgRouting {} ms cold, {} ms warm, {}x ours", bn.key(), pg.timing().coldMs(),
                    pg.timing().warmMedianMs(), m.get("paired_ratio_median"));
        }
        return m;
    }

    /** pgRouting's times per our node id in seconds, NaN where it returned no row (the smallest of repeated rows). */
    static double[] seconds(PostgisPeer.Reached reached, int nodeCount) {
        double[] s = new double[nodeCount];
        Arrays.fill(s, Double.NaN);
        for (int i = 0; i < reached.nodes().length; i++) {
            int v = reached.nodes()[i];
            double c = reached.aggCostSeconds()[i];
            s[v] = Double.isNaN(s[v]) ? c : Math.min(s[v], c);
        }
        return s;
    }

    /** Rows naming a vertex a second time (equicost must give each vertex one root). */
    static int duplicates(PostgisPeer.Reached reached, int nodeCount) {
        java.util.BitSet seen = new java.util.BitSet(nodeCount);
        int duplicates = 0;
        for (int v : reached.nodes()) {
            if (seen.get(v))
                duplicates++;
            seen.set(v);
        }
        return duplicates;
    }

    /**
     * pgRouting's equicost answer against ours, and where they differ, against pgRouting's own per-station minimum:
     * a node where equicost reports a longer time (or no time) than pgRouting's own trees give is a defect of the
     * equicost search (pgRouting 3.4 marks vertices finished early when it reuses one distance array for all
     * roots), not a disagreement with us. Fails if equicost is ever faster than ours (a path we missed) or differs
     * from ours where pgRouting's own minimum agrees with it.
     */
    static Map<String, Object> equicostCheck(int[] ours, double[] equicost, double[] own) {
        int differ = 0, explained = 0, fasterThanOurs = 0, missing = 0;
        double maxExcess = 0;
        double limit = Options.WALK_LIMIT_SECONDS;
        for (int v = 0; v < ours.length; v++) {
            boolean o = ours[v] != Integer.MAX_VALUE, e = !Double.isNaN(equicost[v]);
            double os = o ? ours[v] / 1000.0 : Double.NaN;
            boolean differs = o && e ? Math.abs(os - equicost[v]) > MAX_TIME_DIFFERENCE_SECONDS
                    : o != e && limit - (o ? os : equicost[v]) > MAX_TIME_DIFFERENCE_SECONDS;
            if (!differs)
                continue;
            differ++;
            if (o && e) {
                maxExcess = Math.max(maxExcess, equicost[v] - os);
                if (equicost[v] < os)
                    fasterThanOurs++;
            } else if (o) {
                missing++;
            }
            boolean ownDiffers = Double.isNaN(own[v]) != Double.isNaN(equicost[v])
                    || !Double.isNaN(own[v]) && Math.abs(own[v] - equicost[v]) > 1e-6;
            if (ownDiffers)
                explained++;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("compared", "pgRouting equicost agg_cost vs our node times");
        m.put("nodes_differing", differ);
        m.put("of_which_equicost_longer_than_pgroutings_own_minimum", explained);
        m.put("equicost_missing_nodes", missing);
        m.put("max_equicost_excess_s", Math.round(maxExcess * 1000) / 1000.0);
        m.put("equicost_faster_than_ours", fasterThanOurs);
        boolean ok = differ == explained && fasterThanOurs == 0;
        m.put("ok", ok);
        if (!ok)
            LOG.error("equicost cross-check failed: {}", m);
        return m;
    }

    /**
     * Nodes reached by both, the largest time difference among them, and nodes reached by one only — split into
     * those within a second of the limit (where float sums of seconds and integer sums of ms may fall on either
     * side of 900 s) and the rest, which would be a real disagreement.
     */
    static Map<String, Object> compare(String what, int[] ours, double[] theirSeconds, int duplicates) {
        int both = 0, onlyOurs = 0, onlyTheirs = 0, oneSidedAwayFromLimit = 0;
        double maxDiff = 0;
        double limit = Options.WALK_LIMIT_SECONDS;
        for (int v = 0; v < ours.length; v++) {
            boolean o = ours[v] != Integer.MAX_VALUE;
            boolean t = !Double.isNaN(theirSeconds[v]);
            if (o && t) {
                both++;
                maxDiff = Math.max(maxDiff, Math.abs(ours[v] / 1000.0 - theirSeconds[v]));
            } else if (o) {
                onlyOurs++;
                if (limit - ours[v] / 1000.0 > MAX_TIME_DIFFERENCE_SECONDS)
                    oneSidedAwayFromLimit++;
            } else if (t) {
                onlyTheirs++;
                if (limit - theirSeconds[v] > MAX_TIME_DIFFERENCE_SECONDS)
                    oneSidedAwayFromLimit++;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("compared", what + " vs our node times (same station nodes)");
        m.put("reached_by_both", both);
        m.put("max_abs_difference_s", Math.round(maxDiff * 1e6) / 1e6);
        m.put("reached_by_ours_only", onlyOurs);
        m.put("reached_by_peer_only", onlyTheirs);
        m.put("one_sided_not_at_limit", oneSidedAwayFromLimit);
        m.put("duplicate_rows", duplicates);
        boolean ok = both > 0 && maxDiff <= MAX_TIME_DIFFERENCE_SECONDS && oneSidedAwayFromLimit == 0 && duplicates == 0;
        m.put("ok", ok);
        if (!ok)
            LOG.error("cross-check failed: {}", m);
        return m;
    }

    static Map<String, Object> knn(BenchmarkNetwork bn, PostgisPeer db) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        List<double[]> points = bn.points();
        m.put("sql", PostgisPeer.knnSql(bn).replace("?, ?", "lon, lat"));
        try (Connection c = db.freshConnection(); PreparedStatement ps = c.prepareStatement(PostgisPeer.knnSql(bn))) {
            double[][] ms = new double[2][points.size()];
            int[][] ids = PostgisPeer.knn(ps, points, ms[0]);
            PostgisPeer.knn(ps, points, ms[1]);
            m.put("cold_first_query_ms", Timing.round(ms[0][0]));
            m.put("pass1", Distribution.of(ms[0]).toJson());
            m.put("warm_round_trip", Distribution.of(ms[1]).toJson());
            double[] server = new double[3];
            for (int i = 0; i < server.length; i++)
                server[i] = PostgisPeer.knnInServerMs(c, bn);
            Arrays.sort(server);
            m.put("warm_in_server_mean_ms", Timing.round(server[1]));
            m.put("travel_time_vs_straight_line", disagreement(bn, ids));
            LOG.info("{}: PostGIS KNN warm p50 {} ms (round trip), {} ms in server", bn.key(),
                    Distribution.of(ms[1]).p50Ms(), server[1]);
        }
        return m;
    }

    /** How often the nearest station by walking time is not the nearest by straight line (river, one-ways, detours). */
    static Map<String, Object> disagreement(BenchmarkNetwork bn, int[][] knnIds) {
        RoadNetwork net = bn.network();
        NearestStations nearest = new NearestStations(net, BenchmarkNetwork.PROFILE, bn.stations());
        int differentFirst = 0, compared = 0;
        for (int i = 0; i < bn.points().size(); i++) {
            double[] p = bn.points().get(i);
            Snap from = net.snapToMainComponent(BenchmarkNetwork.PROFILE, p[0], p[1], 500);
            List<NearestStation> found = nearest.find(from, 5, 3600);
            if (found.isEmpty() || knnIds[i].length == 0)
                continue;
            compared++;
            if (found.get(0).sourceIndex() != knnIds[i][0])
                differentFirst++;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queries", compared);
        m.put("nearest_differs", differentFirst);
        m.put("share", compared == 0 ? null : Math.round(1000.0 * differentFirst / compared) / 1000.0);
        return m;
    }

    static Map<String, Object> graphHopper(BenchmarkNetwork bn, Options o, int[] ours) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        List<double[]> stationPoints = bn.stations().stream()
                .map(s -> new double[]{bn.network().nodeLon(BenchmarkNetwork.nodeOf(s)), bn.network().nodeLat(BenchmarkNetwork.nodeOf(s))})
                .toList();
        int seconds = Options.WALK_LIMIT_SECONDS;
        try (GraphHopperPeer gh = new GraphHopperPeer(bn.graphDir(), BenchmarkNetwork.PROFILE)) {
            m.put("graph_edges", gh.edgeCount());
            int elsewhere = 0;
            int[] nodes = new int[stationPoints.size()];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = BenchmarkNetwork.nodeOf(bn.stations().get(i));
                if (gh.snapNode(stationPoints.get(i)[0], stationPoints.get(i)[1]) != nodes[i])
                    elsewhere++;
            }
            // GraphHopper's isochrones + union and our search + 15-min band in turn, round by round
            MultiSourceSearch search = new MultiSourceSearch(bn.network(), BenchmarkNetwork.PROFILE, seconds);
            List<double[]> splits = new ArrayList<>(); // per call: isochrones ms, union ms
            List<Timing.Measured<Object>> timed = Timing.interleaved(o.warmRuns(), List.of(() -> {
                long a = System.nanoTime();
                List<Polygon> isochrones = gh.isochrones(stationPoints, seconds);
                long b = System.nanoTime();
                Geometry union = GraphHopperPeer.union(isochrones);
                splits.add(new double[]{(b - a) / 1e6, (System.nanoTime() - b) / 1e6});
                return union;
            }, () -> ServiceAreas.build(search.run(bn.stations())).nested(2)));
            Timing.Measured<Object> coverage = timed.get(0), mine = timed.get(1);
            m.put("coverage", coverage.timing().toJson());
            m.put("isochrones", split(splits, 0).toJson());
            m.put("union", split(splits, 1).toJson());
            m.put("ours_search_and_band_in_the_same_rounds", mine.timing().toJson());
            m.put("paired_ratio_median", Math.round(Timing.medianRatio(coverage.warmMs(), mine.warmMs()) * 10) / 10.0);
            Geometry u = (Geometry) coverage.first();
            double area = LocalMetricProjection.centredOn(u.getEnvelopeInternal()).toMetric(u).getArea();
            m.put("union_area_km2", Math.round(area / 1e4) / 100.0);
            m.put("union_vertices", u.getNumPoints());
            m.put("union_valid", u.isValid());
            m.put("stations_snapped_elsewhere", elsewhere);
            int[] min = gh.minTimesFromNodes(nodes, seconds, bn.network().nodeCount());
            double[] minSeconds = new double[min.length];
            for (int v = 0; v < min.length; v++)
                minSeconds[v] = min[v] == Integer.MAX_VALUE ? Double.NaN : min[v] / 1000.0;
            m.put("check", compare("minimum over GraphHopper shortest-path trees", ours, minSeconds, 0));
            LOG.info("{}: GraphHopper isochrones + union {} ms cold, {} ms warm, {} km²", bn.key(),
                    coverage.timing().coldMs(), coverage.timing().warmMedianMs(), m.get("union_area_km2"));
        }
        return m;
    }

    /** One part of the GraphHopper calls: the first is cold, the others warm. */
    private static Timing split(List<double[]> splits, int part) {
        double[] warm = new double[splits.size() - 1];
        for (int i = 1; i < splits.size(); i++)
            warm[i - 1] = splits.get(i)[part];
        return Timing.of(splits.get(0)[part], warm);
    }
}
