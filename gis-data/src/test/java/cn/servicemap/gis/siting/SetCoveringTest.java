package cn.servicemap.gis.siting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SetCoveringTest {

    /** The instance of {@link MaximalCoveringTest#shouldLeaveTheGreedyTrapByInterchange}: A covers 4, B and C 3 each, B+C all 6. */
    private static final CoveringProblem TRAP = new CoveringProblem(new double[]{1, 1, 1, 1, 1, 1},
            new int[][]{{0, 1, 2, 3}, {0, 1, 4}, {2, 3, 5}});

    @Test
    void shouldFindTheFewestSitesForATargetAndProveIt() {
        SetCovering.Result four = SetCovering.solve(TRAP, 4, null, 1_000);
        assertThat(four.sites()).containsExactly(0);
        assertThat(four.lowerBound()).isEqualTo(1);
        assertThat(four.reached()).isTrue();

        SetCovering.Result all = SetCovering.solve(TRAP, 6, null, 1_000);
        assertThat(all.sites()).containsExactlyInAnyOrder(1, 2);
        assertThat(all.covered()).isEqualTo(6);
        assertThat(all.lowerBound()).isEqualTo(2);
    }

    @Test
    void shouldSayWhenTheTargetCannotBeReached() {
        SetCovering.Result more = SetCovering.solve(TRAP, 7, null, 1_000);
        assertThat(more.reached()).isFalse();
        assertThat(more.covered()).isEqualTo(6);

        SetCovering.Result withoutC = SetCovering.solve(TRAP, 6, new boolean[]{false, false, true}, 1_000);
        assertThat(withoutC.reached()).isFalse();
        assertThat(withoutC.covered()).isEqualTo(5);
    }

    /** Never fewer sites than the true fewest, which is never below the bound; usually exactly the fewest. */
    @Test
    void shouldStayBetweenItsBoundAndTheFewestOnRandomInstances() {
        SplittableRandom random = new SplittableRandom(5);
        int fewest = 0;
        int trials = 150;
        for (int t = 0; t < trials; t++) {
            int demands = 8 + random.nextInt(10);
            int candidates = 5 + random.nextInt(7);
            double[] w = new double[demands];
            for (int d = 0; d < demands; d++) {
                w[d] = 1 + random.nextInt(30);
            }
            int[][] covers = new int[candidates][];
            for (int c = 0; c < candidates; c++) {
                covers[c] = random.ints(0, demands).limit(1 + random.nextInt(6)).distinct().sorted().toArray();
            }
            CoveringProblem problem = new CoveringProblem(w, covers);
            double all = problem.coveredBy(java.util.stream.IntStream.range(0, candidates).toArray());
            double target = Math.floor(all * (0.3 + 0.6 * random.nextDouble()));

            SetCovering.Result r = SetCovering.solve(problem, target, null, 1_000);
            int truth = bruteForceFewest(problem, target);

            assertThat(r.reached()).isTrue();
            assertThat(problem.coveredBy(r.sites())).isGreaterThanOrEqualTo(target);
            assertThat(r.sites().length).as("trial %d", t).isGreaterThanOrEqualTo(truth);
            assertThat(r.lowerBound()).as("trial %d", t).isLessThanOrEqualTo(truth);
            if (r.sites().length == truth) {
                fewest++;
            }
        }
        assertThat(fewest).isGreaterThanOrEqualTo(trials * 95 / 100);
    }

    /**
     * With places requiring one or two sites: the target is reached whenever all candidates together reach it, never
     * with fewer sites than the true fewest, which is never below the bound.
     */
    @Test
    void shouldStayBetweenItsBoundAndTheFewestWithRequirements() {
        SplittableRandom random = new SplittableRandom(29);
        int fewest = 0;
        int trials = 150;
        for (int t = 0; t < trials; t++) {
            int demands = 8 + random.nextInt(10);
            int candidates = 5 + random.nextInt(7);
            double[] w = new double[demands];
            int[] required = new int[demands];
            for (int d = 0; d < demands; d++) {
                w[d] = 1 + random.nextInt(30);
                required[d] = 1 + random.nextInt(2);
            }
            int[][] covers = new int[candidates][];
            for (int c = 0; c < candidates; c++) {
                covers[c] = random.ints(0, demands).limit(1 + random.nextInt(6)).distinct().sorted().toArray();
            }
            CoveringProblem problem = new CoveringProblem(w, required, covers);
            double all = problem.coveredBy(java.util.stream.IntStream.range(0, candidates).toArray());
            double target = Math.floor(all * (0.3 + 0.6 * random.nextDouble()));

            SetCovering.Result r = SetCovering.solve(problem, target, null, 1_000);
            int truth = bruteForceFewest(problem, target);

            assertThat(r.reached()).as("trial %d", t).isTrue();
            assertThat(problem.coveredBy(r.sites())).isGreaterThanOrEqualTo(target);
            assertThat(r.sites().length).as("trial %d", t).isGreaterThanOrEqualTo(truth);
            assertThat(r.lowerBound()).as("trial %d", t).isLessThanOrEqualTo(truth);
            if (r.sites().length == truth) {
                fewest++;
            }
        }
        assertThat(fewest).isGreaterThanOrEqualTo(trials * 90 / 100); // 149 of 150 when written
    }

    private static int bruteForceFewest(CoveringProblem problem, double target) {
        int n = problem.candidateCount();
        int best = Integer.MAX_VALUE;
        for (int mask = 0; mask < 1 << n; mask++) {
            int[] sites = new int[Integer.bitCount(mask)];
            int k = 0;
            for (int c = 0; c < n; c++) {
                if ((mask & 1 << c) != 0) {
                    sites[k++] = c;
                }
            }
            if (sites.length < best && problem.coveredBy(sites) >= target) {
                best = sites.length;
            }
        }
        return best;
    }
}
