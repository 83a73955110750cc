package cn.servicemap.gis.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ApportionmentTest {

    @Test
    void shouldGiveTheLeftoverPeopleToTheLargestRemainders() {
        // quotas 3.33, 3.33, 3.33 → 4, 3, 3 (the tie goes to the first)
        assertThat(Apportionment.split(10, new double[]{1, 1, 1})).containsExactly(4, 3, 3);
        // quotas 1.5, 4.5, 0.6, 3.4 → floors 1, 4, 0, 3 and the two left over to 0.6 and the first 0.5
        assertThat(Apportionment.split(10, new double[]{15, 45, 6, 34})).containsExactly(2, 4, 1, 3);
        assertThat(Apportionment.split(0, new double[]{1, 2})).containsExactly(0, 0);
    }

    @Test
    void shouldSpreadEquallyWhenEveryWeightIsZeroAndNeverGiveToAZeroWeight() {
        assertThat(Apportionment.split(5, new double[]{0, 0})).containsExactly(3, 2);
        assertThat(Apportionment.split(7, new double[]{0, 2, 0, 1})).containsExactly(0, 5, 0, 2);
    }

    @Test
    void shouldSumExactlyToTheTotalForManyCells() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 50; round++) {
            double[] weights = random.doubles(1 + random.nextInt(5_000), 0, 1e6).toArray();
            long total = random.nextLong(0, 2_000_000);
            long[] shares = Apportionment.split(total, weights);
            assertThat(Arrays.stream(shares).sum()).isEqualTo(total);
            assertThat(Arrays.stream(shares).min().orElse(0)).isNotNegative();
        }
    }

    @Test
    void shouldRejectNegativeOrMissingWeights() {
        assertThatThrownBy(() -> Apportionment.split(3, new double[]{1, -1})).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> Apportionment.split(3, new double[]{Double.NaN})).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> Apportionment.split(3, new double[0])).hasMessageContaining("at least one");
    }
}
