package cn.servicemap.gis.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.access.MultiSourceSearch;
import cn.servicemap.gis.access.TwoNearestSearch;
import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.siting.MaximalCovering;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Siting on the real Nanjing core (a 3 km core: the 5-minute band leaves gaps to close): ten new sites raise the people
 * within 5 minutes by exactly what the answer claims
 * when they are added as what-ifs, and every site adds somebody. And 交叉覆盖 siting on a hand-drawn street: any set of
 * sites raises the people reaching two stations by exactly what the problem says it covers.
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

    /**
     * 交叉覆盖 within 3 minutes on one straight street of ten 100 m edges (1 minute each), stations S at node 0 and T at
     * node 3, candidates a–h:
     * <pre>
     *   x (100 m)   0    1    2    3    4    5    6    7    8    9   10
     *               S----o----o----T----o----o----o----o----o----o----o
     *                         a    b    c         d  e      f    g    h      (e in the middle of edge 6)
     * </pre>
     * With the walk from their cells (50 m squares, 25 or 75 m off the street) the people at x ≈ 1–2 reach both; those
     * nearer S, or between about x = 2 and 5, reach one and need one more station; those beyond reach none and need
     * two. Every set of up to three sites raises
     * CrossCoverage's people with two stations by exactly the people it covers in the problem (recomputed from a new
     * two-nearest search with the sites as stations), and so does the answer of the solver.
     */
    @Test
    void shouldGainThePeopleWithTwoStationsItClaimsForAnySetOfSites() {
        double[][] nodes = new double[11][];
        int[][] streets = new int[10][];
        for (int i = 0; i <= 10; i++) {
            nodes[i] = new double[]{i, 1};
            if (i < 10) {
                streets[i] = new int[]{i, i + 1};
            }
        }
        DrawnStreets line = DrawnStreets.draw(10, 2, nodes, streets);
        List<Snap> existing = List.of(line.at(0, 0), line.at(2, 1));
        List<Snap> candidates = List.of(line.at(1, 1), line.at(2, 1), line.at(3, 1), line.at(5, 1), line.at(6, 0.5),
                line.at(7, 1), line.at(8, 1), line.at(9, 1));
        int band = 3;
        Coverage now = Coverage.compute(line.model(), new MultiSourceSearch(line.network(), TravelProfile.WALK, 30 * 60).run(existing),
                List.of(band));
        TwoNearestSearch search = new TwoNearestSearch(line.network(), TravelProfile.WALK, 30 * 60);
        double before = withTwo(line, search, existing, band);

        SitingProblem siting = SitingProblem.buildCross(now, search.run(existing), band, candidates, done -> { });

        assertThat(siting.problem().hasRequirements()).isTrue();
        List<Integer> required = new ArrayList<>();
        for (int d = 0; d < siting.problem().demandCount(); d++) {
            required.add(siting.requiredOfDemand(d));
        }
        assertThat(required).contains(1, 2).allMatch(r -> r == 1 || r == 2);
        for (int mask = 1; mask < 1 << candidates.size(); mask++) {
            if (Integer.bitCount(mask) > 3) {
                continue;
            }
            int[] sites = new int[Integer.bitCount(mask)];
            List<Snap> all = new ArrayList<>(existing);
            for (int c = 0, k = 0; c < candidates.size(); c++) {
                if ((mask & 1 << c) != 0) {
                    sites[k++] = c;
                    all.add(candidates.get(c));
                }
            }
            assertThat(withTwo(line, search, all, band) - before).as("sites %s", Arrays.toString(sites))
                    .isCloseTo(siting.problem().coveredBy(sites), within(1e-6));
        }

        MaximalCovering.Result r = MaximalCovering.solve(siting.problem(), 2, null, 1_000);

        assertThat(r.covered()).isPositive();
        List<Snap> all = new ArrayList<>(existing);
        for (int site : r.sites()) {
            all.add(candidates.get(site));
        }
        assertThat(withTwo(line, search, all, band) - before).isCloseTo(r.covered(), within(1e-6));
        assertThat(r.upperBound()).isGreaterThanOrEqualTo(r.covered());
    }

    private static double withTwo(DrawnStreets line, TwoNearestSearch search, List<Snap> stations, int band) {
        return CrossCoverage.compute(line.model(), search.run(stations), List.of(band)).region().peopleWithTwo().get(0);
    }
}
