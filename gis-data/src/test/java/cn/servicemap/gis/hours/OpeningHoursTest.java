package cn.servicemap.gis.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.servicemap.gis.hours.OpeningHours.Rule;
import cn.servicemap.gis.hours.OpeningHours.TimeSpan;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpeningHoursTest {

    /** National Day 2026 as published: 10-01..10-07 off, Sun 09-20 and Sat 10-10 working days. */
    private static final HolidayCalendar NATIONAL_DAY_2026 = new HolidayCalendar(
            Set.copyOf(IntStream.rangeClosed(1, 7).mapToObj(d -> LocalDate.of(2026, 10, d)).toList()),
            Set.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)));

    private static LocalDateTime at(String isoLocalDateTime) {
        return LocalDateTime.parse(isoLocalDateTime);
    }

    @Nested
    class Parsing {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "24/7                                              | 24/7",
            "Mo-Fr 08:00-18:00                                 | Mo-Fr 08:00-18:00",
            "Sa,Su 09:00-17:00                                 | Sa,Su 09:00-17:00",
            "Mo-Su 08:00-12:00,14:00-18:00                     | Mo-Su 08:00-12:00,14:00-18:00",
            "Mo-Fr 22:00-06:00                                 | Mo-Fr 22:00-06:00",
            "Mo-Su 18:00-24:00                                 | Mo-Su 18:00-24:00",
            "Mo-Fr 08:00-18:00; PH off                         | Mo-Fr 08:00-18:00; PH off",
            "Mo-Fr 08:00-18:00; Sa 09:00-12:00; Su,PH closed   | Mo-Fr 08:00-18:00; Sa 09:00-12:00; Su,PH off",
            "PH 09:00-17:00                                    | PH 09:00-17:00",
            "off                                               | Mo-Su off",
            "08:00-20:00                                       | Mo-Su 08:00-20:00",
            "Mo-Su 00:00-24:00                                 | 24/7",
            "mo-fr 8:00-18:00;ph off;                          | Mo-Fr 08:00-18:00; PH off",
            "Mo,We,Fr 09:00-11:00                              | Mo,We,Fr 09:00-11:00",
            "Sa-Mo 10:00-16:00                                 | Mo,Sa,Su 10:00-16:00",
            "Mo-We,Fr-Su 10:00-16:00                           | Mo-We,Fr-Su 10:00-16:00",
            "Mo-Fr 14:00-18:00,08:00-12:00                     | Mo-Fr 08:00-12:00,14:00-18:00",
            "Mo-Su 22:00-00:00                                 | Mo-Su 22:00-24:00",
            "Mo-Fr 08:00-18:00, Sa 09:00-12:00                 | Mo-Fr 08:00-18:00; Sa 09:00-12:00",
        })
        void shouldParseOsmFormsToCanonicalString(String input, String canonical) {
            assertThat(OpeningHours.parse(input).toOsmString()).isEqualTo(canonical);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "24小时                                  | 24/7",
            "全天                                    | 24/7",
            "全天24小时                              | 24/7",
            "24小时开放                              | 24/7",
            "周一至周五 8:00-18:00                   | Mo-Fr 08:00-18:00",
            "周一到周日 09:00—17:30                  | Mo-Su 09:00-17:30",
            "周一至周五 8：00～18：00                | Mo-Fr 08:00-18:00",
            "周一至周五 8:00至18:00                  | Mo-Fr 08:00-18:00",
            "周一至周五 8:00——18:00                  | Mo-Fr 08:00-18:00",
            "星期一至五 8:30-17:30                   | Mo-Fr 08:30-17:30",
            "每天 7:00-19:00                         | Mo-Su 07:00-19:00",
            "工作日 9:00-17:00                       | Mo-Fr 09:00-17:00",
            "周末 10:00-16:00                        | Sa,Su 10:00-16:00",
            "节假日休息                              | PH off",
            "法定节假日休息                          | PH off",
            "周一至周五 8:00-18:00，法定节假日休息   | Mo-Fr 08:00-18:00; PH off",
            "周一至周五 8:00-18:00；节假日休息       | Mo-Fr 08:00-18:00; PH off",
            "每天 9:00-17:00，周一闭馆               | Mo-Su 09:00-17:00; Mo off",
            "工作日 8:00-17:00 周末休息              | Mo-Fr 08:00-17:00; Sa,Su off",
            "周六、周日 9:00-12:00                   | Sa,Su 09:00-12:00",
            "周一至周五8:00-18:00周六9:00-12:00      | Mo-Fr 08:00-18:00; Sa 09:00-12:00",
            "周一至周五：8:00-12:00 14:00-18:00      | Mo-Fr 08:00-12:00,14:00-18:00",
            "周一至周五 8:00-12:00、14:00-18:00      | Mo-Fr 08:00-12:00,14:00-18:00",
            "22:00–次日06:00                         | Mo-Su 22:00-06:00",
            "周一至周五 全天                         | Mo-Fr 00:00-24:00",
            "每天 7:00-19:00 开放                    | Mo-Su 07:00-19:00",
            "　周一至周五 ８:００-１８:００　        | Mo-Fr 08:00-18:00",
        })
        void shouldNormaliseChineseInputToCanonicalOsm(String input, String canonical) {
            assertThat(OpeningHours.parse(input).toOsmString()).isEqualTo(canonical);
        }

        @Test
        void shouldExposeStructuredRulesInMinutes() {
            OpeningHours hours = OpeningHours.parse("周一至周五 8:00-12:00,14:00-18:00；法定节假日休息");

            assertThat(hours.rules()).containsExactly(
                    new Rule(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), false,
                            List.of(new TimeSpan(480, 720), new TimeSpan(840, 1080))),
                    new Rule(EnumSet.noneOf(DayOfWeek.class), true, List.of()));
            assertThat(hours.rules().get(1).off()).isTrue();
            assertThat(new TimeSpan(22 * 60, 6 * 60).wrapsMidnight()).isTrue();
            assertThat(new TimeSpan(22 * 60, 6 * 60).lengthInMinutes()).isEqualTo(480);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "24/7", "Mo-Fr 08:00-18:00; PH off", "Mo-Su 08:00-12:00,14:00-18:00", "Fr 22:00-06:00",
            "Mo-Su 18:00-24:00", "Mo,Sa,Su 10:00-16:00; Mo off", "PH 09:00-17:00", "Su,PH off",
            "周一至周五 8:00-18:00，法定节假日休息", "每天 9:00-17:00，周一闭馆", "工作日 8:00-17:00 周末休息",
            "24/7; PH off", "Mo-Fr 00:00-24:00",
        })
        void shouldRoundTripThroughOsmAndChineseText(String input) {
            OpeningHours hours = OpeningHours.parse(input);

            assertThat(OpeningHours.parse(hours.toOsmString())).isEqualTo(hours);
            assertThat(OpeningHours.parse(hours.toChinese())).isEqualTo(hours);
        }
    }

    @Nested
    class ChineseText {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "Mo-Fr 08:00-18:00; PH off          | 周一至周五 08:00–18:00；法定节假日休息",
            "24/7                               | 24小时开放",
            "Sa,Su 09:00-12:00,14:00-17:00      | 周六、周日 09:00–12:00、14:00–17:00",
            "Fr 22:00-06:00                     | 周五 22:00–次日06:00",
            "Mo-Su 07:00-19:00; Mo off          | 每天 07:00–19:00；周一休息",
            "Mo,We,Fr 09:00-11:00; Sa,Su,PH off | 周一、周三、周五 09:00–11:00；周六、周日、法定节假日休息",
        })
        void shouldRenderChinese(String osm, String chinese) {
            assertThat(OpeningHours.parse(osm).toChinese()).isEqualTo(chinese);
        }
    }

    @Nested
    class Errors {

        @Test
        void shouldReportInvalidTimeWithPositionInChineseAndEnglish() {
            assertThatThrownBy(() -> OpeningHours.parse("Mo-Fr 25:00-18:00"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .isInstanceOfSatisfying(OpeningHoursParseException.class, e -> {
                        assertThat(e.position()).isEqualTo(7);
                        assertThat(e.input()).isEqualTo("Mo-Fr 25:00-18:00");
                    })
                    .hasMessage("第 7 个字符: 无法识别的时间 '25:00' (invalid time '25:00')");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "''                                  | 第 1 个字符: 空的开放时间 (empty opening hours)",
            "周一至周五 8:00-18:60               | 第 12 个字符: 无法识别的时间 '18:60' (invalid time '18:60')",
            "Mo-Fr 24:30-18:00                   | 第 7 个字符: 无法识别的时间 '24:30' (invalid time '24:30')",
            "Mo-Fr                               | 第 6 个字符: 缺少时间段 (missing time span)",
            "Mo-Fr 08:00                         | 第 12 个字符: 缺少结束时间 (missing end time)",
            "Mo-Fr 08:00-18:00; Xy 09:00-10:00   | 第 20 个字符: 无法识别的内容 'Xy' (unexpected text 'Xy')",
            "Mo-Fr 08:00-18:00 (summer)          | 第 19 个字符: 无法识别的内容 '(summer)' (unexpected text '(summer)')",
            "08:00-08:00                         | 第 1 个字符: 时间段为空 '08:00-08:00' (empty time span '08:00-08:00')",
            "24:00-06:00                         | 第 1 个字符: 开始时间不能是 24:00 '24:00-06:00' (start time cannot be 24:00 '24:00-06:00')",
            "周一至 8:00-18:00                   | 第 5 个字符: 缺少结束日期 (missing end day)",
            "营业时间 9:00-17:00                 | 第 1 个字符: 无法识别的内容 '营业时间' (unexpected text '营业时间')",
            "Mo-Fr 0800-1800                     | 第 7 个字符: 缺少时间段 (missing time span)",
            "Mo-Fr 08:00-18:00, 20:00            | 第 25 个字符: 缺少结束时间 (missing end time)",
        })
        void shouldReportPositionAndReason(String input, String message) {
            assertThatThrownBy(() -> OpeningHours.parse(input))
                    .isInstanceOf(OpeningHoursParseException.class)
                    .hasMessage(message);
        }
    }

    @Nested
    class Evaluation {

        @Test
        void shouldApplyWeekdayRulesAndEndExclusive() {
            OpeningHours hours = OpeningHours.parse("Mo-Fr 08:00-18:00");
            HolidayCalendar none = HolidayCalendar.none();

            assertThat(hours.isOpenAt(at("2026-10-14T07:59:59"), none)).isFalse(); // Wednesday
            assertThat(hours.isOpenAt(at("2026-10-14T08:00"), none)).isTrue();
            assertThat(hours.isOpenAt(at("2026-10-14T17:59:59"), none)).isTrue();
            assertThat(hours.isOpenAt(at("2026-10-14T18:00"), none)).isFalse();
            assertThat(hours.isOpenAt(at("2026-10-17T10:00"), none)).isFalse(); // Saturday
        }

        @Test
        void shouldLetLaterRulesOverrideEarlierOnesForTheirDays() {
            OpeningHours hours = OpeningHours.parse("Mo-Fr 08:00-18:00; We 10:00-12:00");
            HolidayCalendar none = HolidayCalendar.none();

            assertThat(hours.isOpenAt(at("2026-10-13T09:00"), none)).isTrue(); // Tuesday
            assertThat(hours.isOpenAt(at("2026-10-14T09:00"), none)).isFalse(); // Wednesday
            assertThat(hours.isOpenAt(at("2026-10-14T11:00"), none)).isTrue();

            OpeningHours mondaysClosed = OpeningHours.parse("每天 9:00-17:00，周一闭馆");
            assertThat(mondaysClosed.isOpenAt(at("2026-10-12T10:00"), none)).isFalse(); // Monday
            assertThat(mondaysClosed.isOpenAt(at("2026-10-13T10:00"), none)).isTrue();
        }

        @Test
        void shouldCountSpansPastMidnightForTheNextMorning() {
            OpeningHours hours = OpeningHours.parse("Fr 22:00-06:00");
            HolidayCalendar none = HolidayCalendar.none();

            assertThat(hours.isOpenAt(at("2026-10-16T21:59"), none)).isFalse(); // Friday
            assertThat(hours.isOpenAt(at("2026-10-16T23:00"), none)).isTrue();
            assertThat(hours.isOpenAt(at("2026-10-17T03:00"), none)).isTrue(); // Saturday
            assertThat(hours.isOpenAt(at("2026-10-17T06:00"), none)).isFalse();
            assertThat(hours.isOpenAt(at("2026-10-16T03:00"), none)).isFalse(); // Friday morning: Thursday has no span
            // The span belongs to Friday: a Saturday rule does not cut it.
            assertThat(OpeningHours.parse("Fr 22:00-06:00; Sa off").isOpenAt(at("2026-10-17T03:00"), none)).isTrue();
        }

        @Test
        void shouldTreatTwentyFourAsEndOfDay() {
            OpeningHours hours = OpeningHours.parse("Mo-Su 18:00-24:00");
            HolidayCalendar none = HolidayCalendar.none();

            assertThat(hours.isOpenAt(at("2026-10-14T23:59:59"), none)).isTrue();
            assertThat(hours.isOpenAt(at("2026-10-15T00:00"), none)).isFalse();
        }

        @Test
        void shouldApplyPublicHolidayRulesOnNationalDay() {
            OpeningHours hours = OpeningHours.parse("Mo-Fr 08:00-18:00; PH off");

            assertThat(hours.isOpenAt(at("2026-10-01T10:00"), NATIONAL_DAY_2026)).isFalse(); // Thursday, 国庆
            assertThat(hours.isOpenAt(at("2026-10-08T10:00"), NATIONAL_DAY_2026)).isTrue();
            assertThat(hours.isOpenAt(at("2026-10-01T10:00"), HolidayCalendar.none())).isTrue();

            OpeningHours shortHolidayHours = OpeningHours.parse("Mo-Su 09:00-17:00; PH 10:00-14:00");
            assertThat(shortHolidayHours.isOpenAt(at("2026-10-01T09:30"), NATIONAL_DAY_2026)).isFalse();
            assertThat(shortHolidayHours.isOpenAt(at("2026-10-01T10:30"), NATIONAL_DAY_2026)).isTrue();
        }

        @Test
        void shouldUseWeekdayRulesOnPublicHolidayWithoutPhRule() {
            OpeningHours hours = OpeningHours.parse("Mo-Fr 08:00-18:00");

            assertThat(hours.isOpenAt(at("2026-10-01T10:00"), NATIONAL_DAY_2026)).isTrue(); // Thursday
            assertThat(hours.isOpenAt(at("2026-10-03T10:00"), NATIONAL_DAY_2026)).isFalse(); // Saturday
        }

        @Test
        void shouldApplyMondayToFridayRulesOnAdjustedWorkday() {
            OpeningHours hours = OpeningHours.parse("Mo-Fr 08:00-18:00; Sa,Su off; PH off");

            assertThat(hours.isOpenAt(at("2026-10-10T10:00"), NATIONAL_DAY_2026)).isTrue(); // Saturday, 调休上班
            assertThat(hours.isOpenAt(at("2026-09-20T10:00"), NATIONAL_DAY_2026)).isTrue(); // Sunday, 调休上班
            assertThat(hours.isOpenAt(at("2026-10-17T10:00"), NATIONAL_DAY_2026)).isFalse(); // ordinary Saturday
            // No rule names all of Mo-Fr: the adjusted workday keeps its own weekday's rules.
            OpeningHours split = OpeningHours.parse("Mo-Th 08:00-18:00; Fr 08:00-16:00");
            assertThat(split.isOpenAt(at("2026-10-10T10:00"), NATIONAL_DAY_2026)).isFalse();
        }

        @Test
        void shouldKnowWhenAlwaysOpen() {
            assertThat(OpeningHours.parse("24/7").isAlwaysOpen()).isTrue();
            assertThat(OpeningHours.alwaysOpen()).isEqualTo(OpeningHours.parse("24小时"));
            assertThat(OpeningHours.parse("Mo-Su 12:00-24:00,00:00-12:00").isAlwaysOpen()).isTrue();
            assertThat(OpeningHours.parse("Mo-Su 20:00-08:00,08:00-20:00").isAlwaysOpen()).isTrue();
            assertThat(OpeningHours.parse("24/7; PH off").isAlwaysOpen()).isFalse();
            assertThat(OpeningHours.parse("Mo-Fr 00:00-24:00").isAlwaysOpen()).isFalse();
            assertThat(OpeningHours.parse("Mo-Su 00:00-23:59").isAlwaysOpen()).isFalse();
        }
    }

    @Nested
    class NextChange {

        @Test
        void shouldFindClosingWhenOpen() {
            OpeningHours hours = OpeningHours.parse("Mo-Fr 08:00-18:00; PH off");

            assertThat(hours.nextChange(at("2026-09-30T17:00"), NATIONAL_DAY_2026)).contains(at("2026-09-30T18:00"));
        }

        @Test
        void shouldSkipHolidaysToNextOpening() {
            OpeningHours hours = OpeningHours.parse("Mo-Fr 08:00-18:00; PH off");

            assertThat(hours.nextChange(at("2026-09-30T18:00"), NATIONAL_DAY_2026)).contains(at("2026-10-08T08:00"));
            assertThat(hours.nextChange(at("2026-10-16T19:00"), NATIONAL_DAY_2026)).contains(at("2026-10-19T08:00"));
        }

        @Test
        void shouldJoinSpansAcrossMidnight() {
            HolidayCalendar none = HolidayCalendar.none();

            assertThat(OpeningHours.parse("Mo-Su 22:00-06:00").nextChange(at("2026-10-14T23:00"), none))
                    .contains(at("2026-10-15T06:00"));
            assertThat(OpeningHours.parse("Mo-Su 18:00-24:00").nextChange(at("2026-10-14T23:00"), none))
                    .contains(at("2026-10-15T00:00"));
            assertThat(OpeningHours.parse("24/7; PH off").nextChange(at("2026-09-30T12:00"), NATIONAL_DAY_2026))
                    .contains(at("2026-10-01T00:00"));
        }

        @Test
        void shouldReturnEmptyWithoutChangeWithinEightDays() {
            HolidayCalendar none = HolidayCalendar.none();

            assertThat(OpeningHours.parse("24/7").nextChange(at("2026-10-14T12:00"), none)).isEmpty();
            assertThat(OpeningHours.parse("off").nextChange(at("2026-10-14T12:00"), none)).isEmpty();
            assertThat(OpeningHours.parse("Mo-Su 12:00-24:00,00:00-12:00").nextChange(at("2026-10-14T12:00"), none)).isEmpty();
            OpeningHours holidaysOnly = OpeningHours.parse("PH 10:00-12:00");
            assertThat(holidaysOnly.nextChange(at("2026-09-23T10:00"), NATIONAL_DAY_2026)).contains(at("2026-10-01T10:00"));
            assertThat(holidaysOnly.nextChange(at("2026-09-22T10:00"), NATIONAL_DAY_2026)).isEmpty(); // 9 days ahead
        }
    }
}
