package cn.servicemap.gis.siting;

import static org.assertj.core.api.Assertions.assertThat;
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
}
