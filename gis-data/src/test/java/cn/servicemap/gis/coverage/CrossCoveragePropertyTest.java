package cn.servicemap.gis.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.access.TwoNearestSearch;
import cn.servicemap.gis.access.TwoNearestUpdate;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 交叉覆盖 updated through random what-ifs equals a full recompute on the new stations, on random street grids with fixed
 * seeds: every cell's time to its second-nearest station exactly, and the people and street metres with two stations
 * per district and band up to the order of summation. Lattices (odd seeds) are full of equal times; driving has one-way
 * streets; stations sit on nodes, at quarter points and several on one street, a few or so many that a new station
 * often changes the people on its own street and no node; limits both cut the search short and not.
 */
class CrossCoveragePropertyTest {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 20270401;
        for (int stations : new int[]{5, 40}) {
            for (int k = 0; k < 2; k++) {
                cases.add(Arguments.of(seed++, TravelProfile.WALK, 600, List.of(2, 5, 10), stations));
                cases.add(Arguments.of(seed++, TravelProfile.WALK, 150, List.of(1, 2), stations));
                cases.add(Arguments.of(seed++, TravelProfile.CAR, 86_400, List.of(1, 2, 3), stations));
                cases.add(Arguments.of(seed++, TravelProfile.CAR, 60, List.of(1), stations));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0} {1} limit {2} s bands {3}, {4} stations")
    @MethodSource("cases")
    void whatIfsShouldEqualAFullRecompute(long seed, TravelProfile profile, int limit, List<Integer> bands, int stations) {
        RandomStreets streets = RandomStreets.grid(seed, 12, 8, profile);
        CoverageModel model = streets.model();
        Random r = new Random(seed * 31);
        List<Snap> sources = new ArrayList<>();
        for (int i = 0; i < stations; i++) {
            sources.add(streets.randomPlace(profile, r, sources));
        }
        TwoNearestSearch search = new TwoNearestSearch(streets.network(), profile, limit);
        CrossCoverageState state = CrossCoverageState.compute(model, search.run(sources), bands);
        double mostWithTwo = 0;
        for (int step = 0; step < 60; step++) {
            CrossCoverage before = state.report();
            TwoNearestSearch.Result two = state.twoNearest();
            int active = (int) sources.stream().filter(s -> s != null).count();
            double roll = r.nextDouble();
            TwoNearestUpdate update;
            if (active == 0 || roll < 0.35) {
                Snap s = streets.randomPlace(profile, r, sources);
                update = two.withSourceAdded(s);
                sources.add(s);
            } else {
                int index = randomActive(sources, r);
                if (roll < 0.7) {
                    update = two.withSourceRemoved(index);
                    sources.set(index, null);
                } else {
                    Snap s = streets.randomPlace(profile, r, sources);
                    update = two.withSourceMoved(index, s);
                    sources.set(index, s);
                }
            }
            CrossCoverageState incremental = state.apply(update);
            CrossCoverageState full = CrossCoverageState.compute(model, search.run(sources), bands);
            for (int cell = 0; cell < model.cellCount(); cell++) {
                assertThat(incremental.cellSecondTimeInMillis(cell)).as("step %d cell %d", step, cell)
                        .isEqualTo(full.cellSecondTimeInMillis(cell));
            }
            assertSameFigures(incremental.report(), full.report(), "step " + step);
            assertThat(state.report()).as("the old state after step %d", step).isEqualTo(before);
            state = incremental;
            mostWithTwo = Math.max(mostWithTwo, state.report().region().peopleWithTwo().get(bands.size() - 1));
        }
        assertThat(mostWithTwo).as("people with two stations at some step").isPositive();
    }

    /** The same figures, people and metres to 1e-6 of their size (the sums are made in another order). */
    static void assertSameFigures(CrossCoverage actual, CrossCoverage expected, String what) {
        assertThat(actual.bandMinutes()).isEqualTo(expected.bandMinutes());
        List<CrossCoverage.Row> as = new ArrayList<>(actual.districts());
        as.add(actual.region());
        List<CrossCoverage.Row> es = new ArrayList<>(expected.districts());
        es.add(expected.region());
        assertThat(as).hasSameSizeAs(es);
        for (int i = 0; i < as.size(); i++) {
            CrossCoverage.Row a = as.get(i);
            CrossCoverage.Row e = es.get(i);
            assertThat(a.adcode()).isEqualTo(e.adcode());
            assertThat(a.nameZh()).isEqualTo(e.nameZh());
            assertThat(a.people()).isEqualTo(e.people());
            assertThat(a.roadMeters()).isEqualTo(e.roadMeters());
            for (int b = 0; b < e.peopleWithTwo().size(); b++) {
                double people = e.peopleWithTwo().get(b);
                double meters = e.roadMetersWithTwo().get(b);
                assertThat(a.peopleWithTwo().get(b)).as("%s district %s band %d people", what, e.adcode(), b)
                        .isCloseTo(people, within(1e-6 * Math.max(1, people)));
                assertThat(a.roadMetersWithTwo().get(b)).as("%s district %s band %d metres", what, e.adcode(), b)
                        .isCloseTo(meters, within(1e-6 * Math.max(1, meters)));
            }
        }
    }

    private static int randomActive(List<Snap> sources, Random r) {
        while (true) {
            int i = r.nextInt(sources.size());
            if (sources.get(i) != null) {
                return i;
            }
        }
    }
}
