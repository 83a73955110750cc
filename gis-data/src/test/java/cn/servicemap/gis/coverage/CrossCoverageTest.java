package cn.servicemap.gis.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.MultiSourceSearch;
import cn.servicemap.gis.access.Reach;
import cn.servicemap.gis.access.TwoNearestSearch;
import cn.servicemap.gis.access.TwoNearestUpdate;
import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 交叉覆盖 on the real Nanjing core: per district and band, the people reaching two stations equal a count made from
 * one search per station, and never exceed the people reaching one; likewise the road length from which two stations
 * are within the band; what-ifs update it exactly as a recompute. And on a hand-drawn street, the road length worked
 * out by hand.
 */
class CrossCoverageTest {

    @BeforeAll
    static void setUp() throws Exception {
        NanjingCoverageTest.setUp();
    }

    @Test
    void shouldCountThePeopleWithTwoStationsWithinEachBand() {
        List<Snap> stations = NanjingCoverageTest.stations.subList(0, 12);
        List<Integer> bands = List.of(5, 10, 15);
        CoverageModel model = NanjingCoverageTest.model;
        TwoNearestSearch.Result two = new TwoNearestSearch(NanjingCoverageTest.network, TravelProfile.WALK, 30 * 60).run(stations);

        CrossCoverage cross = CrossCoverage.compute(model, two, bands);

        // the same count from one search per station: the second-smallest trip over the stations
        MultiSourceSearch single = new MultiSourceSearch(NanjingCoverageTest.network, TravelProfile.WALK, 30 * 60);
        List<AccessField> each = new ArrayList<>();
        for (int i = 0; i < stations.size(); i++) {
            List<Snap> only = new ArrayList<>(Collections.nCopies(stations.size(), (Snap) null));
            only.set(i, stations.get(i));
            each.add(single.run(only));
        }
        double[][] expected = new double[model.districtCount()][bands.size()];
        for (int cell = 0; cell < model.cellCount(); cell++) {
            int edge = model.cellEdge(cell);
            if (edge < 0) {
                continue;
            }
            List<Integer> times = new ArrayList<>();
            for (AccessField f : each) {
                Reach r = f.reachAt(edge, model.cellFraction(cell));
                if (r.isReached()) {
                    times.add(r.timeInMillis());
                }
            }
            Collections.sort(times);
            if (times.size() < 2) {
                continue;
            }
            long t = (long) times.get(1) + model.cellOffRoadMillis(cell);
            for (int b = 0; b < bands.size(); b++) {
                if (t <= bands.get(b) * 60_000L) {
                    expected[model.cellDistrict(cell)][b] += model.surface().people(cell);
                }
            }
        }
        Coverage one = Coverage.compute(model, single.run(stations), bands);
        CoverageReport report = one.report();
        assertThat(cross.districts()).hasSize(model.districtCount());
        double anyTwo = 0;
        for (int d = 0; d < model.districtCount(); d++) {
            CrossCoverage.Row row = cross.districts().get(d);
            for (int b = 0; b < bands.size(); b++) {
                assertThat(row.peopleWithTwo().get(b)).as("district %s band %d", row.adcode(), bands.get(b))
                        .isCloseTo(expected[d][b], within(1e-6));
                anyTwo += row.peopleWithTwo().get(b);
            }
            DistrictCoverage dc = report.districts().stream().filter(x -> x.adcode().equals(row.adcode())).findFirst().orElseThrow();
            for (int b = 0; b < bands.size(); b++) {
                assertThat(row.peopleWithTwo().get(b)).isLessThanOrEqualTo(dc.bands().get(b).peopleCovered() + 1e-6);
            }
        }
        assertThat(anyTwo).isPositive();
        assertThat(cross.region().peopleWithTwo().get(2)).isLessThanOrEqualTo(report.region().bands().get(2).peopleCovered() + 1e-6);
    }

    /**
     * One straight street of ten 100 m edges, walked at 1 minute per edge, across two districts; station S in the
     * middle of edge 2, station T at node 6:
     * <pre>
     *   x (100 m)   0    1    2    3    4    5    6    7    8    9   10
     *               o----o----o--S-o----o----o----T----o----o----o----o
     *               |     district 1 (edges 0–4)  |  district 2 (5–9) |
     * </pre>
     * Within m minutes S reaches [2.5 − m, 2.5 + m] and T [6 − m, 6 + m], so both reach [6 − m, 2.5 + m]:
     * nothing at 1 minute, [4, 4.5] at 2, [3, 5.5] at 3 and [1, 7.5] at 5.
     */
    @Test
    void shouldMeasureTheStreetFromWhichTwoStationsAreWithinEachBandByHand() {
        double[][] nodes = new double[11][];
        int[][] streets = new int[10][];
        for (int i = 0; i <= 10; i++) {
            nodes[i] = new double[]{i, 1};
            if (i < 10) {
                streets[i] = new int[]{i, i + 1};
            }
        }
        DrawnStreets line = DrawnStreets.draw(10, 2, nodes, streets);
        List<Snap> stations = List.of(line.at(2, 0.5), line.at(6, 0));
        TwoNearestSearch.Result two = new TwoNearestSearch(line.network(), TravelProfile.WALK, 30 * 60).run(stations);

        CrossCoverage cross = CrossCoverage.compute(line.model(), two, List.of(1, 2, 3, 5));

        assertThat(cross.districts()).hasSize(2);
        CrossCoverage.Row west = cross.districts().get(0);
        CrossCoverage.Row east = cross.districts().get(1);
        assertThat(west.roadMeters()).isCloseTo(500, within(1e-6));
        assertThat(east.roadMeters()).isCloseTo(500, within(1e-6));
        assertThat(cross.region().roadMeters()).isCloseTo(1000, within(1e-6));
        assertCloseTo(west.roadMetersWithTwo(), 0, 50, 200, 400);
        assertCloseTo(east.roadMetersWithTwo(), 0, 0, 50, 250);
        assertCloseTo(cross.region().roadMetersWithTwo(), 0, 50, 250, 650);
    }

    private static void assertCloseTo(List<Double> actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i)).as("band %d", i).isCloseTo(expected[i], within(1e-6));
        }
    }

    /**
     * On the Nanjing core: the road length with two stations equals a count over every station (not only the two of
     * each end node), never exceeds the road length covered by one station nor the road length, and the road length is
     * the coverage report's.
     */
    @Test
    void shouldMeasureTheRoadWithTwoStationsAsACountOverEveryStationWould() {
        List<Snap> stations = NanjingCoverageTest.stations.subList(0, 12);
        List<Integer> bands = List.of(5, 10, 15);
        CoverageModel model = NanjingCoverageTest.model;
        RoadNetwork network = NanjingCoverageTest.network;
        TwoNearestSearch.Result two = new TwoNearestSearch(network, TravelProfile.WALK, 30 * 60).run(stations);

        CrossCoverage cross = CrossCoverage.compute(model, two, bands);

        MultiSourceSearch single = new MultiSourceSearch(network, TravelProfile.WALK, 30 * 60);
        List<AccessField> each = new ArrayList<>();
        for (Snap s : stations) {
            each.add(single.run(List.of(s)));
        }
        ProfileGraph graph = network.graph(TravelProfile.WALK);
        double[][] expected = new double[model.districtCount()][bands.size()];
        for (int e = 0; e < network.edgeCount(); e++) {
            int d = model.edgeDistrict(e);
            if (d < 0) {
                continue;
            }
            for (int b = 0; b < bands.size(); b++) {
                int limit = bands.get(b) * 60_000;
                double[] fromBase = new double[each.size()];
                double[] fromAdj = new double[each.size()];
                for (int i = 0; i < each.size(); i++) {
                    fromBase[i] = Coverage.reachFraction(each.get(i).timeInMillis(network.edgeBase(e)), graph.timeInMillis(e, true), limit);
                    fromAdj[i] = Coverage.reachFraction(each.get(i).timeInMillis(network.edgeAdj(e)), graph.timeInMillis(e, false), limit);
                }
                expected[d][b] += shareReachedByTwo(fromBase, fromAdj) * network.edgeDistanceInMeters(e);
            }
        }
        Coverage one = Coverage.compute(model, single.run(stations), bands);
        for (int d = 0; d < model.districtCount(); d++) {
            CrossCoverage.Row row = cross.districts().get(d);
            assertThat(row.roadMeters()).isCloseTo(one.roadMeters(d), within(1e-6));
            for (int b = 0; b < bands.size(); b++) {
                double withTwo = row.roadMetersWithTwo().get(b);
                assertThat(withTwo).as("district %s band %d", row.adcode(), bands.get(b)).isCloseTo(expected[d][b], within(1e-6))
                        .isLessThanOrEqualTo(one.coveredMeters(d, b) + 1e-6)
                        .isLessThanOrEqualTo(row.roadMeters() + 1e-6);
                if (b > 0) {
                    assertThat(withTwo).isGreaterThanOrEqualTo(row.roadMetersWithTwo().get(b - 1) - 1e-6);
                }
            }
        }
        double sum = cross.districts().stream().mapToDouble(r -> r.roadMetersWithTwo().get(2)).sum();
        assertThat(cross.region().roadMetersWithTwo().get(2)).isPositive().isCloseTo(sum, within(1e-6));
    }

    /**
     * On the Nanjing core, 12 of the demo stations: a real station closed, a new one opened, another moved, then random
     * what-ifs; after each, 交叉覆盖 updated from the what-if equals a recompute from a fresh two-nearest search on the
     * same stations (every cell's second-nearest time exactly, the figures up to summation order).
     */
    @Test
    void shouldUpdateThroughWhatIfsExactlyAsAFullRecompute() {
        RoadNetwork network = NanjingCoverageTest.network;
        CoverageModel model = NanjingCoverageTest.model;
        List<Integer> bands = List.of(5, 10, 15);
        TwoNearestSearch search = new TwoNearestSearch(network, TravelProfile.WALK, 30 * 60);
        List<Snap> stations = new ArrayList<>(NanjingCoverageTest.stations.subList(0, 12));
        CrossCoverageState state = CrossCoverageState.compute(model, search.run(stations), bands);
        SplittableRandom random = new SplittableRandom(7);
        double before = state.report().region().peopleWithTwo().get(0);

        // close station 3
        TwoNearestUpdate closed = state.twoNearest().withSourceRemoved(3);
        stations.set(3, null);
        state = checked(state, closed, stations, search, bands, "close 3");
        assertThat(closed.changedNodes()).isNotEmpty();
        assertThat(state.report().region().peopleWithTwo().get(0)).isLessThanOrEqualTo(before + 1e-6);
        // open one where station 3 was: the two nearest are as before
        TwoNearestUpdate reopened = state.twoNearest().withSourceAdded(NanjingCoverageTest.stations.get(3));
        stations.add(NanjingCoverageTest.stations.get(3));
        state = checked(state, reopened, stations, search, bands, "open at 3's place");
        assertThat(state.report().region().peopleWithTwo().get(0)).isCloseTo(before, within(1e-6));
        // open one somewhere else, move one
        Snap site = randomPlace(random);
        stations.add(site);
        state = checked(state, state.twoNearest().withSourceAdded(site), stations, search, bands, "open");
        Snap moved = randomPlace(random);
        stations.set(5, moved);
        state = checked(state, state.twoNearest().withSourceMoved(5, moved), stations, search, bands, "move 5");

        for (int step = 0; step < 30; step++) {
            TwoNearestSearch.Result two = state.twoNearest();
            List<Integer> active = new ArrayList<>();
            for (int i = 0; i < stations.size(); i++) {
                if (stations.get(i) != null) {
                    active.add(i);
                }
            }
            int op = random.nextInt(3);
            TwoNearestUpdate update;
            if (op == 0 || active.size() < 3) {
                Snap s = randomPlace(random);
                update = two.withSourceAdded(s);
                stations.add(s);
            } else if (op == 1) {
                int index = active.get(random.nextInt(active.size()));
                update = two.withSourceRemoved(index);
                stations.set(index, null);
            } else {
                int index = active.get(random.nextInt(active.size()));
                Snap s = randomPlace(random);
                update = two.withSourceMoved(index, s);
                stations.set(index, s);
            }
            state = checked(state, update, stations, search, bands, "step " + step);
        }
    }

    private static CrossCoverageState checked(CrossCoverageState state, TwoNearestUpdate update, List<Snap> stations,
                                              TwoNearestSearch search, List<Integer> bands, String what) {
        CrossCoverageState incremental = state.apply(update);
        CrossCoverageState full = CrossCoverageState.compute(state.model(), search.run(stations), bands);
        for (int cell = 0; cell < state.model().cellCount(); cell++) {
            assertThat(incremental.cellSecondTimeInMillis(cell)).as("%s cell %d", what, cell)
                    .isEqualTo(full.cellSecondTimeInMillis(cell));
        }
        CrossCoveragePropertyTest.assertSameFigures(incremental.report(), full.report(), what);
        return incremental;
    }

    private static Snap randomPlace(SplittableRandom random) {
        while (true) {
            Snap s = NanjingCoverageTest.network.snapToMainComponent(TravelProfile.WALK, 118.765 + random.nextDouble() * 0.03,
                    32.035 + random.nextDouble() * 0.017, 300);
            if (s.isSnapped()) {
                return s;
            }
        }
    }

    /** The share of [0, 1] inside the parts of two or more of all the stations (each covering [0, a] and [1 − b, 1]). */
    private static double shareReachedByTwo(double[] fromBase, double[] fromAdj) {
        double[] cuts = new double[2 * fromBase.length + 2];
        cuts[0] = 0;
        cuts[1] = 1;
        for (int i = 0; i < fromBase.length; i++) {
            cuts[2 + 2 * i] = fromBase[i];
            cuts[3 + 2 * i] = 1 - fromAdj[i];
        }
        Arrays.sort(cuts);
        double share = 0;
        for (int k = 1; k < cuts.length; k++) {
            double mid = (cuts[k - 1] + cuts[k]) / 2;
            int reaching = 0;
            for (int i = 0; i < fromBase.length; i++) {
                if (mid <= fromBase[i] || mid >= 1 - fromAdj[i]) {
                    reaching++;
                }
            }
            share += reaching >= 2 ? cuts[k] - cuts[k - 1] : 0;
        }
        return share;
    }
}
