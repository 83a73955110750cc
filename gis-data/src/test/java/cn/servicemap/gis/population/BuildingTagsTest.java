package cn.servicemap.gis.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildingTagsTest {

    @Test
    void shouldCountPlainAndResidentialBuildingsAsDwellings() {
        assertThat(BuildingTags.isDwelling(Map.of("building", "yes"))).isTrue();
        assertThat(BuildingTags.isDwelling(Map.of("building", "residential", "building:levels", "35", "name", "科巷新寓"))).isTrue();
        assertThat(BuildingTags.isDwelling(Map.of("building", "apartments", "name", "长发中心C座"))).isTrue();
        assertThat(BuildingTags.isDwelling(Map.of("building", "residential", "shop", "convenience"))).isTrue();
        assertThat(BuildingTags.isDwelling(Map.of("building", "yes", "name", "电子厂宿舍"))).isTrue();
    }

    @Test
    void shouldNotCountBuildingsWhoseTagsOrNameSayNobodyLivesThere() {
        // as tagged in the Nanjing core
        assertThat(BuildingTags.isDwelling(Map.of("building", "office"))).isFalse();
        assertThat(BuildingTags.isDwelling(Map.of("building", "yes", "office", "yes", "name", "新华大厦"))).isFalse();
        assertThat(BuildingTags.isDwelling(Map.of("building", "yes", "shop", "mall", "name", "德基广场"))).isFalse();
        assertThat(BuildingTags.isDwelling(Map.of("building", "yes", "amenity", "library", "name", "南京图书馆"))).isFalse();
        assertThat(BuildingTags.isDwelling(Map.of("building", "yes", "layer", "-1", "name", "新街口"))).isFalse();
        assertThat(BuildingTags.isDwelling(Map.of("building", "yes", "name", "全民健身中心"))).isFalse();
        assertThat(BuildingTags.isDwelling(Map.of("building", "yes", "name", "新世纪广场", "height", "255"))).isFalse();
    }

    @Test
    void shouldTakeStoreysFromLevelsThenHeightThenTheDefault() {
        assertThat(BuildingTags.levels(Map.of("building", "yes", "building:levels", "20"), 6)).isEqualTo(20);
        assertThat(BuildingTags.levels(Map.of("building", "yes", "building:levels", "5;7"), 6)).isEqualTo(5);
        assertThat(BuildingTags.levels(Map.of("building", "yes", "height", "100"), 6)).isEqualTo(33);
        assertThat(BuildingTags.levels(Map.of("building", "yes", "height", "30 m"), 6)).isEqualTo(10);
        assertThat(BuildingTags.levels(Map.of("building", "yes"), 6)).isEqualTo(6);
        assertThat(BuildingTags.levels(Map.of("building", "yes", "building:levels", "many"), 6)).isEqualTo(6);
        assertThat(BuildingTags.levels(Map.of("building", "yes", "building:levels", "0"), 6)).isEqualTo(6);
        assertThat(BuildingTags.levels(Map.of("building", "school", "building:levels", "4"), 6)).isZero();
    }
}
