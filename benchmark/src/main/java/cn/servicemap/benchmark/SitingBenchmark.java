package cn.servicemap.benchmark;

import cn.servicemap.gis.siting.CoveringProblem;
import cn.servicemap.gis.siting.ExactCovering;
import cn.servicemap.gis.siting.MaximalCovering;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Siting (maximal covering) against the exact optimum, on generated instances shaped like a city's: demand places
 * scattered over a square with 1–100 people each, candidate sites scattered over it too, each covering the places
 * within a fixed radius (a walking band on a uniform street grid). Ours: greedy + interchange with its Lagrangian
 * bound ({@link MaximalCovering}); the peer: SCIP's mixed-integer program through OR-Tools ({@link ExactCovering}).
 *
 * <ul>
 *   <li>small: 2,000 places × 300 candidates, p = 20, which SCIP proves optimal: our share of the optimum
 *       (target ≥ 99 %);</li>
 *   <li>large: 20,000 places × 2,000 candidates, p = 100: our time (target &lt; 2 s), bound and gap, and SCIP's status,
 *       time and bound under a 300 s limit.</li>
 * </ul>
 */
final class SitingBenchmark {

    /** The large instance's cover radius (about 100 places a candidate); the small one's is twice it (about 40 of 2,000). */
    static final double RADIUS = 0.04;

    private SitingBenchmark() {
    }

    static Map<String, Object> run(Options o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instances", "SYNTHETIC: places and candidates uniform in a unit square, 1–100 people per place, a candidate "
                + "covers the places within " + 2 * RADIUS + " (small) or " + RADIUS + " (large) of it; seeds 1 and 2");
        out.put("small", compare(instance(2_000, 300, 2 * RADIUS, 1), 20, 60));
        out.put("large", compare(instance(20_000, 2_000, RADIUS, 2), 100, o.quick() ? 30 : 300));
        return out;
    }

    private static Map<String, Object> compare(CoveringProblem problem, int p, int exactSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("places", problem.demandCount());
        m.put("candidates", problem.candidateCount());
        m.put("p", p);
        m.put("pairs", problem.pairCount());
        MaximalCovering.solve(problem, p, null, 60_000); // warm-up: the figures are of a warm JVM, as in the app
        long t = System.nanoTime();
        MaximalCovering.Result ours = MaximalCovering.solve(problem, p, null, 60_000);
        m.put("ours_ms", Timing.round((System.nanoTime() - t) / 1e6));
        m.put("ours_covered", Math.round(ours.covered()));
        m.put("ours_bound", Math.round(ours.upperBound()));
        m.put("ours_gap_percent", Math.round(ours.gapPercent() * 100) / 100.0);
        m.put("ours_swaps", ours.swaps());
        ExactCovering.Result exact = ExactCovering.solve(problem, p, null, exactSeconds, 2);
        m.put("exact_status", exact.status());
        m.put("exact_seconds", Math.round(exact.seconds() * 10) / 10.0);
        m.put("exact_limit_seconds", exactSeconds);
        m.put("exact_covered", Math.round(exact.covered()));
        m.put("exact_bound", Math.round(exact.bound()));
        m.put("ours_share_of_exact_percent", exact.covered() <= 0 ? null
                : Math.round(10_000 * ours.covered() / exact.covered()) / 100.0);
        m.put("ours_share_of_best_bound_percent", Math.round(10_000 * ours.covered()
                / Math.min(ours.upperBound(), Double.isNaN(exact.bound()) ? Double.MAX_VALUE : exact.bound())) / 100.0);
        return m;
    }

    static CoveringProblem instance(int places, int candidates, double radius, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[places];
        double[] y = new double[places];
        double[] w = new double[places];
        for (int d = 0; d < places; d++) {
            x[d] = r.nextDouble();
            y[d] = r.nextDouble();
            w[d] = 1 + r.nextInt(100);
        }
        int[][] covers = new int[candidates][];
        for (int c = 0; c < candidates; c++) {
            double cx = r.nextDouble();
            double cy = r.nextDouble();
            covers[c] = java.util.stream.IntStream.range(0, places)
                    .filter(d -> (x[d] - cx) * (x[d] - cx) + (y[d] - cy) * (y[d] - cy) < radius * radius).toArray();
        }
        return new CoveringProblem(w, covers);
    }
}
