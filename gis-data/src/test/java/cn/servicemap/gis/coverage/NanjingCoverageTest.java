package cn.servicemap.gis.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.AccessUpdate;
import cn.servicemap.gis.access.MultiSourceSearch;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.demo.DemoStations;
import cn.servicemap.gis.districts.CensusTable;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.districts.DistrictBoundaryReader;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.network.NanjingCore;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.osm.OsmFeatureReader;
import cn.servicemap.gis.population.PopulationSurface;
import cn.servicemap.gis.stations.StationField;
import cn.servicemap.gis.stations.StationInput;
import cn.servicemap.gis.testdata.TestData;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** Coverage of the demo stations on the real Nanjing core: invariants and incremental what-ifs. */
class NanjingCoverageTest {

    static RoadNetwork network;
    static CoverageModel model;
    static List<Snap> stations;
    static List<DistrictBoundary> districts;
    static CensusTable census;

    @BeforeAll
    static void setUp() throws Exception {
        network = NanjingCore.network();
        try (InputStream in = Files.newInputStream(TestData.sharedFile("admin-boundaries-datav/320100_full.json"))) {
            districts = DistrictBoundaryReader.read(in, CoordinateSystem.GCJ02);
        }
        try (InputStream in = Files.newInputStream(TestData.sharedFile("census2020-county/population.csv"))) {
            census = CensusTable.read(in);
        }
        PopulationSurface surface = PopulationSurface.fromOsm(NanjingCore.osmFile(), districts, census.records(),
                PopulationSurface.Options.defaults());
        model = CoverageModel.build(network, TravelProfile.WALK, surface, new DistrictLocator(districts, 200), 200);
        List<StationInput> demo = DemoStations.place(OsmFeatureReader.read(NanjingCore.osmFile(), DemoStations::isHostPlace),
                new Envelope(118.765, 118.796, 32.028, 32.052), 60);
        stations = new ArrayList<>();
        for (StationInput s : demo) {
            Snap snap = network.snap(TravelProfile.WALK, Double.parseDouble(s.get(StationField.LON)),
                    Double.parseDouble(s.get(StationField.LAT)), 300);
            if (snap.isSnapped()) {
                stations.add(snap);
            }
        }
    }

    static Coverage coverage(List<Snap> sources) {
        AccessField field = new MultiSourceSearch(network, TravelProfile.WALK, 30 * 60).run(sources);
        return Coverage.compute(model, field, List.of(5, 10, 15));
    }

    @Test
    void shouldNeverCoverMorePeopleThanLiveInADistrict() {
        CoverageReport report = coverage(stations).report();
        assertThat(report.districts()).isNotEmpty();
        double sum = 0;
        for (DistrictCoverage d : report.districts()) {
            assertThat(d.people()).isLessThanOrEqualTo(census.records().get(d.adcode()).population());
            double previous = 0;
            for (BandCoverage b : d.bands()) {
                assertThat(b.peopleCovered()).isBetween(previous - 1e-9, d.people() + 1e-6);
                assertThat(b.roadKmCovered()).isLessThanOrEqualTo(d.roadKm() + 1e-9);
                previous = b.peopleCovered();
            }
            assertThat(d.coveredShareOfArea()).isLessThan(0.1); // the extract covers a few km² of 50–75 km² districts
            sum += d.people();
        }
        assertThat(report.region().people()).isCloseTo(sum, within(1e-6));
        // With ~39 stations in 5 km² nearly everybody is within 15 minutes' walk; the mean is a few minutes.
        assertThat(report.region().bands().get(2).peopleShare()).isGreaterThan(0.9);
        assertThat(report.region().meanMinutes()).isBetween(1.0, 10.0);
        assertThat(report.region().p90Minutes()).isGreaterThanOrEqualTo(report.region().meanMinutes());
    }

    @Test
    void shouldCoverNobodyWithoutStations() {
        CoverageReport report = coverage(List.of()).report();
        assertThat(report.region().bands()).allSatisfy(b -> assertThat(b.peopleCovered()).isZero());
        assertThat(report.region().meanMinutes()).isNull();
        assertThat(report.region().peopleBeyondLimit() + report.region().peopleFarFromRoad())
                .isCloseTo(report.region().people(), within(1e-6));
    }

    @Test
    void shouldUpdateIncrementallyExactlyAsAFullRecompute() {
        SplittableRandom random = new SplittableRandom(42);
        Coverage current = coverage(stations.subList(0, 10));
        List<Integer> active = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        for (int step = 0; step < 40; step++) {
            AccessUpdate update;
            int[] touched;
            int op = random.nextInt(3);
            if (op == 0 || active.size() < 3) {
                Snap s = randomPlace(random);
                update = current.field().withSourceAdded(s);
                active.add(current.field().sourceCount());
                touched = new int[]{s.edge()};
            } else if (op == 1) {
                int index = active.remove(random.nextInt(active.size()));
                touched = new int[]{current.field().source(index).edge()};
                update = current.field().withSourceRemoved(index);
            } else {
                int index = active.get(random.nextInt(active.size()));
                Snap s = randomPlace(random);
                touched = new int[]{current.field().source(index).edge(), s.edge()};
                update = current.field().withSourceMoved(index, s);
            }
            Coverage incremental = current.apply(update, touched);
            Coverage full = Coverage.compute(model, update.field(), List.of(5, 10, 15));
            for (int c = 0; c < model.cellCount(); c++) {
                assertThat(incremental.cellTimeInMillis(c)).as("step %d cell %d", step, c).isEqualTo(full.cellTimeInMillis(c));
            }
            assertSameReport(incremental.report(), full.report());
            current = incremental;
        }
    }

    @Test
    void shouldRankGapsAndSuggestStreetSites() {
        Coverage few = coverage(stations.subList(0, 3));
        List<Gap> gaps = CoverageGaps.find(few, 0, 5, 1, 12);
        assertThat(gaps).isNotEmpty();
        double uncovered = few.report().region().people() - few.report().region().bands().get(0).peopleCovered();
        assertThat(gaps.stream().mapToDouble(Gap::people).sum()).isLessThanOrEqualTo(uncovered + 1e-6);
        for (Gap g : gaps) {
            assertThat(g.outline().isValid()).isTrue();
            assertThat(g.site()).isNotNull();
            assertThat(g.site().peopleNewlyCovered()).isPositive().isLessThanOrEqualTo(uncovered);
            assertThat(g.adcode()).isIn("320102", "320104", "320106");
        }
    }

    private static Snap randomPlace(SplittableRandom random) {
        while (true) {
            Snap s = network.snapToMainComponent(TravelProfile.WALK, 118.765 + random.nextDouble() * 0.03,
                    32.035 + random.nextDouble() * 0.017, 300);
            if (s.isSnapped()) {
                return s;
            }
        }
    }

    private static void assertSameReport(CoverageReport a, CoverageReport b) {
        List<DistrictCoverage> as = new ArrayList<>(a.districts());
        as.add(a.region());
        List<DistrictCoverage> bs = new ArrayList<>(b.districts());
        bs.add(b.region());
        for (int i = 0; i < as.size(); i++) {
            DistrictCoverage x = as.get(i);
            DistrictCoverage y = bs.get(i);
            for (int k = 0; k < x.bands().size(); k++) {
                assertThat(x.bands().get(k).peopleCovered()).isCloseTo(y.bands().get(k).peopleCovered(), within(1e-6));
                assertThat(x.bands().get(k).roadKmCovered()).isCloseTo(y.bands().get(k).roadKmCovered(), within(1e-9));
            }
            assertThat(x.peopleBeyondLimit()).isCloseTo(y.peopleBeyondLimit(), within(1e-6));
            if (y.meanMinutes() == null) {
                assertThat(x.meanMinutes()).isNull();
            } else {
                assertThat(x.meanMinutes()).isCloseTo(y.meanMinutes(), within(1e-6));
            }
        }
    }
}
