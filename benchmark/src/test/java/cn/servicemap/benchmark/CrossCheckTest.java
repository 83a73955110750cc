package cn.servicemap.benchmark;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The cross-checks must fail on a real disagreement and only there, or the benchmark's exit code means nothing. */
class CrossCheckTest {
    static final int NONE = Integer.MAX_VALUE;

    @Test
    void shouldAcceptEqualTimesAndRoundingWithinASecond() {
        Map<String, Object> m = PeersBenchmark.compare("t", new int[]{0, 1_500, 899_999, NONE},
                new double[]{0, 1.5004, 899.999, Double.NaN}, 0);
        assertThat(m.get("ok")).isEqualTo(true);
        assertThat(m.get("reached_by_both")).isEqualTo(3);
    }

    @Test
    void shouldRejectATimeOffByMoreThanASecond() {
        Map<String, Object> m = PeersBenchmark.compare("t", new int[]{0, 100_000}, new double[]{0, 102}, 0);
        assertThat(m.get("ok")).isEqualTo(false);
        assertThat(m.get("max_abs_difference_s")).isEqualTo(2.0);
    }

    @Test
    void shouldExplainOneSidedNodesOnlyAtTheLimit() {
        // reached by ours alone just inside 900 s: float sums may fall on the other side; fine
        assertThat(PeersBenchmark.compare("t", new int[]{0, 899_600}, new double[]{0, Double.NaN}, 0).get("ok"))
                .isEqualTo(true);
        // reached by the peer alone at 500 s: a real disagreement
        Map<String, Object> m = PeersBenchmark.compare("t", new int[]{0, NONE}, new double[]{0, 500}, 0);
        assertThat(m.get("ok")).isEqualTo(false);
        assertThat(m.get("one_sided_not_at_limit")).isEqualTo(1);
    }

    @Test
    void shouldRejectDuplicateRows() {
        assertThat(PeersBenchmark.compare("t", new int[]{0}, new double[]{0}, 1).get("ok")).isEqualTo(false);
    }

    @Test
    void shouldExplainEquicostDifferencesOnlyWherePgRoutingsOwnMinimumDisagreesWithIt() {
        int[] ours = {0, 100_000, 200_000};
        // equicost 45 s too long at node 1, while pgRouting's own per-station minimum equals ours: its defect
        Map<String, Object> defect = PeersBenchmark.equicostCheck(ours, new double[]{0, 145, 200}, new double[]{0, 100, 200});
        assertThat(defect.get("ok")).isEqualTo(true);
        assertThat(defect.get("nodes_differing")).isEqualTo(1);
        // equicost and pgRouting's own minimum agree with each other and not with us: we are wrong
        assertThat(PeersBenchmark.equicostCheck(ours, new double[]{0, 145, 200}, new double[]{0, 145, 200}).get("ok"))
                .isEqualTo(false);
        // equicost faster than ours: a shorter path we missed
        assertThat(PeersBenchmark.equicostCheck(ours, new double[]{0, 90, 200}, new double[]{0, 100, 200}).get("ok"))
                .isEqualTo(false);
    }

    @Test
    void shouldTakeTheMedianOfPerRoundRatios() {
        assertThat(Timing.medianRatio(new double[]{10, 20, 300}, new double[]{1, 1, 1})).isEqualTo(20);
        assertThat(Distribution.of(new double[]{5, 1, 4, 2, 3}).p50Ms()).isEqualTo(3);
        assertThat(Distribution.of(new double[100]).count()).isEqualTo(100);
    }
}
