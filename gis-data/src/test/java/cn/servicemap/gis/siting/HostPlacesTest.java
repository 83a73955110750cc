package cn.servicemap.gis.siting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.gis.testdata.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Nanjing core's banks, post offices, toilets and parks as candidate sites, named and in the extract. */
class HostPlacesTest {

    @Test
    void shouldReadTheNanjingCoresHostPlacesNamedAndInPlace() {
        List<HostPlaces.Place> places = HostPlaces.read(TestData.nanjingOsm());

        assertThat(places).hasSizeGreaterThan(20);
        assertThat(places).extracting(HostPlaces.Place::kindZh).contains("银行网点", "公共厕所");
        assertThat(places).allSatisfy(p -> {
            assertThat(p.lon()).isBetween(118.70, 118.85);
            assertThat(p.lat()).isBetween(31.98, 32.10);
            assertThat(p.name()).isNotBlank();
        });
        assertThat(places).extracting(HostPlaces.Place::osmId).doesNotHaveDuplicates();
        assertThat(HostPlaces.read(TestData.nanjingOsm())).isEqualTo(places);
    }
}
