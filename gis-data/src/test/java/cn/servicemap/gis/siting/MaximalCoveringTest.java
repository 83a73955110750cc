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
            assertEverySiteIsNeeded(problem, r.sites());
            if (r.covered() >= best - 1e-9) {
                optimal++;
            }
        }
        assertThat(optimal).isGreaterThanOrEqualTo(trials * 95 / 100);
    }

    /**
     * 交叉覆盖: place P needs two sites (nobody reaches two stations there yet), Q one:
     * <pre>
     *   place:      P (r = 2)   Q (r = 1)
     *   people:     16          9
     *   X         [             x ]   completes Q: 9
     *   A         [ x             ]   completes nothing alone; starts P (scores half of it, 8)
     *   B         [ x             ]   the same; with A it completes P: 16
     * </pre>
     * With two sites the greedy takes X (score 9) and then A (score 8, starting P); no single site then completes
     * anything more. The interchange swaps X (losing 9) for B (completing P with A: 16). {A, B} is the optimum; the
     * exact solver agrees and the bound is not below it. Counting completions only, the greedy would take X alone and
     * never start P.
     */
    @Test
    void shouldStartAPairAndCompleteItByInterchange() {
        CoveringProblem problem = new CoveringProblem(new double[]{16, 9}, new int[]{2, 1}, new int[][]{{1}, {0}, {0}});

        MaximalCovering.Result r = MaximalCovering.solve(problem, 2, null, 1_000);

        assertThat(r.sites()).containsExactly(1, 2);
        assertThat(r.gains()).containsExactly(0, 16);
        assertThat(r.covered()).isEqualTo(16);
        assertThat(r.swaps()).isEqualTo(1);
        assertThat(r.upperBound()).isGreaterThanOrEqualTo(16 - 1e-6);
        ExactCovering.Result exact = ExactCovering.solve(problem, 2, null, 10, 1);
        assertThat(exact.status()).isEqualTo("OPTIMAL");
        assertThat(exact.sites()).containsExactly(1, 2);
        assertThat(exact.covered()).isEqualTo(16);
        // without B the pair cannot be completed: X alone, and A is not proposed for nothing
        MaximalCovering.Result withoutB = MaximalCovering.solve(problem, 2, new boolean[]{false, false, true}, 1_000);
        assertThat(withoutB.sites()).containsExactly(0);
        assertThat(withoutB.covered()).isEqualTo(9);
    }

    /** One site cannot complete a place needing two: none is proposed (the greedy's start, A, loses nobody when dropped). */
    @Test
    void shouldNotProposeHalfAPair() {
        CoveringProblem problem = new CoveringProblem(new double[]{20}, new int[]{2}, new int[][]{{0}, {0}});

        MaximalCovering.Result r = MaximalCovering.solve(problem, 1, null, 1_000);

        assertThat(r.sites()).isEmpty();
        assertThat(r.covered()).isZero();
        assertThat(r.upperBound()).isGreaterThanOrEqualTo(0);
        assertThat(MaximalCovering.solve(problem, 2, null, 1_000).covered()).isEqualTo(20);
    }

    /**
     * A started pair that the budget cannot complete is dropped, not proposed:
     * <pre>
     *   place:      P (r = 2)   Q (r = 1)
     *   people:     10          12
     *   X         [             x ]
     *   A         [ x             ]
     *   B         [ x             ]
     * </pre>
     * With two sites the greedy takes X (12), then A (starting P: 5). Completing P with B would mean giving up X
     * (10 &lt; 12), and A alone completes nothing: its removal loses nobody, so only X comes back.
     */
    @Test
    void shouldDropASiteWhoseRemovalLosesNobody() {
        CoveringProblem problem = new CoveringProblem(new double[]{10, 12}, new int[]{2, 1}, new int[][]{{1}, {0}, {0}});

        MaximalCovering.Result r = MaximalCovering.solve(problem, 2, null, 1_000);

        assertThat(r.sites()).containsExactly(0);
        assertThat(r.covered()).isEqualTo(12);
        assertThat(MaximalCovering.solve(problem, 3, null, 1_000).covered()).isEqualTo(22);
    }

    /**
     * With places requiring one, two or three sites, on random instances small enough to try every choice: the answer
     * covers what it says, never more than the optimum, the bound never below it, every site is needed; the search
     * reaches the optimum on most of them (without the greedy's guarantee).
     */
    @Test
    void shouldStayBetweenTheOptimumAndItsBoundWithRequirements() {
        SplittableRandom random = new SplittableRandom(17);
        int optimal = 0;
        int trials = 300;
        for (int t = 0; t < trials; t++) {
            int demands = 6 + random.nextInt(12);
            int candidates = 4 + random.nextInt(9);
            int p = 1 + random.nextInt(5);
            double[] w = new double[demands];
            int[] required = new int[demands];
            for (int d = 0; d < demands; d++) {
                w[d] = random.nextInt(50);
                required[d] = random.nextInt(10) < 6 ? 2 : random.nextInt(10) < 8 ? 1 : 3;
            }
            int[][] covers = new int[candidates][];
            for (int c = 0; c < candidates; c++) {
                covers[c] = random.ints(0, demands).limit(1 + random.nextInt(6)).distinct().sorted().toArray();
            }
            CoveringProblem problem = new CoveringProblem(w, required, covers);
            boolean[] excluded = new boolean[candidates];
            excluded[random.nextInt(candidates)] = random.nextBoolean();

            MaximalCovering.Result r = MaximalCovering.solve(problem, p, excluded, 1_000);
            double best = bruteForce(problem, p, excluded);

            assertThat(r.covered()).as("trial %d", t).isEqualTo(problem.coveredBy(r.sites()));
            assertThat(Arrays.stream(r.gains()).sum()).isCloseTo(r.covered(), within(1e-9));
            assertThat(r.covered()).as("trial %d", t).isLessThanOrEqualTo(best + 1e-9);
            assertThat(r.upperBound()).as("trial %d", t).isGreaterThanOrEqualTo(best - 1e-6);
            assertThat(r.sites().length).isLessThanOrEqualTo(p);
            assertThat(Arrays.stream(r.sites()).noneMatch(c -> excluded[c])).isTrue();
            assertEverySiteIsNeeded(problem, r.sites());
            if (r.covered() >= best - 1e-9) {
                optimal++;
            }
        }
        assertThat(optimal).isGreaterThanOrEqualTo(trials * 90 / 100); // 288 of 300 when written
    }

    /** Removing any one of the sites loses somebody. */
    static void assertEverySiteIsNeeded(CoveringProblem problem, int[] sites) {
        double all = problem.coveredBy(sites);
        for (int i = 0; i < sites.length; i++) {
            int[] without = new int[sites.length - 1];
            for (int j = 0, k = 0; j < sites.length; j++) {
                if (j != i) {
                    without[k++] = sites[j];
                }
            }
            assertThat(problem.coveredBy(without)).as("without site %d", sites[i]).isLessThan(all - 1e-9);
        }
    }

    /** The best cover by trying every choice of at most p candidates. */
    static double bruteForce(CoveringProblem problem, int p) {
        return bruteForce(problem, p, new boolean[problem.candidateCount()]);
    }

    /** The best cover by trying every choice of at most p candidates that are not excluded. */
    static double bruteForce(CoveringProblem problem, int p, boolean[] excluded) {
        int n = problem.candidateCount();
        int allowed = 0;
        for (int c = 0; c < n; c++) {
            allowed |= excluded[c] ? 0 : 1 << c;
        }
        double best = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) > p || (mask & ~allowed) != 0) {
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
