package cn.servicemap.gis.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.MultiSourceSearch;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.population.PopulationSurface;
import cn.servicemap.gis.synthetic.SyntheticCity;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-checkable coverage on a generated street grid of 100 m blocks, walked at 5 km/h (83.3 m a minute):
 *
 * <pre>
 *   row 8  +---+---+---+---+---+---+---+---+
 *          |   |   |   |   |   |   |   |   |
 *   row 5  +---+---+---+---+---+---+---+---+
 *          H   ~   ~   ~   H   ~   ~   ~   H     river: crossed only at the bridges H (columns 0, 4, 8)
 *   row 4  +---+---S---+---+---+---+---+---+     S = station at column 2
 *          |   |   |   |   |   |   |   |   |
 *   row 0  +---+---+---+---+---+---+---+---+
 * </pre>
 */
class SyntheticGridCoverageTest {

    static final double WALK_METERS_PER_MINUTE = 5000 / 60.0;

    @TempDir
    Path dir;

    record Setup(SyntheticCity city, RoadNetwork network, CoverageModel model) {
        Snap corner(int column, int row) {
            return network.snap(TravelProfile.WALK, city.lon(column * city.blockMeters()), city.lat(row * city.blockMeters()), 5);
        }

        Coverage coverage(List<Integer> bands, Snap... stations) {
            AccessField field = new MultiSourceSearch(network, TravelProfile.WALK, 30 * 60).run(List.of(stations));
            return Coverage.compute(model, field, bands);
        }
    }

    Setup grid(int bridgeEvery) throws Exception {
        SyntheticCity city = new SyntheticCity(7, 115.5, 29.5, 8, 8, 100, 2, 2);
        Path osm = dir.resolve("grid-" + bridgeEvery + ".osm");
        city.writeOsm(osm, bridgeEvery);
        RoadNetwork network = RoadNetwork.open(osm, dir.resolve("cache-" + bridgeEvery), EnumSet.of(TravelProfile.WALK));
        PopulationSurface surface = PopulationSurface.synthetic(city, PopulationSurface.Options.defaults().withCellSizeInMeters(50));
        CoverageModel model = CoverageModel.build(network, TravelProfile.WALK, surface, new DistrictLocator(city.districts(), 10), 200);
        return new Setup(city, network, model);
    }

    @Test
    void shouldCoverTheStreetsWithinAManhattanDistanceOfACornerStation() throws Exception {
        Setup g = grid(1);
        CoverageReport report = g.coverage(List.of(5), g.corner(0, 0)).report();
        // 5 minutes = 416.7 m. On the horizontal street at y the reach is 416.7 − y metres (y = 0, 100, …, 400);
        // the same on the vertical streets: 2 × (416.7 + 316.7 + 216.7 + 116.7 + 16.7) m.
        double expectedMeters = 2 * (5 * 5 * WALK_METERS_PER_MINUTE - (0 + 100 + 200 + 300 + 400));
        assertThat(report.region().bands().get(0).roadKmCovered() * 1000).isCloseTo(expectedMeters, within(expectedMeters * 0.01));
        // 9 streets each way of 800 m, all in the study area (the whole city)
        assertThat(report.region().roadKm()).isCloseTo(2 * 9 * 0.8, within(0.2));
        // The region row is unlabelled: the caller names it.
        assertThat(report.region().adcode()).isNull();
        assertThat(report.region().nameZh()).isNull();
    }

    @Test
    void shouldNotCoverThePlaceJustAcrossTheRiverWhenTheBridgesAreFarAway() throws Exception {
        Setup g = grid(4);
        Coverage coverage = g.coverage(List.of(5, 10), g.corner(2, 4));
        // Across the river: 100 m as the crow flies, 500 m on foot via the bridge at column 4 (6 minutes).
        AccessField field = coverage.field();
        Snap across = g.corner(2, 5);
        assertThat(field.timeAtInMillis(across) / 60_000.0).isCloseTo(500 / WALK_METERS_PER_MINUTE, within(0.1));
        Snap sameBank = g.corner(2, 3);
        assertThat(field.timeAtInMillis(sameBank) / 60_000.0).isCloseTo(100 / WALK_METERS_PER_MINUTE, within(0.1));
        // The street corner across the river is outside the 5-minute band and inside the 10-minute band ...
        int cellAcross = nearestCell(g, 2, 5);
        assertThat(coverage.cellTimeInMillis(cellAcross)).isGreaterThan(5 * 60_000).isLessThanOrEqualTo(10 * 60_000);
        // ... and with a bridge on every street it is within 5 minutes.
        Setup bridged = grid(1);
        assertThat(bridged.coverage(List.of(5), bridged.corner(2, 4)).cellTimeInMillis(nearestCell(bridged, 2, 5)))
                .isLessThanOrEqualTo(5 * 60_000);
    }

    @Test
    void shouldSuggestASiteThatCoversWhatItClaims() throws Exception {
        Setup g = grid(4);
        Coverage coverage = g.coverage(List.of(5), g.corner(0, 0));
        List<Gap> gaps = CoverageGaps.find(coverage, 0, 5, 1, 16);
        assertThat(gaps).isNotEmpty();
        for (int i = 1; i < gaps.size(); i++) {
            assertThat(gaps.get(i).people()).isLessThanOrEqualTo(gaps.get(i - 1).people());
        }
        Gap first = gaps.get(0);
        assertThat(first.outline().isValid()).isTrue();
        assertThat(first.site()).isNotNull();
        assertThat(first.site().peopleNewlyCovered()).isPositive();
        // Adding a station where it suggests covers exactly the people it said.
        Snap site = g.network().snap(TravelProfile.WALK, first.site().lon(), first.site().lat(), 1);
        Coverage after = coverage.apply(coverage.field().withSourceAdded(site), site.edge());
        double before = coverage.report().region().bands().get(0).peopleCovered();
        assertThat(after.report().region().bands().get(0).peopleCovered() - before)
                .isCloseTo(first.site().peopleNewlyCovered(), within(1e-6));
        CoverageDelta delta = CoverageComparison.compare(after, coverage);
        assertThat(delta.region().peopleGained()[0]).isCloseTo(first.site().peopleNewlyCovered(), within(1e-6));
        assertThat(delta.region().adcode()).isNull();
        assertThat(delta.region().nameZh()).isNull();
    }

    private static int nearestCell(Setup g, int column, int row) {
        PopulationSurface s = g.model().surface();
        double lon = g.city().lon(column * g.city().blockMeters());
        double lat = g.city().lat(row * g.city().blockMeters());
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int c = 0; c < s.size(); c++) {
            double d = Math.hypot(s.lon(c) - lon, s.lat(c) - lat);
            // cells whose centre snaps to a street of the same bank: just north of the corner
            if (s.lat(c) > lat && d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }
}
