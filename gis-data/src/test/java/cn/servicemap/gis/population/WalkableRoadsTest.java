package cn.servicemap.gis.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WalkableRoadsTest {

    @Test
    void shouldTakeStreetsAndPathsButNotMotorwaysPlatformsOrClosedWays() {
        assertThat(WalkableRoads.isWalkable(Map.of("highway", "footway"))).isTrue();
        assertThat(WalkableRoads.isWalkable(Map.of("highway", "living_street"))).isTrue();
        assertThat(WalkableRoads.isWalkable(Map.of("highway", "trunk"))).isTrue();
        assertThat(WalkableRoads.isWalkable(Map.of("highway", "motorway"))).isFalse();
        assertThat(WalkableRoads.isWalkable(Map.of("highway", "construction"))).isFalse();
        assertThat(WalkableRoads.isWalkable(Map.of("highway", "bus_stop"))).isFalse();
        assertThat(WalkableRoads.isWalkable(Map.of("highway", "pedestrian", "area", "yes"))).isFalse();
        assertThat(WalkableRoads.isWalkable(Map.of("highway", "service", "access", "private"))).isFalse();
        assertThat(WalkableRoads.isWalkable(Map.of("highway", "service", "access", "private", "foot", "yes"))).isTrue();
        assertThat(WalkableRoads.isWalkable(Map.of("highway", "primary", "foot", "no"))).isFalse();
        assertThat(WalkableRoads.isWalkable(Map.of("railway", "subway"))).isFalse();
    }
}
