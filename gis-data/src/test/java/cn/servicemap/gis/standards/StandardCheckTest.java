package cn.servicemap.gis.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.servicemap.gis.catalog.ServiceType;
import cn.servicemap.gis.testdata.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Stations against the checklists of the seed: each item ✓ met, ✗ missing or ? unknown (需现场核实). */
class StandardCheckTest {

    static Set<String> services;
    static Map<String, FacilityStandard> standards;

    @BeforeAll
    static void readSeeds() throws IOException {
        services = TestData.catalog().services().stream().map(ServiceType::code).collect(Collectors.toSet());
        try (InputStream in = TestData.openSeed("facility-standards.csv")) {
            standards = FacilityStandard.read(in, services).stream()
                    .collect(Collectors.toMap(FacilityStandard::code, s -> s, (a, b) -> a, LinkedHashMap::new));
        }
    }

    /** A record: services ({@code |}-separated codes), floor area and seats (null = not recorded). */
    static StationFacts facts(String services, Double areaM2, Integer capacity) {
        return new StationFacts(Arrays.stream(services.split("\\|")).filter(s -> !s.isBlank()).collect(Collectors.toSet()),
                null, null, areaM2, capacity);
    }

    /** One line per station: its name, then ✓ ✗ ? per item in the standard's order. */
    static String grid(FacilityStandard standard, Map<String, StationFacts> stations) {
        StringBuilder out = new StringBuilder();
        stations.forEach((name, facts) -> {
            out.append(String.format("%-6s", name));
            for (StandardCheck.Outcome o : StandardCheck.check(standard, facts).outcomes()) {
                out.append(' ').append(switch (o.verdict()) {
                    case MET -> '✓';
                    case MISSING -> '✗';
                    case UNKNOWN -> '?';
                });
            }
            out.append('\n');
        });
        return out.toString();
    }

    static final Map<String, StationFacts> STATIONS = new LinkedHashMap<>();

    static {
        STATIONS.put("全配", facts("TABLE_CHAIRS|MICROWAVE|WATER|CLIMATE|FRIDGE|FIRST_AID|BOOKS|TOILET|PHONE_CHARGING", 25.0, 8));
        STATIONS.put("便利店", facts("WATER|MICROWAVE|PHONE_CHARGING", null, null));
        STATIONS.put("空屋", facts("", 12.0, 4));
    }

    @Test
    void shouldReadTheChecklistsInTheSourcesOrderFirstTheNationalDefault() {
        assertThat(standards.keySet()).containsExactly("ACFTU_SHUANG15", "GUIZHOU_7", "WUHAN_7", "HAIKOU_7", "SHANGHAI_6X", "SANYA_8",
                "HAINAN_6YOU");
        assertThat(standards.get("WUHAN_7").items()).extracting(StandardItem::code)
                .containsExactly("ROOM", "TABLE_CHAIRS", "MICROWAVE", "WATER", "CLIMATE", "FRIDGE", "FIRST_AID");
        assertThat(standards.get("GUIZHOU_7").items()).extracting(StandardItem::code).contains("BOOKS").doesNotContain("FRIDGE");
        assertThat(standards.get("SHANGHAI_6X").items()).hasSize(6);
        assertThat(standards.get("SANYA_8").items()).hasSize(8);
        assertThat(standards.values()).allSatisfy(s -> {
            assertThat(s.appliesTo("OUTDOOR_STATION")).isTrue();
            assertThat(s.appliesTo("LEGAL_AID")).isFalse();
            // an address, or the sentence saying why there is none
            assertThat(s.items()).allSatisfy(i -> assertThat(i.source()).as(s.code() + "/" + i.code()).containsAnyOf("http", "URL not recorded"));
        });
    }

    @Test
    void shouldTellWuhansSevenItemsMetMissingOrUnknown() {
        //                 室 桌 微 水 暖 冰 药
        assertThat(grid(standards.get("WUHAN_7"), STATIONS)).isEqualTo("""
                全配     ✓ ✓ ✓ ✓ ✓ ✓ ✓
                便利店    ? ✗ ✓ ✓ ✗ ✗ ✗
                空屋     ✓ ✗ ✗ ✗ ✗ ✗ ✗
                """);
    }

    @Test
    void shouldTellGuizhouFromWuhanByTheReadingCorner() {
        //                 室 桌 微 水 暖 药 阅
        assertThat(grid(standards.get("GUIZHOU_7"), Map.of("无书", facts("TABLE_CHAIRS|MICROWAVE|WATER|CLIMATE|FRIDGE|FIRST_AID", 20.0, 6))))
                .isEqualTo("无书     ✓ ✓ ✓ ✓ ✓ ✓ ✗\n");
        assertThat(StandardCheck.check(standards.get("WUHAN_7"), STATIONS.get("全配")).belowStandard()).isFalse();
    }

    @Test
    void shouldNeverCallWhatNoRegistryKeepsMetOrMissing() {
        //                 标识 布局 设施 功能 制度 地图
        assertThat(grid(standards.get("HAINAN_6YOU"), STATIONS)).isEqualTo("""
                全配     ? ? ? ? ? ✓
                便利店    ? ? ? ? ? ✓
                空屋     ? ? ? ? ? ✓
                """);
        StandardCheck.Result r = StandardCheck.check(standards.get("HAINAN_6YOU"), STATIONS.get("空屋"));
        assertThat(r.belowStandard()).isFalse();
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.unknown()).extracting(StandardItem::nameZh).contains("有统一的标识名称", "有规范的管理制度");
        assertThat(r.met()).extracting(StandardItem::nameZh).containsExactly("有地图可查");
    }

    @Test
    void shouldListWhatIsMissingInTheStandardsOrder() {
        StandardCheck.Result r = StandardCheck.check(standards.get("SHANGHAI_6X"), STATIONS.get("便利店"));
        assertThat(r.belowStandard()).isTrue();
        assertThat(r.verdict()).isEqualTo(Verdict.MISSING);
        assertThat(r.missing()).extracting(StandardItem::nameZh).containsExactly("空调", "冰箱", "桌椅");
        assertThat(r.met()).extracting(StandardItem::code).containsExactly("MICROWAVE", "WATER", "PHONE_CHARGING");
        assertThat(r.unknown()).isEmpty();
    }

    @Nested
    class Conditions {

        Verdict test(String condition, StationFacts facts) {
            return Condition.parse(condition, services).test(facts);
        }

        @Test
        void shouldReadAccessAttributesAsUnknownWhenNotRecorded() {
            StationFacts unrecorded = new StationFacts(Set.of(), null, null, null, null);
            StationFacts recorded = new StationFacts(Set.of(), true, false, 30.0, 19);
            assertThat(List.of(test("staffed", unrecorded), test("staffed", recorded), test("stepFree", recorded)))
                    .containsExactly(Verdict.UNKNOWN, Verdict.MET, Verdict.MISSING);
            assertThat(List.of(test("areaM2>=30", unrecorded), test("areaM2>=30", recorded), test("areaM2>30", recorded),
                    test("capacity>=20", recorded), test("capacity>=19", recorded)))
                    .containsExactly(Verdict.UNKNOWN, Verdict.MET, Verdict.MISSING, Verdict.MISSING, Verdict.MET);
        }

        @Test
        void shouldTakeTheBestOfAlternatives() {
            String c = "service:FRIDGE | capacity>=20";
            assertThat(List.of(test(c, facts("FRIDGE", null, null)), test(c, facts("", null, null)), test(c, facts("", null, 5)),
                    test(c, facts("", null, 25)))).containsExactly(Verdict.MET, Verdict.UNKNOWN, Verdict.MISSING, Verdict.MET);
            assertThat(Condition.parse(c, services).text()).isEqualTo("service:FRIDGE | capacity>=20");
        }

        @Test
        void shouldRefuseUnknownServicesAndWords() {
            assertThatThrownBy(() -> Condition.parse("service:SAUNA", services)).hasMessageContaining("SAUNA");
            assertThatThrownBy(() -> Condition.parse("areaM2 about 25", services)).hasMessageContaining("unknown condition");
            assertThatThrownBy(() -> Condition.parse("height>=3", services)).hasMessageContaining("unknown condition");
        }
    }

    @Nested
    class Reading {

        static final String HEADER = "standard_code,standard_name_zh,scope,applies_to,item_code,item_name_zh,condition,note,source,verified\n";

        List<FacilityStandard> read(String rows) throws IOException {
            return FacilityStandard.read(new ByteArrayInputStream((HEADER + rows).getBytes(StandardCharsets.UTF_8)), services);
        }

        @Test
        void shouldRefuseRowsOfOneStandardThatDisagree() {
            assertThatThrownBy(() -> read("A,甲,x,OUTDOOR_STATION,WATER,饮水,service:WATER,,src,yes\n"
                    + "A,乙,x,OUTDOOR_STATION,BOOKS,书,service:BOOKS,,src,yes\n"))
                    .hasMessageContaining("line 3").hasMessageContaining("standard_name_zh");
        }

        @Test
        void shouldRefuseARepeatedItemABadConditionAMissingSourceOrVerified() {
            assertThatThrownBy(() -> read("A,甲,x,OUTDOOR_STATION,WATER,饮水,service:WATER,,src,yes\n"
                    + "A,甲,x,OUTDOOR_STATION,WATER,饮水,service:WATER,,src,yes\n")).hasMessageContaining("line 3").hasMessageContaining("twice");
            assertThatThrownBy(() -> read("A,甲,x,OUTDOOR_STATION,SPA,桑拿,service:SAUNA,,src,yes\n"))
                    .hasMessageContaining("line 2").hasMessageContaining("SAUNA");
            assertThatThrownBy(() -> read("A,甲,x,OUTDOOR_STATION,WATER,饮水,service:WATER,,,yes\n"))
                    .hasMessageContaining("line 2").hasMessageContaining("source");
            assertThatThrownBy(() -> read("A,甲,x,OUTDOOR_STATION,WATER,饮水,service:WATER,,src,maybe\n"))
                    .hasMessageContaining("yes or no");
            assertThatThrownBy(() -> read("A,甲,x,,WATER,饮水,service:WATER,,src,yes\n")).hasMessageContaining("applies_to");
        }
    }
}
