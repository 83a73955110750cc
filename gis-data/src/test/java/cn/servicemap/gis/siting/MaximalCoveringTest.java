package cn.servicemap.gis.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MaximalCoveringTest {

    /**
     * The textbook trap for greedy. Six places of one person each, three candidate sites:
     * <pre>
     *   place:   1   2   3   4   5   6
     *   A      [ x   x   x   x         ]   covers 4
     *   B      [ x   x           x     ]   covers 3
     *   C      [         x   x       x ]   covers 3
     * </pre>
     * With two sites greedy takes A (4) then B or C (+1) = 5; B and C together cover all 6. The interchange finds
     * them, and the bound cannot be below 6.
     */
    @Test
    void shouldLeaveTheGreedyTrapByInterchange() {
        CoveringProblem problem = new CoveringProblem(new double[]{1, 1, 1, 1, 1, 1},
                new int[][]{{0, 1, 2, 3}, {0, 1, 4}, {2, 3, 5}});

        MaximalCovering.Result r = MaximalCovering.solve(problem, 2, null, 1_000);

        assertThat(r.sites()).containsExactlyInAnyOrder(1, 2);
        assertThat(r.covered()).isEqualTo(6);
        assertThat(r.gains()).containsExactly(3, 3);
        assertThat(r.swaps()).isEqualTo(1);
        assertThat(r.upperBound()).isCloseTo(6, within(1e-6));
        assertThat(r.gapPercent()).isCloseTo(0, within(1e-6));
    }

    /** An excluded candidate is never chosen; a site that would add nobody is never proposed, so fewer may come back. */
    @Test
    void shouldRespectExclusionsAndNeverProposeASiteThatAddsNobody() {
        CoveringProblem problem = new CoveringProblem(new double[]{10, 20, 0},
                new int[][]{{0, 1}, {1}, {0}, {2}, {}});

        MaximalCovering.Result all = MaximalCovering.solve(problem, 4, null, 1_000);
        assertThat(all.sites()).containsExactly(0);
        assertThat(all.covered()).isEqualTo(30);

        MaximalCovering.Result without = MaximalCovering.solve(problem, 4, new boolean[]{true, false, false, false, false}, 1_000);
        assertThat(without.sites()).containsExactly(1, 2);
        assertThat(without.gains()).containsExactly(20, 10);
        assertThat(without.covered()).isEqualTo(30);
    }

    /**
     * On random instances small enough to try every choice: the answer covers what it says, never more than the
     * optimum, and the bound is never below the optimum. Interchange reaches the optimum on nearly all of them.
     */
    @Test
    void shouldStayBetweenTheOptimumAndItsBoundOnRandomInstances() {
        SplittableRandom random = new SplittableRandom(11);
        int optimal = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            int demands = 8 + random.nextInt(12);
            int candidates = 5 + random.nextInt(8);
            int p = 1 + random.nextInt(4);
            double[] w = new double[demands];
            for (int d = 0; d < demands; d++) {
                w[d] = random.nextInt(50);
            }
            int[][] covers = new int[candidates][];
            for (int c = 0; c < candidates; c++) {
                covers[c] = random.ints(0, demands).limit(1 + random.nextInt(5)).distinct().sorted().toArray();
            }
            CoveringProblem problem = new CoveringProblem(w, covers);

            MaximalCovering.Result r = MaximalCovering.solve(problem, p, null, 1_000);
            double best = bruteForce(problem, p);

            assertThat(r.covered()).as("trial %d", t).isEqualTo(problem.coveredBy(r.sites()));
            assertThat(Arrays.stream(r.gains()).sum()).isCloseTo(r.covered(), within(1e-9));
            assertThat(r.covered()).as("trial %d", t).isLessThanOrEqualTo(best + 1e-9);
            assertThat(r.upperBound()).as("trial %d", t).isGreaterThanOrEqualTo(best - 1e-6);
            assertThat(r.sites().length).isLessThanOrEqualTo(p);
            if (r.covered() >= best - 1e-9) {
                optimal++;
            }
        }
        assertThat(optimal).isGreaterThanOrEqualTo(trials * 95 / 100);
    }

    /** The best cover by trying every choice of at most p candidates. */
    private static double bruteForce(CoveringProblem problem, int p) {
        int n = problem.candidateCount();
        double best = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) > p) {
                continue;
            }
            int[] sites = new int[Integer.bitCount(mask)];
            int k = 0;
            for (int c = 0; c < n; c++) {
                if ((mask & 1 << c) != 0) {
                    sites[k++] = c;
                }
            }
            best = Math.max(best, problem.coveredBy(sites));
        }
        return best;
    }
}
