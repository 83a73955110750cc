package cn.servicemap.grades;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.feedback.ProblemType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review rules on one station's reports, each written as "days ago TYPE state". */
class DowngradeRulesTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 2, 0, 0, 0, ZoneOffset.UTC);

    /** "10 CLOSED open", "40 NO_WATER confirmed", "5 CLOSED dismissed" → the reports. */
    static List<DowngradeRules.ReportSignal> reports(String... lines) {
        return Arrays.stream(lines).map(l -> l.trim().split("\\s+")).map(f -> new DowngradeRules.ReportSignal(ProblemType.valueOf(f[1]),
                f[2].equals("open"), f[2].equals("confirmed"), NOW.minusDays(Long.parseLong(f[0])))).toList();
    }

    static List<String> flags(List<DowngradeRules.ReportSignal> reports) {
        return DowngradeRules.flags(reports, 3, null, List.of(), NOW).stream().map(DowngradeFlag::code).toList();
    }

    @Test
    void shouldFlagTwoClosedReportsWithinNinetyDaysThatWereConfirmedOrAreOpen() {
        assertThat(flags(reports("10 CLOSED open", "80 CLOSED confirmed"))).containsExactly("REPEATED_CLOSED");
        assertThat(flags(reports("10 CLOSED open", "80 CLOSED dismissed"))).isEmpty();
        assertThat(flags(reports("10 CLOSED confirmed", "91 CLOSED confirmed"))).isEmpty();
        assertThat(flags(reports("10 CLOSED open"))).isEmpty();
        assertThat(DowngradeRules.flags(reports("1 CLOSED open", "2 CLOSED open", "3 CLOSED confirmed"), 3, null, List.of(), NOW).get(0).text())
                .isEqualTo("90 天内 3 次报告“应开未开”（已核实或未处理）");
    }

    @Test
    void shouldFlagABrokenFacilityOpenForMoreThanThirtyDaysAndOtherReportsApart() {
        assertThat(flags(reports("31 NO_WATER open"))).containsExactly("BROKEN_FACILITY");
        assertThat(flags(reports("29 NO_WATER open", "45 NO_WATER confirmed"))).isEmpty();
        assertThat(flags(reports("31 OTHER open", "60 UNSAFE open", "40 NO_WATER open")))
                .containsExactly("BROKEN_FACILITY", "UNRESOLVED_REPORTS");
        assertThat(DowngradeRules.flags(reports("31 OTHER open", "60 UNSAFE open"), 3, null, List.of(), NOW).get(0).reports()).isEqualTo(2);
    }

    @Test
    void shouldFlagAGradeAboveWhatTheRegistrySupports() {
        List<DowngradeFlag> f = DowngradeRules.flags(List.of(), 5, 4, List.of("面积 30 平方米以上"), NOW);
        assertThat(f).extracting(DowngradeFlag::code).containsExactly("ABOVE_CRITERIA");
        assertThat(f.get(0).text()).isEqualTo("评定 5★，登记信息只支持 4★（缺：面积 30 平方米以上）");
        assertThat(DowngradeRules.flags(List.of(), 4, 4, List.of(), NOW)).isEmpty();
        assertThat(DowngradeRules.flags(List.of(), null, 0, List.of(), NOW)).isEmpty(); // never reviewed: nothing to lower
    }

    @Test
    void shouldFallDueAYearAfterTheReview() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        assertThat(DowngradeRules.due(LocalDate.of(2025, 11, 23), today)).isTrue();
        assertThat(DowngradeRules.due(LocalDate.of(2025, 11, 24), today)).isFalse();
        assertThat(DowngradeRules.dueOn(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2025, 2, 28));
    }
}
