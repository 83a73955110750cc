package cn.servicemap.gis.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DasymetricSpreadTest {

    static CellContent cell(double floor, double footprint, double land, double road) {
        return new CellContent(10_000, floor, footprint, land, road);
    }

    @Test
    void shouldWeighMappedCellsByDwellingFloorAndImputeUnmappedOnesAtTheMappedRatios() {
        List<CellContent> cells = List.of(
                cell(24_000, 4_000, 0, 200),  // 6-storey blocks
                cell(0, 3_000, 0, 200),       // offices only: mapped, nobody lives there
                cell(0, 0, 5_000, 100),       // residential quarter without outlines
                cell(0, 0, 0, 300),           // streets without outlines
                cell(0, 0, 0, 0));            // nothing at all
        DasymetricSpread.Result r = DasymetricSpread.weigh(cells, 6);

        assertThat(r.weighting()).isEqualTo(Weighting.BUILDING_FLOOR_AREA);
        assertThat(r.cellsWithBuildings()).isEqualTo(2);
        assertThat(r.imputedFromLand()).isEqualTo(1);
        assertThat(r.imputedFromRoads()).isEqualTo(1);
        // mapped cells: 24,000 m² of floor on 20,000 m² of land and 400 m of road
        assertThat(r.weights()[0]).isEqualTo(24_000);
        assertThat(r.weights()[1]).isZero();
        assertThat(r.weights()[2]).isCloseTo(5_000 * 1.2, within(1e-9));
        assertThat(r.weights()[3]).isCloseTo(300 * 60.0, within(1e-9));
        assertThat(r.weights()[4]).isZero();
        assertThat(r.description()).contains("2 cells with buildings").contains("1 imputed from residential land");
    }

    @Test
    void shouldFallBackToResidentialLandThenRoadsThenArea() {
        DasymetricSpread.Result land = DasymetricSpread.weigh(List.of(cell(0, 0, 3_000, 100), cell(0, 0, 0, 500)), 6);
        assertThat(land.weighting()).isEqualTo(Weighting.RESIDENTIAL_LAND);
        assertThat(land.weights()).containsExactly(3_000, 0);

        // offices only: buildings, but no dwellings
        DasymetricSpread.Result roads = DasymetricSpread.weigh(List.of(cell(0, 2_000, 0, 100), cell(0, 0, 0, 300)), 6);
        assertThat(roads.weighting()).isEqualTo(Weighting.ROAD_LENGTH);
        assertThat(roads.weights()).containsExactly(100, 300);

        DasymetricSpread.Result area = DasymetricSpread.weigh(List.of(new CellContent(10_000, 0, 0, 0, 0),
                new CellContent(2_500, 0, 0, 0, 0)), 6);
        assertThat(area.weighting()).isEqualTo(Weighting.CELL_AREA);
        assertThat(area.weights()).containsExactly(10_000, 2_500);
    }
}
