package cn.servicemap.gis.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.districts.CensusRecord;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.stations.CheckedStation;
import cn.servicemap.gis.stations.StationChecker;
import cn.servicemap.gis.testdata.TestData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

class SyntheticCityTest {

    final SyntheticCity city = SyntheticCity.demo();

    @Test
    void shouldTileItsBoundsWithDistrictsThatSumToTheCityArea() {
        List<DistrictBoundary> districts = city.districts();
        assertThat(districts).hasSize(4).allSatisfy(d -> assertThat(d.adcode()).startsWith("9901"));
        Geometry union = UnaryUnionOp.union(districts.stream().map(d -> (Geometry) d.geometry()).toList());
        assertThat(union.getEnvelopeInternal()).isEqualTo(city.bounds());
        assertThat(union.getArea()).isCloseTo(city.bounds().getArea(), within(1e-12));
        double km2 = districts.stream().mapToDouble(DistrictBoundary::areaKm2).sum();
        assertThat(km2).isCloseTo(3.0 * 3.0, within(0.05)); // 20 blocks of 150 m each way
    }

    @Test
    void shouldGiveEveryDistrictADenseCityPopulation() {
        for (DistrictBoundary d : city.districts()) {
            CensusRecord r = city.census().get(d.adcode());
            assertThat(r.population() / d.areaKm2()).isBetween(8_000.0, 20_000.0);
        }
    }

    @Test
    void shouldPlaceValidSyntheticStationsAtDistinctCorners() {
        StationChecker checker = new StationChecker(TestData.catalog(), new DistrictLocator(city.districts(), 50));
        Set<String> corners = new HashSet<>();
        for (var in : city.stations(24)) {
            StationChecker.Result r = checker.check(in, CoordinateSystem.WGS84);
            assertThat(r.problems()).isEmpty();
            CheckedStation s = r.station();
            assertThat(s.source()).contains("synthetic");
            assertThat(s.adcode()).startsWith("9901");
            assertThat(corners.add(s.lon() + "," + s.lat())).isTrue();
        }
        assertThat(corners).hasSize(24);
    }
}
