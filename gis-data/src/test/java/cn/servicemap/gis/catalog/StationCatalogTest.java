package cn.servicemap.gis.catalog;

import cn.servicemap.gis.testdata.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StationCatalogTest {

    private static StationCatalog catalog;

    @BeforeAll
    static void loadSeeds() throws IOException {
        catalog = TestData.catalog();
    }

    private static String kindCode(String text) {
        return catalog.resolveKind(text).map(StationKind::code).orElse(null);
    }

    @Nested
    class Kinds {

        @Test
        void shouldReadElevenKindsInSortOrder() {
            assertThat(catalog.kinds()).extracting(StationKind::code).containsExactly(
                    "OUTDOOR_STATION", "CULTURAL_PALACE", "SERVICE_CENTRE", "WORKERS_HOME", "READING_ROOM",
                    "DRIVERS_HOME", "NURSING_ROOM", "COUNSELLING_POINT", "LEGAL_AID", "CHILDCARE_POINT", "REST_BASE");
            assertThat(catalog.kinds()).allSatisfy(k -> assertThat(k.source()).isNotBlank());
        }

        @Test
        void shouldGiveEveryKindItsOwnGlyphAndColour() {
            assertThat(catalog.kinds()).allSatisfy(k -> {
                assertThat(k.glyph().codePointCount(0, k.glyph().length())).as(k.code()).isEqualTo(1);
                assertThat(k.color()).as(k.code()).matches("#[0-9a-f]{6}");
            });
            assertThat(catalog.kinds()).extracting(StationKind::glyph).doesNotHaveDuplicates();
            assertThat(catalog.kinds()).extracting(StationKind::color).doesNotHaveDuplicates();
            assertThat(catalog.resolveKind("爱心驿站")).get().extracting(StationKind::glyph, StationKind::color)
                    .containsExactly("驿", "#d7263d");
        }

        @Test
        void shouldMarkTheIntegratedPointKinds() {
            assertThat(catalog.kinds()).filteredOn(StationKind::integratedPoint).extracting(StationKind::code)
                    .containsExactly("OUTDOOR_STATION", "SERVICE_CENTRE", "WORKERS_HOME");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "爱心驿站                    | OUTDOOR_STATION",
            "工会驿站                    | OUTDOOR_STATION",
            "劳动者港湾                  | OUTDOOR_STATION",
            "户外劳动者服务站点          | OUTDOOR_STATION",
            "outdoor_station             | OUTDOOR_STATION",
            "OUTDOOR-WORKER STATION      | OUTDOOR_STATION",
            "工人文化宫                  | CULTURAL_PALACE",
            "workers' cultural palace    | CULTURAL_PALACE",
            "司机之家                    | DRIVERS_HOME",
            "工会法律援助站              | LEGAL_AID",
            "爱心托管班                  | CHILDCARE_POINT",
        })
        void shouldResolveKindNamesAndSynonyms(String text, String code) {
            assertThat(kindCode(text)).isEqualTo(code);
        }

        @Test
        void shouldTolerateSurroundingAndFullWidthSpaces() {
            assertThat(kindCode("  爱心驿站\t")).isEqualTo("OUTDOOR_STATION");
            assertThat(kindCode("\u3000职工书屋\u3000")).isEqualTo("READING_ROOM");
            assertThat(kindCode("ＤＲＩＶＥＲＳ＿ＨＯＭＥ")).isEqualTo("DRIVERS_HOME");
        }

        @Test
        void shouldNotResolveUnknownOrBlankNames() {
            assertThat(catalog.resolveKind("加油站")).isEmpty();
            assertThat(catalog.resolveKind("爱心")).isEmpty();
            assertThat(catalog.resolveKind("  ")).isEmpty();
            assertThat(catalog.resolveKind(null)).isEmpty();
        }

        @Test
        void shouldResolveEverySynonymToItsOwnKind() {
            for (StationKind kind : catalog.kinds()) {
                for (String synonym : kind.synonyms()) {
                    assertThat(catalog.resolveKind(synonym)).as(synonym).contains(kind);
                }
            }
        }
    }

    @Nested
    class Services {

        @Test
        void shouldReadFourteenServicesInSortOrder() {
            assertThat(catalog.services()).extracting(ServiceType::code).containsExactly(
                    "WATER", "MICROWAVE", "FRIDGE", "TOILET", "REST", "TABLE_CHAIRS", "PHONE_CHARGING", "EBIKE_CHARGING", "FIRST_AID",
                    "AED", "AIR_PUMP", "BOOKS", "CLIMATE", "WIFI");
            assertThat(catalog.services()).allSatisfy(s -> {
                assertThat(s.icon()).matches("[a-z][a-z-]*");
                assertThat(s.source()).isNotBlank();
            });
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "热水            | WATER",
            "饮用水          | WATER",
            "微波炉          | MICROWAVE",
            "热饭(微波炉)    | MICROWAVE",
            "热饭（微波炉）  | MICROWAVE",
            "公厕            | TOILET",
            "充电            | PHONE_CHARGING",
            "冰柜            | FRIDGE",
            "桌凳            | TABLE_CHAIRS",
            "自动体外除颤器  | AED",
            "除颤仪(AED)     | AED",
            "电瓶车充电      | EBIKE_CHARGING",
            "急救箱          | FIRST_AID",
            "充气            | AIR_PUMP",
            "书屋            | BOOKS",
            "空调/取暖       | CLIMATE",
            "纳凉            | CLIMATE",
            "wifi            | WIFI",
            "ＷｉＦｉ        | WIFI",
            "无线网络        | WIFI",
        })
        void shouldResolveSingleServiceNames(String text, String code) {
            assertThat(catalog.resolveService(text).map(ServiceType::code)).contains(code);
        }

        @Test
        void shouldSplitChineseListOnMixedSeparators() {
            ServiceList list = catalog.resolveServices("饮水、热饭，如厕");

            assertThat(list.codes()).containsExactly("WATER", "MICROWAVE", "TOILET");
            assertThat(list.hasUnknown()).isFalse();
        }

        @Test
        void shouldMatchNamesHoldingSeparatorsOrParenthesesWhole() {
            assertThat(catalog.resolveServices("空调/取暖").codes()).containsExactly("CLIMATE");
            assertThat(catalog.resolveServices("热饭(微波炉)、空调/取暖").codes()).containsExactly("MICROWAVE", "CLIMATE");
            assertThat(catalog.resolveServices("热饭（微波炉）；空调／取暖").codes()).containsExactly("MICROWAVE", "CLIMATE");
            assertThat(catalog.resolveServices("Air conditioning / heating, Wi-Fi").codes()).containsExactly("CLIMATE", "WIFI");
            assertThat(catalog.resolveServices("空调/充电").codes()).containsExactly("CLIMATE", "PHONE_CHARGING");
            // the facilities the standards and star criteria ask for, as an import sheet's cell lists them
            assertThat(catalog.resolveServices("冰箱、桌椅，除颤仪(AED)；电冰箱 AED").codes()).containsExactly("FRIDGE", "TABLE_CHAIRS", "AED");
        }

        @Test
        void shouldSplitOnEverySeparatorAndWhitespace() {
            ServiceList list = catalog.resolveServices(" 热水 卫生间\u3000WiFi/电动车充电|打气; 药箱;阅读 ");

            assertThat(list.codes()).containsExactly(
                    "WATER", "TOILET", "WIFI", "EBIKE_CHARGING", "AIR_PUMP", "FIRST_AID", "BOOKS");
            assertThat(list.unknown()).isEmpty();
        }

        @Test
        void shouldReportUnknownPartsAsWritten() {
            ServiceList list = catalog.resolveServices("饮水、按摩椅，如厕、理发 Massage");

            assertThat(list.codes()).containsExactly("WATER", "TOILET");
            assertThat(list.unknown()).containsExactly("按摩椅", "理发", "Massage");
            assertThat(list.hasUnknown()).isTrue();
            assertThat(catalog.resolveServices("热饭(微波炉").unknown()).containsExactly("热饭(微波炉");
        }

        @Test
        void shouldListEachServiceOnce() {
            assertThat(catalog.resolveServices("热水、开水、饮水机、饮水").codes()).containsExactly("WATER");
            assertThat(catalog.resolveServices("").services()).isEmpty();
            assertThat(catalog.resolveServices(null).unknown()).isEmpty();
        }
    }

    @Nested
    class Reading {

        private static final String KINDS_HEADER = "code,name_zh,name_en,synonyms,integrated_point,sort_order,glyph,color,source\n";
        private static final String SERVICES_HEADER = "code,name_zh,name_en,icon,synonyms,sort_order,source\n";
        private static final String ONE_SERVICE = SERVICES_HEADER + "WATER,饮水,Drinking water,water,热水,10,test\n";

        private StationCatalog read(String kinds, String services) throws IOException {
            return StationCatalog.read(stream(kinds), stream(services));
        }

        private InputStream stream(String text) {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void shouldReadQuotedFieldsAndByteOrderMark() throws IOException {
            StationCatalog small = read("\uFEFF" + KINDS_HEADER
                            + "OUTDOOR_STATION,户外劳动者服务站点,\"Outdoor station, union\",爱心驿站|工会驿站,true,10,驿,#D7263D,\"全总, 2016 \"\"通知\"\"\"\n",
                    ONE_SERVICE);

            StationKind kind = small.kinds().get(0);
            assertThat(kind.nameEn()).isEqualTo("Outdoor station, union");
            assertThat(kind.synonyms()).containsExactly("爱心驿站", "工会驿站");
            assertThat(kind.source()).isEqualTo("全总, 2016 \"通知\"");
            assertThat(kind.glyph()).isEqualTo("驿");
            assertThat(kind.color()).as("colour in lower case").isEqualTo("#d7263d");
        }

        @Test
        void shouldRejectMissingColumn() {
            assertThatThrownBy(() -> read("code,name_zh\nA,甲\n", ONE_SERVICE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("station-kinds.csv: header lacks column 'name_en'");
        }

        @Test
        void shouldRejectBadValueWithLine() {
            assertThatThrownBy(() -> read(KINDS_HEADER + "\nA,甲,A,,yes,1,甲,#000000,src\n", ONE_SERVICE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("station-kinds.csv line 3: column integrated_point must be true or false: 'yes'");
            assertThatThrownBy(() -> read(KINDS_HEADER + "A,甲,A,,true,1,甲,#000000,\n", ONE_SERVICE))
                    .hasMessage("station-kinds.csv line 2: column source is empty");
            assertThatThrownBy(() -> read(KINDS_HEADER + "bad code,甲,A,,true,1,甲,#000000,src\n", ONE_SERVICE))
                    .hasMessageStartingWith("station-kinds.csv line 2: code must be upper-case");
        }

        @Test
        void shouldRejectGlyphThatIsNotOneVisibleCharacter() {
            assertThatThrownBy(() -> read(KINDS_HEADER + "A,甲,A,,true,1,驿站,#000000,src\n", ONE_SERVICE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("station-kinds.csv line 2: glyph must be one character: '驿站'");
            assertThatThrownBy(() -> read(KINDS_HEADER + "A,甲,A,,true,1,,#000000,src\n", ONE_SERVICE))
                    .hasMessage("station-kinds.csv line 2: column glyph is empty");
            assertThatThrownBy(() -> read(KINDS_HEADER + "A,甲,A,,true,1,\u3000,#000000,src\n", ONE_SERVICE))
                    .hasMessageStartingWith("station-kinds.csv line 2: glyph must be a visible character");
            assertThatThrownBy(() -> read(KINDS_HEADER.replace("glyph,", ""), ONE_SERVICE))
                    .hasMessageContaining("station-kinds.csv: header lacks column 'glyph'");
        }

        @ParameterizedTest(name = "color {0}")
        @CsvSource({"red", "#d7263", "#d7263d0", "d7263d", "#g7263d", "rgb(1;2;3)"})
        void shouldRejectColourThatIsNotHexRgb(String color) {
            assertThatThrownBy(() -> read(KINDS_HEADER + "A,甲,A,,true,1,甲," + color + ",src\n", ONE_SERVICE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("station-kinds.csv line 2: color must be #rrggbb: '" + color + "'");
        }

        @Test
        void shouldRejectNameSharedByTwoEntries() {
            assertThatThrownBy(() -> read(KINDS_HEADER, SERVICES_HEADER
                    + "WATER,饮水,Drinking water,water,热水,10,src\nHOT,热饮,Hot drinks,cup,热水,20,src\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("name '热水' is used by both WATER and HOT");
        }

        @Test
        void shouldAcceptEmptyKindsFile() throws IOException {
            StationCatalog servicesOnly = read(KINDS_HEADER, ONE_SERVICE);

            assertThat(servicesOnly.kinds()).isEmpty();
            assertThat(servicesOnly.resolveService("热水").map(ServiceType::code)).isEqualTo(Optional.of("WATER"));
            assertThat(servicesOnly.services()).extracting(ServiceType::synonyms).containsExactly(List.of("热水"));
        }
    }
}
