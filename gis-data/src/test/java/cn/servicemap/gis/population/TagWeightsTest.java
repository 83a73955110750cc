package cn.servicemap.gis.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TagWeightsTest {

    final TagWeights weights = TagWeights.of("shop=*", 0.25, "shop=supermarket", 1, "amenity=restaurant", 1,
            "amenity=food_court", 3, "amenity=parking", 0.1, "amenity=parking&hgv=designated", 2, "amenity=bar", 0);

    @Test
    void shouldGiveTheMostSpecificEntryNotASum() {
        assertThat(weights.weightOf(Map.of("shop", "supermarket"))).isEqualTo(1);
        assertThat(weights.weightOf(Map.of("shop", "clothes"))).isEqualTo(0.25);
        assertThat(weights.weightOf(Map.of("shop", "no"))).isZero();
        assertThat(weights.weightOf(Map.of("amenity", "parking", "hgv", "designated"))).isEqualTo(2);
        assertThat(weights.weightOf(Map.of("amenity", "parking", "hgv", "no"))).isEqualTo(0.1);
        // a restaurant also tagged as a shop: the exact tag, once
        assertThat(weights.weightOf(Map.of("amenity", "restaurant", "shop", "clothes"))).isEqualTo(1);
        // an entry of weight 0 excludes what it names, even beside a wildcard
        assertThat(weights.weightOf(Map.of("amenity", "bar", "shop", "yes"))).isZero();
        assertThat(weights.conditionOf(Map.of("amenity", "bar", "shop", "yes"))).isNull();
        assertThat(weights.matches(Map.of("amenity", "bar"))).isTrue();
        assertThat(weights.weightOf(Map.of("highway", "primary"))).isZero();
        assertThat(weights.matches(Map.of("highway", "primary"))).isFalse();
    }

    @Test
    void shouldTakeTheHeavierOfTwoEquallySpecificEntries() {
        assertThat(weights.weightOf(Map.of("amenity", "food_court", "shop", "supermarket"))).isEqualTo(3);
        assertThat(weights.conditionOf(Map.of("amenity", "food_court", "shop", "supermarket"))).isEqualTo("amenity=food_court");
    }

    @Test
    void shouldDescribeItselfAndRefuseMalformedEntries() {
        assertThat(TagWeights.of("highway=*", 1, "highway=footway", 0.5).describe()).isEqualTo("highway=* ×1, highway=footway ×0.5");
        assertThat(TagWeights.of("highway=*", 1).isUnit()).isTrue();
        assertThat(weights).isEqualTo(new TagWeights(weights.weights()));
        assertThatThrownBy(() -> TagWeights.of("amenity", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key=value, key=* or several joined by &");
        assertThatThrownBy(() -> TagWeights.of("amenity=fuel&", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TagWeights.of("amenity=fuel", -1)).hasMessageContaining("finite number ≥ 0");
        assertThatThrownBy(() -> TagWeights.of("amenity=fuel", Double.NaN)).hasMessageContaining("finite number ≥ 0");
    }
}
