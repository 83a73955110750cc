package cn.servicemap.gis.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** CP-SAT proves the optimum of small instances; greedy + interchange stays within its bound of it. */
class ExactCoveringTest {

    @Test
    void shouldProveTheOptimumOfTheGreedyTrap() {
        CoveringProblem trap = new CoveringProblem(new double[]{1, 1, 1, 1, 1, 1},
                new int[][]{{0, 1, 2, 3}, {0, 1, 4}, {2, 3, 5}});
        ExactCovering.Result r = ExactCovering.solve(trap, 2, null, 10, 1);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(r.sites()).containsExactly(1, 2);
        assertThat(r.covered()).isEqualTo(6);
        assertThat(r.bound()).isCloseTo(6, within(1e-9));

        ExactCovering.Result withoutB = ExactCovering.solve(trap, 2, new boolean[]{false, true, false}, 10, 1);
        assertThat(withoutB.sites()).doesNotContain(1);
        assertThat(withoutB.covered()).isEqualTo(5);
    }

    /** On random instances of 300 places and 60 candidates: the heuristic never beats the proved optimum, and reaches ≥ 99 % of it. */
    @Test
    void shouldAgreeWithTheHeuristicWithinItsBound() {
        SplittableRandom random = new SplittableRandom(3);
        for (int t = 0; t < 5; t++) {
            int demands = 300;
            int candidates = 60;
            double[][] at = new double[demands][];
            double[] w = new double[demands];
            for (int d = 0; d < demands; d++) {
                at[d] = new double[]{random.nextDouble(), random.nextDouble()};
                w[d] = 1 + random.nextInt(100);
            }
            int[][] covers = new int[candidates][];
            for (int c = 0; c < candidates; c++) {
                double x = random.nextDouble();
                double y = random.nextDouble();
                covers[c] = java.util.stream.IntStream.range(0, demands)
                        .filter(d -> Math.hypot(at[d][0] - x, at[d][1] - y) < 0.12).toArray();
            }
            CoveringProblem problem = new CoveringProblem(w, covers);
            ExactCovering.Result exact = ExactCovering.solve(problem, 8, null, 30, 2);
            MaximalCovering.Result heuristic = MaximalCovering.solve(problem, 8, null, 5_000);

            assertThat(exact.status()).isEqualTo("OPTIMAL");
            assertThat(heuristic.covered()).isLessThanOrEqualTo(exact.covered() + 1e-9);
            assertThat(heuristic.upperBound()).isGreaterThanOrEqualTo(exact.covered() - 1e-6);
            assertThat(heuristic.covered()).isGreaterThanOrEqualTo(0.99 * exact.covered());
        }
    }

    /**
     * With places requiring one, two or three sites (binary y for those, else a single site would earn a share), on
     * random instances small enough to try every choice: the proved optimum is the brute force's, its bound not below
     * it, and every site it returns is needed.
     */
    @Test
    void shouldProveTheOptimumWithRequirements() {
        SplittableRandom random = new SplittableRandom(23);
        for (int t = 0; t < 40; t++) {
            int demands = 6 + random.nextInt(12);
            int candidates = 4 + random.nextInt(8);
            int p = 1 + random.nextInt(5);
            double[] w = new double[demands];
            int[] required = new int[demands];
            for (int d = 0; d < demands; d++) {
                w[d] = random.nextInt(50);
                required[d] = 1 + random.nextInt(3);
            }
            int[][] covers = new int[candidates][];
            for (int c = 0; c < candidates; c++) {
                covers[c] = random.ints(0, demands).limit(1 + random.nextInt(6)).distinct().sorted().toArray();
            }
            CoveringProblem problem = new CoveringProblem(w, required, covers);
            boolean[] excluded = new boolean[candidates];
            excluded[random.nextInt(candidates)] = random.nextBoolean();

            ExactCovering.Result exact = ExactCovering.solve(problem, p, excluded, 10, 1);
            double best = MaximalCoveringTest.bruteForce(problem, p, excluded);

            assertThat(exact.status()).as("trial %d", t).isEqualTo("OPTIMAL");
            assertThat(exact.covered()).as("trial %d", t).isCloseTo(best, within(1e-9)).isEqualTo(problem.coveredBy(exact.sites()));
            assertThat(exact.bound()).as("trial %d", t).isGreaterThanOrEqualTo(best - 1e-6);
            assertThat(exact.sites().length).isLessThanOrEqualTo(p);
            assertThat(java.util.Arrays.stream(exact.sites()).noneMatch(c -> excluded[c])).isTrue();
            MaximalCoveringTest.assertEverySiteIsNeeded(problem, exact.sites());
        }
    }
    /**
     * A stop asked for while SCIP works (an instance of 6,000 places and 600 candidates that it does not prove in a
     * moment) interrupts it: the answer says INTERRUPTED and comes long before the 120 s limit; the heuristic's
     * checkpoint stops it by throwing.
     */
    @Test
    void shouldStopWhenAsked() {
        SplittableRandom random = new SplittableRandom(11);
        int demands = 6_000;
        int candidates = 600;
        double[][] at = new double[demands][];
        double[] w = new double[demands];
        for (int d = 0; d < demands; d++) {
            at[d] = new double[]{random.nextDouble(), random.nextDouble()};
            w[d] = 1 + random.nextInt(100);
        }
        int[][] covers = new int[candidates][];
        for (int c = 0; c < candidates; c++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            covers[c] = java.util.stream.IntStream.range(0, demands).filter(d -> Math.hypot(at[d][0] - x, at[d][1] - y) < 0.06).toArray();
        }
        CoveringProblem problem = new CoveringProblem(w, covers);
        long started = System.nanoTime();
        ExactCovering.Result r = ExactCovering.solve(problem, 60, null, 120, 1, () -> System.nanoTime() - started > 1_500_000_000L);
        assertThat(r.status()).isEqualTo("INTERRUPTED");
        assertThat(r.seconds()).isLessThan(60);

        int[] steps = {0};
        assertThatThrownBy(() -> MaximalCovering.solve(problem, 60, null, 10_000, () -> {
            if (++steps[0] > 5) {
                throw new IllegalStateException("stop");
            }
        })).hasMessage("stop");
    }
}
