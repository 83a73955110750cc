package cn.servicemap.gis.standards;

import static cn.servicemap.gis.standards.StandardCheckTest.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.servicemap.gis.catalog.ServiceType;
import cn.servicemap.gis.testdata.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Up to which star the registry supports a grade: 福州's criteria from the seed, and small schemes drawn here. */
class StarCriteriaTest {

    static Set<String> services;
    static StarScheme fuzhou;

    @BeforeAll
    static void readSeed() throws IOException {
        services = TestData.catalog().services().stream().map(ServiceType::code).collect(Collectors.toSet());
        try (InputStream in = TestData.openSeed("star-criteria.csv")) {
            List<StarScheme> schemes = StarScheme.read(in, services);
            assertThat(schemes).extracting(StarScheme::code).startsWith("FUZHOU");
            fuzhou = schemes.get(0);
        }
    }

    static StarScheme scheme(String rows) throws IOException {
        String header = String.join(",", StarScheme.COLUMNS) + "\n";
        return StarScheme.read(new ByteArrayInputStream((header + rows).getBytes(StandardCharsets.UTF_8)), services).get(0);
    }

    static String codes(List<StandardItem> items) {
        return items.stream().map(StandardItem::code).collect(Collectors.joining(" "));
    }

    @Test
    void shouldListFuzhousFiveStarCriteria() {
        assertThat(fuzhou.levels()).extracting(StarScheme.Level::stars).containsExactly(4, 5);
        StarScheme.Level five = fuzhou.levels().get(1);
        assertThat(five.criteria()).extracting(i -> i.condition().text())
                .contains("areaM2>=30", "capacity>=20", "service:AED", "not_recorded");
        assertThat(fuzhou.appliesTo("OUTDOOR_STATION")).isTrue();
    }

    /**
     * <pre>
     *  station         area  seats AED  → supported  to verify            missing for the next
     *  big with AED    30 m²  20    yes     5★         INNOVATION FEATURES
     *  just too small  29.5   25    yes     4★         INNOVATION           AREA
     *  nothing known   -      -     no      4★         INNOVATION           AED
     * </pre>
     */
    @Test
    void shouldSupportFiveStarsOnlyWhereTheRecordMeetsEveryFiveStarCriterion() {
        StarCriteria.Evaluation big = StarCriteria.evaluate(fuzhou, facts("AED|WATER", 30.0, 20));
        StarCriteria.Evaluation small = StarCriteria.evaluate(fuzhou, facts("AED", 29.5, 25));
        StarCriteria.Evaluation unknown = StarCriteria.evaluate(fuzhou, facts("WATER", null, null));

        assertThat(List.of(big.supportedStars(), small.supportedStars(), unknown.supportedStars())).containsExactly(5, 4, 4);
        assertThat(List.of(codes(big.toVerify()), codes(small.toVerify()), codes(unknown.toVerify())))
                .containsExactly("INNOVATION FEATURES", "INNOVATION", "INNOVATION");
        assertThat(List.of(codes(big.missingForNext()), codes(small.missingForNext()), codes(unknown.missingForNext())))
                .containsExactly("", "AREA", "AED");
        assertThat(unknown.levels().get(1).unknown()).extracting(StandardItem::code).contains("AREA", "CAPACITY");
    }

    @Test
    void shouldStopAtTheFirstFailingLevelEvenWhenHigherOnesWouldPass() throws IOException {
        StarScheme drawn = scheme("""
                T,测试,x,OUTDOOR_STATION,1,WATER,饮水,service:WATER,,src,yes
                T,测试,x,OUTDOOR_STATION,3,SEATS,10 座,capacity>=10,,src,yes
                T,测试,x,OUTDOOR_STATION,5,AED,AED,service:AED,,src,yes
                """);
        assertThat(StarCriteria.evaluate(drawn, facts("AED", null, 40)).supportedStars()).isZero();
        assertThat(StarCriteria.evaluate(drawn, facts("WATER|AED", null, 4)).supportedStars()).isEqualTo(2);
        assertThat(StarCriteria.evaluate(drawn, facts("WATER", null, 40)).supportedStars()).isEqualTo(4);
        assertThat(StarCriteria.evaluate(drawn, facts("WATER|AED", null, null)).supportedStars()).isEqualTo(5);
    }

    @Test
    void shouldRefuseSixStars() {
        assertThatThrownBy(() -> scheme("T,测试,x,OUTDOOR_STATION,6,WATER,饮水,service:WATER,,src,yes\n"))
                .hasMessageContaining("line 2").hasMessageContaining("1 to 5");
    }
}
