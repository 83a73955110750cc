package cn.servicemap.gis.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.MultiSourceSearch;
import cn.servicemap.gis.access.Reach;
import cn.servicemap.gis.access.TwoNearestSearch;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 交叉覆盖 on the real Nanjing core: per district and band, the people reaching two stations equal a count made from
 * one search per station, and never exceed the people reaching one.
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
}
