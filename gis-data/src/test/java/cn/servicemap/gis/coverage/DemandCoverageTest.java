package cn.servicemap.gis.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.MultiSourceSearch;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.osm.OsmFeature;
import cn.servicemap.gis.osm.OsmFeatureReader;
import cn.servicemap.gis.population.DemandKind;
import cn.servicemap.gis.population.PopulationSurface;
import cn.servicemap.gis.population.SanitationDemand;
import cn.servicemap.gis.population.WalkableRoads;
import cn.servicemap.gis.synthetic.SyntheticCity;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage of another demand than residents — here sanitation workers, metres of walkable road per cell — on a
 * generated 800 × 800 m street grid of 100 m blocks with 50 m cells and one station at a corner:
 * {@link CoverageModel#withSurface} counts the demand exactly as a model built for it from scratch does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemandCoverageTest {

    @TempDir
    static Path dir;

    SyntheticCity city;
    RoadNetwork network;
    DistrictLocator locator;
    PopulationSurface residents;
    PopulationSurface sanitation;
    CoverageModel model;
    AccessField field;

    @BeforeAll
    void build() throws Exception {
        city = new SyntheticCity(7, 115.5, 29.5, 8, 8, 100, 2, 2);
        Path osm = dir.resolve("grid.osm");
        city.writeOsm(osm, 1);
        network = RoadNetwork.open(osm, dir.resolve("cache"), EnumSet.of(TravelProfile.WALK));
        locator = new DistrictLocator(city.districts(), 10);
        residents = PopulationSurface.synthetic(city, PopulationSurface.Options.defaults().withCellSizeInMeters(50));
        List<OsmFeature> roads = OsmFeatureReader.read(osm, WalkableRoads::isWalkable);
        sanitation = SanitationDemand.of(residents, roads, SanitationDemand.UNIT_WEIGHTS);
        model = CoverageModel.build(network, TravelProfile.WALK, residents, locator, 200);
        Snap corner = network.snap(TravelProfile.WALK, city.lon(200), city.lat(200), 5);
        field = new MultiSourceSearch(network, TravelProfile.WALK, 30 * 60).run(List.of(corner));
    }

    @Test
    void shouldCountTheDemandWhereTheResidentsModelCountsPeople() {
        CoverageModel counting = model.withSurface(sanitation);
        assertThat(counting.surface()).isSameAs(sanitation);
        assertThat(counting.surface().demand().kind()).isEqualTo(DemandKind.SANITATION);
        CoverageReport demand = Coverage.compute(counting, field, List.of(5, 10)).report();
        CoverageReport fresh = Coverage.compute(CoverageModel.build(network, TravelProfile.WALK, sanitation, locator, 200),
                field, List.of(5, 10)).report();
        CoverageReport people = Coverage.compute(model, field, List.of(5, 10)).report();
        assertThat(demand.region().people()).isCloseTo(sanitation.total(), within(1e-6));
        for (int b = 0; b < 2; b++) {
            assertThat(demand.region().bands().get(b).peopleCovered()).isEqualTo(fresh.region().bands().get(b).peopleCovered());
            // street length within reach comes from the network, whatever is counted in the cells
            assertThat(demand.region().bands().get(b).roadKmCovered()).isEqualTo(people.region().bands().get(b).roadKmCovered());
        }
        for (int d = 0; d < demand.districts().size(); d++) {
            assertThat(demand.districts().get(d).people()).isEqualTo(fresh.districts().get(d).people());
            assertThat(demand.districts().get(d).populationMethod()).contains("sanitation workers")
                    .contains("metres of walkable road");
        }
        // the residents' model is unchanged
        assertThat(people.region().people()).isEqualTo((double) residents.totalPeople());
    }

    @Test
    void shouldMeasureAboutTheStreetLengthTheNetworkHasAndCoverItAlike() {
        CoverageReport demand = Coverage.compute(model.withSurface(sanitation), field, List.of(5, 10)).report();
        // 9 + 9 streets of 800 m: the cells measure the same streets the network routes on, but the four around the
        // city lie on the study area's very edge and fall either side of it by the file's 1e-7° rounding (measured:
        // three outside); the 14 inside count once each, also where they run along a line between cells
        assertThat(demand.region().roadKm()).isCloseTo(14.4, within(0.05));
        assertThat(sanitation.total() / 1000).isBetween(14 * 0.8 - 0.05, 14.4 + 0.01);
        // metres of street in reach, counted in cells by their centres, against metres of street edges in reach
        for (int b = 0; b < 2; b++) {
            BandCoverage band = demand.region().bands().get(b);
            assertThat(band.peopleCovered() / 1000).as("band %d", b).isCloseTo(band.roadKmCovered(), within(band.roadKmCovered() * 0.25));
        }
    }

    @Test
    void shouldRefuseADemandOnOtherCells() {
        PopulationSurface coarser = PopulationSurface.synthetic(city, PopulationSurface.Options.defaults().withCellSizeInMeters(100));
        assertThatThrownBy(() -> model.withSurface(coarser)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other cells");
    }

    @Test
    void shouldTurnAWholeRegionModelToTheDemand() {
        RegionModel region = new RegionModel(network, residents, Map.of(TravelProfile.WALK, model),
                new RegionModel.Timings(1, 2, 3, 4));
        RegionModel counting = region.withSurface(sanitation);
        assertThat(counting.surface()).isSameAs(sanitation);
        assertThat(counting.network()).isSameAs(network);
        assertThat(counting.models().get(TravelProfile.WALK).surface()).isSameAs(sanitation);
        assertThat(counting.timings()).isEqualTo(region.timings());
    }
}
