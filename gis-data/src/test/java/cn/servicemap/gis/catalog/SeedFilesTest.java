package cn.servicemap.gis.catalog;

import cn.servicemap.gis.table.SeedCsv;
import cn.servicemap.gis.testdata.TestData;
import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.gis.hours.HolidayCalendar;
import cn.servicemap.gis.hours.OpeningHours;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The seed files themselves: they parse, cite sources, and agree with what the code expects. */
class SeedFilesTest {

    private static List<SeedCsv.Row> rows(String file, List<String> columns) throws IOException {
        try (InputStream in = TestData.openSeed(file)) {
            return SeedCsv.read(in, file, columns);
        }
    }

    private static HolidayCalendar holidays() throws IOException {
        try (InputStream in = TestData.openSeed("holidays-cn.csv")) {
            return HolidayCalendar.read(in);
        }
    }

    @Test
    void shouldCiteSourceOnEveryRowOfEveryCsv() throws IOException {
        for (String file : List.of("station-kinds.csv", "services.csv", "holidays-cn.csv", "policy-targets.csv", "facility-standards.csv",
                "star-criteria.csv")) {
            assertThat(rows(file, List.of("source"))).as(file)
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row.get("source")).as(file + " line " + row.line()).isNotBlank());
        }
    }

    @Test
    void shouldReadHolidayCalendarWithNationalDay2026() throws IOException {
        HolidayCalendar calendar = holidays();

        assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 10, 1))).isTrue();
        assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 10, 7))).isTrue();
        assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 10, 8))).isFalse();
        assertThat(calendar.isAdjustedWorkday(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isAdjustedWorkday(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 10, 10))).isFalse();
        // Spring Festival 2025: 1/28-2/4, workdays Sun 1/26 and Sat 2/8.
        assertThat(calendar.isPublicHoliday(LocalDate.of(2025, 1, 28))).isTrue();
        assertThat(calendar.isPublicHoliday(LocalDate.of(2025, 2, 5))).isFalse();
        assertThat(calendar.isAdjustedWorkday(LocalDate.of(2025, 2, 8))).isTrue();
    }

    @Test
    void shouldHoldTheOfficialNumberOfDaysOffPerYear() throws IOException {
        HolidayCalendar calendar = holidays();

        // 2025: 1 + 8 + 3 + 5 + 3 + 8 days off, 5 workdays; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7, 6 workdays.
        assertThat(calendar.publicHolidays()).filteredOn(d -> d.getYear() == 2025).hasSize(28);
        assertThat(calendar.publicHolidays()).filteredOn(d -> d.getYear() == 2026).hasSize(33);
        assertThat(calendar.adjustedWorkdays()).filteredOn(d -> d.getYear() == 2025).hasSize(5);
        assertThat(calendar.adjustedWorkdays()).filteredOn(d -> d.getYear() == 2026).hasSize(6);
        assertThat(calendar.adjustedWorkdays()).allSatisfy(d -> assertThat(d.getDayOfWeek().getValue()).isGreaterThan(5));
    }

    @Test
    void shouldEvaluateOpeningHoursAgainstTheSeedCalendar() throws IOException {
        HolidayCalendar calendar = holidays();
        OpeningHours hours = OpeningHours.parse("周一至周五 8:00-18:00，法定节假日休息");

        assertThat(hours.isOpenAt(LocalDateTime.of(2026, Month.OCTOBER, 1, 10, 0), calendar)).isFalse();
        assertThat(hours.isOpenAt(LocalDateTime.of(2026, Month.OCTOBER, 10, 10, 0), calendar)).isTrue();
        assertThat(hours.nextChange(LocalDateTime.of(2026, Month.SEPTEMBER, 30, 18, 0), calendar))
                .contains(LocalDateTime.of(2026, Month.OCTOBER, 8, 8, 0));
    }

    @Test
    void shouldHaveNumericPolicyTargets() throws IOException {
        List<PolicyTarget> targets;
        try (InputStream in = TestData.openSeed("policy-targets.csv")) {
            targets = PolicyTarget.read(in);
        }

        assertThat(targets).extracting(PolicyTarget::code)
                .contains("SHUANG15_STATIONS", "SHUANG15_SERVICE_RADIUS", "COUNTY_INTEGRATED_POINTS", "SHUANG15_WALK_TIME",
                        "SHUANG15_COVERAGE_SHARE", "SHUANG15_OVERLAP_SHARE", "CULTURAL_PALACE_COVERAGE", "STATIONS_PER_10K");
        assertThat(targets).filteredOn(t -> t.code().equals("SHUANG15_STATIONS"))
                .singleElement().satisfies(t -> assertThat(t.value()).isEqualTo(150_000.0));
        // the shares are this project's defaults and the county figures are unverified: they must say so
        assertThat(targets).filteredOn(t -> t.code().endsWith("_SHARE") || t.code().startsWith("COUNTY_") || t.code().startsWith("CULTURAL_"))
                .hasSize(4).noneMatch(PolicyTarget::verified);
        assertThat(targets).filteredOn(t -> t.code().equals("STATIONS_PER_10K")).singleElement()
                .satisfies(t -> assertThat(t.value()).isNull());
    }

    @Test
    void shouldRefuseAPolicyTargetRowThatIsNotANumberOrNotMarkedVerified() {
        String header = "code,name_zh,value,unit,scope,source,verified\n";
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> PolicyTarget.read(new java.io.ByteArrayInputStream(
                (header + "A_B,名称,十五,min,x,src,yes\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)))))
                .hasMessageContaining("line 2").hasMessageContaining("not a number");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> PolicyTarget.read(new java.io.ByteArrayInputStream(
                (header + "A_B,名称,15,min,x,src,maybe\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)))))
                .hasMessageContaining("yes or no");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> PolicyTarget.read(new java.io.ByteArrayInputStream(
                (header + "A_B,名称,-1,min,x,src,no\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)))))
                .hasMessageContaining("positive");
    }

    @Test
    void shouldDescribeDemoRegionInsideNanjing() throws IOException {
        JsonNode region = new ObjectMapper().readTree(TestData.seed("demo-region.json").toFile());

        assertThat(region.path("code").asText()).isEqualTo("nanjing-core");
        assertThat(region.path("city_adcode").asText()).isEqualTo("320100");
        assertThat(region.path("boundaries_crs").asText()).isEqualTo("GCJ02");
        JsonNode bbox = region.path("core_bbox");
        assertThat(bbox.size()).isEqualTo(4);
        assertThat(bbox.get(0).asDouble()).isLessThan(bbox.get(2).asDouble()).isBetween(118.0, 119.5);
        assertThat(bbox.get(1).asDouble()).isLessThan(bbox.get(3).asDouble()).isBetween(31.0, 33.0);
        List<String> credits = new ArrayList<>();
        region.path("credits").forEach(c -> credits.add(c.path("text").asText()));
        assertThat(credits).anyMatch(t -> t.contains("© OpenStreetMap contributors"))
                .anyMatch(t -> t.contains("Tudigong"))
                .anyMatch(t -> t.contains("DataV"));
    }

    @Test
    void shouldPointDemoRegionAtExistingSharedData() throws IOException {
        JsonNode region = new ObjectMapper().readTree(TestData.seed("demo-region.json").toFile());
        // TestData.sharedFile fails (never skips) when a file is missing.
        Stream.of("boundaries", "census", "ghsl", "osm").forEach(key ->
                assertThat(TestData.sharedFile(region.path(key).asText())).as(key).isRegularFile());
    }
}
