package cn.servicemap.gis.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.siting.MaximalCovering;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Siting on the real Nanjing core (a 3 km core: the 5-minute band leaves gaps to close): ten new sites raise the people
 * within 5 minutes by exactly what the answer claims
 * when they are added as what-ifs, and every site adds somebody.
 */
class SitingProblemTest {

    @BeforeAll
    static void setUp() throws Exception {
        NanjingCoverageTest.setUp();
    }

    @Test
    void shouldGainWhatItClaimsWhenTheSitesAreAddedAsWhatIfs() {
        // a thin network of stations (every sixth demo station), so there is much to gain
        List<Snap> existing = new ArrayList<>();
        for (int i = 0; i < NanjingCoverageTest.stations.size(); i += 6) {
            existing.add(NanjingCoverageTest.stations.get(i));
        }
        Coverage now = NanjingCoverageTest.coverage(existing);
        // candidates: every fourth node of the walking network's main piece
        ProfileGraph walk = NanjingCoverageTest.network.graph(TravelProfile.WALK);
        List<Snap> candidates = new ArrayList<>();
        for (int node = 0; node < NanjingCoverageTest.network.nodeCount(); node += 4) {
            int c = walk.componentOfNode(node);
            if (c >= 0 && walk.component(c).main() && walk.outgoing().begin(node) < walk.outgoing().end(node)) {
                int edge = walk.outgoing().edge(walk.outgoing().begin(node));
                candidates.add(NanjingCoverageTest.network.onEdge(TravelProfile.WALK, edge,
                        NanjingCoverageTest.network.edgeBase(edge) == node ? 0 : 1));
            }
        }
        SitingProblem siting = SitingProblem.build(now, 5, candidates);
        assertThat(siting.problem().demandCount()).isPositive();

        MaximalCovering.Result r = MaximalCovering.solve(siting.problem(), 10, null, 5_000);

        assertThat(r.sites()).hasSize(10);
        assertThat(java.util.Arrays.stream(r.gains()).min().orElseThrow()).as("every site adds somebody").isPositive();
        assertThat(r.upperBound()).isGreaterThanOrEqualTo(r.covered());
        Coverage with = now;
        for (int site : r.sites()) {
            with = with.apply(with.field().withSourceAdded(candidates.get(site)), candidates.get(site).edge());
        }
        double before = within5(now);
        double after = within5(with);
        assertThat(after - before).isCloseTo(r.covered(), within(1e-6));
        // and the incremental coverage equals a full computation with the sites as stations
        List<Snap> all = new ArrayList<>(existing);
        for (int site : r.sites()) {
            all.add(candidates.get(site));
        }
        assertThat(within5(NanjingCoverageTest.coverage(all))).isCloseTo(after, within(1e-6));
    }

    private static double within5(Coverage c) {
        return c.report().region().bands().get(0).peopleCovered();
    }

    /** A long build reports each candidate done and stops when told to (a cancelled job). */
    @Test
    void shouldReportEachCandidateAndStopWhenCancelled() {
        Coverage now = NanjingCoverageTest.coverage(NanjingCoverageTest.stations.subList(0, 5));
        List<Snap> candidates = NanjingCoverageTest.stations.subList(5, 25);
        List<Integer> seen = new ArrayList<>();
        SitingProblem.build(now, 5, candidates, seen::add);
        assertThat(seen).hasSize(candidates.size()).startsWith(1).endsWith(candidates.size());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SitingProblem.build(now, 5, candidates, done -> {
            if (done == 7) {
                throw new IllegalStateException("cancelled");
            }
        })).hasMessage("cancelled");
    }
}
