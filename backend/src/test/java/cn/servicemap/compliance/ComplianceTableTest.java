package cn.servicemap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.compliance.Compliance.Light;
import org.junit.jupiter.api.Test;

/** The traffic light and the shortfall of one cell, at and around the target. */
class ComplianceTableTest {

    @Test
    void shouldLightGreenAtTheTargetAmberWithinTenPercentAndRedBelow() {
        assertThat(ComplianceTable.light(90, 90.0)).isEqualTo(Light.GREEN);
        assertThat(ComplianceTable.light(81, 90.0)).isEqualTo(Light.AMBER);
        assertThat(ComplianceTable.light(80.9, 90.0)).isEqualTo(Light.RED);
        assertThat(ComplianceTable.light(0, 1.0)).isEqualTo(Light.RED);
        assertThat(ComplianceTable.light(42, null)).isEqualTo(Light.GREY);
    }

    @Test
    void shouldCountThePeopleStillToReachAsTheShortfallOfAShare() {
        // 8,000 of 10,000 people within reach, target 90 %: 1,000 more people, red (80 % is below 0.9 × 90 % = 81 %)
        Compliance.Cell c = ComplianceTable.share(Measure.WALK_PEOPLE_SHARE, 8_000, 10_000, 90.0);
        assertThat(c.value()).isEqualTo(80.0);
        assertThat(c.shortfall()).isEqualTo(1_000.0);
        assertThat(c.light()).isEqualTo(Light.RED); // 80 < 81
        assertThat(c.text()).isEqualTo("80.0%（目标 90%，还差 1,000 人；圈外 2,000 人）");
        Compliance.Cell km = ComplianceTable.share(Measure.WALK_ROAD_SHARE, 12.5, 20, 50.0);
        assertThat(km.light()).isEqualTo(Light.GREEN);
        assertThat(km.shortfall()).isZero();
        assertThat(ComplianceTable.share(Measure.WALK_PEOPLE_SHARE, 0, 0, 90.0).light()).isEqualTo(Light.GREY);
    }

    @Test
    void shouldCountMissingPalacesPointsAndStations() {
        Compliance.Cell points = ComplianceTable.count(Measure.INTEGRATED_POINTS, 7, 10.0);
        assertThat(points.shortfall()).isEqualTo(3.0);
        assertThat(points.light()).isEqualTo(Light.RED);
        assertThat(ComplianceTable.count(Measure.INTEGRATED_POINTS, 9, 10.0).light()).isEqualTo(Light.AMBER);
        // 3 stations for 40,000 people against 1 per 10,000: one station missing
        Compliance.Cell rate = ComplianceTable.rate(3, 40_000, 1.0);
        assertThat(rate.value()).isEqualTo(0.75);
        assertThat(rate.shortfall()).isEqualTo(1.0);
        assertThat(ComplianceTable.rate(3, 40_000, null).light()).isEqualTo(Light.GREY);
    }
}
