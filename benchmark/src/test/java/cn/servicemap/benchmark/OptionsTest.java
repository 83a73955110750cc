package cn.servicemap.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The scale runs' options: the issue's sizes by default, sizes and heaps checked before anything runs. */
class OptionsTest {

    @Test
    void shouldDefaultToTheIssuesMetropolisAndProvince() {
        Options o = Options.parse(new String[]{"ours"}, 1);
        assertThat(o.metropolisEdges()).isEqualTo(3_000_000);
        assertThat(o.metropolisStations()).isEqualTo(5_000);
        assertThat(o.provinceCities()).isEqualTo(5);
        assertThat(o.provinceHeap()).isEqualTo("1536m");
    }

    @Test
    void shouldReadScaleOptionsAndRefuseBadOnes() {
        Options o = Options.parse(new String[]{"--metropolis-edges", "4,000,000", "--province-heap", "2g",
                "--province-budget-mb", "900", "--province-cities", "8"}, 0);
        assertThat(o.metropolisEdges()).isEqualTo(4_000_000);
        assertThat(o.provinceHeap()).isEqualTo("2g");
        assertThat(o.provinceBudgetMb()).isEqualTo(900);
        assertThat(o.provinceCities()).isEqualTo(8);
        assertThatThrownBy(() -> Options.parse(new String[]{"--province-heap", "lots"}, 0))
                .hasMessageContaining("--province-heap");
        assertThatThrownBy(() -> Options.parse(new String[]{"--province-cities", "0"}, 0))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> Options.parse(new String[]{"--province-cities", "41"}, 0))
                .hasMessageContaining("at most 40");
    }
}
