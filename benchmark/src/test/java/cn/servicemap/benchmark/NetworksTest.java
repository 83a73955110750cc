package cn.servicemap.benchmark;

import cn.servicemap.gis.synthetic.SyntheticCity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworksTest {

    @Test
    void shouldCountTheStreetSegmentsTheGeneratorWrites(@TempDir Path dir) throws Exception {
        for (int side : new int[]{4, 11, 25}) {
            SyntheticCity city = new SyntheticCity(1, 115.5, 29.5, side, side, 100, 1, 1);
            assertThat(city.writeOsm(dir.resolve(side + ".osm"), Networks.BRIDGE_EVERY)).isEqualTo(Networks.gridEdges(side));
        }
    }

    @Test
    void shouldPickTheSmallestGridWithEnoughEdges() {
        int side = Networks.citySide(1_000_000);
        assertThat(Networks.gridEdges(side)).isGreaterThanOrEqualTo(1_000_000);
        assertThat(Networks.gridEdges(side - 1)).isLessThan(1_000_000);
    }

    @Test
    void shouldParseTheScriptsOptions() {
        Options o = Options.parse(new String[]{"ours", "--quick", "--city-edges", "1_200_000", "--stations", "500"}, 1);
        assertThat(o.quick()).isTrue();
        assertThat(o.cityEdges()).isEqualTo(1_200_000);
        assertThat(o.stations()).isEqualTo(500);
        assertThat(Networks.keys(o)).containsExactly("nanjing-core");
        assertThatThrownBy(() -> Options.parse(new String[]{"ours", "--stations"}, 1)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse(new String[]{"ours", "--fast"}, 1)).hasMessageContaining("unknown option");
    }
}
