package cn.servicemap.gis.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Opening hours of a service point, modelled on the OSM {@code opening_hours} tag and limited to the
 * subset real station data uses.
 *
 * <h2>Accepted input ({@link #parse(String)})</h2>
 * <ul>
 *   <li>{@code 24/7}; Chinese {@code 24小时}, {@code 全天}, {@code 全天24小时} (optionally followed by
 *       {@code 开放}/{@code 营业}/{@code 服务}).</li>
 *   <li>Day selectors: {@code Mo}…{@code Su}, ranges {@code Mo-Fr} (also wrapping, {@code Sa-Mo}),
 *       lists {@code Sa,Su}, and {@code PH} (public holidays). Chinese: {@code 周一}/{@code 星期一}/
 *       {@code 礼拜一} … {@code 周日}/{@code 周天}, ranges with {@code 至 到 - — ～} ({@code 周一至五}),
 *       lists with {@code 、 ，}, {@code 每天}/{@code 每日} (all days), {@code 工作日} (= Mo-Fr),
 *       {@code 周末}/{@code 双休日} (= Sa,Su), {@code 节假日}/{@code 法定节假日} (= PH).</li>
 *   <li>Time spans {@code 08:00-12:00,14:00-18:00}; hours may have one digit ({@code 8:00}); the colon may
 *       be full-width; the dash may be {@code - – — ～ 至 到}. {@code 24:00} is allowed as an end.
 *       A span whose end is not after its start runs past midnight ({@code 22:00-06:00}); Chinese
 *       {@code 次日} before the end time says the same ({@code 22:00–次日06:00}).</li>
 *   <li>{@code off}/{@code closed}; Chinese {@code 休息 闭馆 休馆 关闭 歇业 不开放}.</li>
 *   <li>Rules separated by {@code ;} (or {@code ；}). A rule without a day selector applies to every
 *       day. A new day selector after a rule also starts a new rule, whether it follows {@code ,},
 *       {@code 、}, whitespace or nothing (Chinese usage: {@code 每天 9:00-17:00，周一闭馆}). Note that OSM reads {@code ,} between
 *       rules as an <em>additional</em> rule; the two readings agree whenever the day sets do not
 *       overlap, and {@link #toOsmString()} always writes {@code ;}.</li>
 * </ul>
 * Comments, month/date selectors, week numbers, sunrise/sunset and {@code ||} fallbacks are not
 * supported; a day selector without times (OSM: open all day) is rejected as "missing time span"
 * so that importers flag it for review.
 *
 * <h2>Evaluation</h2>
 * Times are local wall-clock times (China has no daylight saving). For a date the effective rule
 * is chosen like this:
 * <ol>
 *   <li>a public holiday: the last rule naming {@code PH}, if any rule does; otherwise step 3.
 *       (PH rules win regardless of their position; strict OSM lets a later weekday rule override
 *       an earlier PH rule. Real data puts {@code PH} last, where both readings agree.)</li>
 *   <li>an adjusted working day (调休上班日) that is not a public holiday: the last rule whose days
 *       include all of Monday–Friday ("rules for Mo-Fr apply"); if no rule names the whole Mo–Fr
 *       range, step 3.</li>
 *   <li>otherwise the last rule naming the date's weekday (later rules override earlier ones for
 *       the days they name); no such rule means closed.</li>
 * </ol>
 * A span past midnight belongs to the day it starts on: the part after midnight is open in the
 * early hours of the next date whatever rule that next date has ({@code Fr 22:00-06:00} is open on
 * Saturday at 03:00, even with {@code Sa off}).
 *
 * @param rules the rules in input order; never empty
 */
public record OpeningHours(List<Rule> rules) {

    /** Minutes in a day; the largest value a span end may take ({@code 24:00}). */
    public static final int MINUTES_PER_DAY = 24 * 60;

    /** How far {@link #nextChange} looks ahead, in days. */
    public static final int NEXT_CHANGE_HORIZON_IN_DAYS = 8;

    private static final Set<DayOfWeek> ALL_DAYS = Collections.unmodifiableSet(EnumSet.allOf(DayOfWeek.class));
    private static final Set<DayOfWeek> MONDAY_TO_FRIDAY =
            Collections.unmodifiableSet(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public OpeningHours {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("opening hours need at least one rule");
        }
    }

    /**
     * Parses OSM-style or common Chinese opening hours (see the class comment for the subset).
     *
     * @throws OpeningHoursParseException with the 1-based character position and a reason in
     *                                    Chinese and English when the text is not understood
     */
    public static OpeningHours parse(String text) {
        return new OpeningHoursParser(text).parse();
    }

    /** Open all day, every day: {@code 24/7}. */
    public static OpeningHours alwaysOpen() {
        return new OpeningHours(List.of(new Rule(ALL_DAYS, false, List.of(TimeSpan.ALL_DAY))));
    }

    /**
     * True when every weekday, and public holidays if a rule names them, are open 00:00–24:00
     * (spans past midnight from the day before count).
     */
    public boolean isAlwaysOpen() {
        for (DayOfWeek day : DayOfWeek.values()) {
            List<TimeSpan> previous = spansForWeekday(day.minus(1));
            if (!coversWholeDay(openIntervals(previous, spansForWeekday(day)))) {
                return false;
            }
        }
        Rule holidayRule = lastRule(r -> r.publicHolidays());
        return holidayRule == null || coversWholeDay(openIntervals(List.of(), holidayRule.spans()));
    }

    /**
     * Whether the place is open at a local date-time (seconds count: 17:59:59 is before 18:00).
     *
     * @param holidays public holidays and adjusted working days; {@link HolidayCalendar#none()} for none
     */
    public boolean isOpenAt(LocalDateTime localTime, HolidayCalendar holidays) {
        Objects.requireNonNull(localTime, "localTime");
        Objects.requireNonNull(holidays, "holidays");
        LocalDate date = localTime.toLocalDate();
        int second = localTime.toLocalTime().toSecondOfDay();
        for (int[] interval : openIntervals(date, holidays)) {
            if (second >= interval[0] * 60 && second < interval[1] * 60) {
                return true;
            }
        }
        return false;
    }

    /**
     * When the state at {@code localTime} next changes: the next opening if closed, the next closing
     * if open. Adjacent spans (…–24:00 then 00:00–…, or a span past midnight) count as one opening.
     *
     * @return the first change after {@code localTime} and at most
     *         {@value #NEXT_CHANGE_HORIZON_IN_DAYS} days later; empty if there is none in that window
     *         (always open, always closed, or a change further away)
     */
    public Optional<LocalDateTime> nextChange(LocalDateTime localTime, HolidayCalendar holidays) {
        Objects.requireNonNull(localTime, "localTime");
        Objects.requireNonNull(holidays, "holidays");
        LocalDate first = localTime.toLocalDate();
        LocalDateTime horizon = localTime.plusDays(NEXT_CHANGE_HORIZON_IN_DAYS);
        // Merged open intervals as [start, end) date-times over the dates first .. first + horizon.
        List<LocalDateTime[]> merged = new ArrayList<>();
        for (int d = 0; d <= NEXT_CHANGE_HORIZON_IN_DAYS; d++) {
            LocalDate date = first.plusDays(d);
            LocalDateTime midnight = date.atStartOfDay();
            for (int[] interval : openIntervals(date, holidays)) {
                LocalDateTime start = midnight.plusMinutes(interval[0]);
                LocalDateTime end = midnight.plusMinutes(interval[1]);
                LocalDateTime[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && !start.isAfter(last[1])) {
                    if (end.isAfter(last[1])) {
                        last[1] = end;
                    }
                } else {
                    merged.add(new LocalDateTime[] {start, end});
                }
            }
        }
        for (LocalDateTime[] interval : merged) {
            if (!interval[1].isAfter(localTime)) {
                continue;
            }
            LocalDateTime change = interval[0].isAfter(localTime) ? interval[0] : interval[1];
            return change.isAfter(horizon) ? Optional.empty() : Optional.of(change);
        }
        return Optional.empty();
    }

    /**
     * The canonical OSM string: rules joined by {@code "; "}, days as {@code Mo-Fr} (runs of three or
     * more) or {@code Sa,Su}, then {@code PH}; times {@code HH:mm}; closed rules as {@code off}; a
     * rule open all day every day as {@code 24/7}. Example: {@code Mo-Fr 08:00-18:00; PH off}.
     */
    public String toOsmString() {
        List<String> parts = new ArrayList<>();
        for (Rule rule : rules) {
            parts.add(rule.toOsmString());
        }
        return String.join("; ", parts);
    }

    /**
     * Chinese text for people, e.g. {@code 周一至周五 08:00–18:00；法定节假日休息} or {@code 24小时开放};
     * {@link #parse(String)} reads it back to an equal value.
     */
    public String toChinese() {
        List<String> parts = new ArrayList<>();
        for (Rule rule : rules) {
            parts.add(rule.toChinese());
        }
        return String.join("；", parts);
    }

    @Override
    public String toString() {
        return toOsmString();
    }

    // ---- evaluation helpers -------------------------------------------------------------------

    /** Open intervals of one date as [startMinute, endMinute) within 0..1440, including the spill-over from the day before. */
    private List<int[]> openIntervals(LocalDate date, HolidayCalendar holidays) {
        return openIntervals(effectiveSpans(date.minusDays(1), holidays), effectiveSpans(date, holidays));
    }

    private static List<int[]> openIntervals(List<TimeSpan> previousDay, List<TimeSpan> day) {
        List<int[]> intervals = new ArrayList<>();
        for (TimeSpan span : previousDay) {
            if (span.wrapsMidnight() && span.endMinute() > 0) {
                intervals.add(new int[] {0, span.endMinute()});
            }
        }
        for (TimeSpan span : day) {
            intervals.add(new int[] {span.startMinute(), span.wrapsMidnight() ? MINUTES_PER_DAY : span.endMinute()});
        }
        intervals.sort(Comparator.comparingInt(i -> i[0]));
        return intervals;
    }

    private static boolean coversWholeDay(List<int[]> sortedIntervals) {
        int coveredUntil = 0;
        for (int[] interval : sortedIntervals) {
            if (interval[0] > coveredUntil) {
                return false;
            }
            coveredUntil = Math.max(coveredUntil, interval[1]);
        }
        return coveredUntil >= MINUTES_PER_DAY;
    }

    private List<TimeSpan> effectiveSpans(LocalDate date, HolidayCalendar holidays) {
        if (holidays.isPublicHoliday(date)) {
            Rule rule = lastRule(Rule::publicHolidays);
            if (rule != null) {
                return rule.spans();
            }
        } else if (holidays.isAdjustedWorkday(date)) {
            Rule rule = lastRule(r -> r.days().containsAll(MONDAY_TO_FRIDAY));
            if (rule != null) {
                return rule.spans();
            }
        }
        return spansForWeekday(date.getDayOfWeek());
    }

    private List<TimeSpan> spansForWeekday(DayOfWeek day) {
        Rule rule = lastRule(r -> r.days().contains(day));
        return rule == null ? List.of() : rule.spans();
    }

    private Rule lastRule(java.util.function.Predicate<Rule> matches) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            if (matches.test(rules.get(i))) {
                return rules.get(i);
            }
        }
        return null;
    }

    // ---- value types ----------------------------------------------------------------------------

    /**
     * One rule: the days it names (weekdays and/or public holidays) and the spans it is open then.
     * No spans means closed ({@code off}).
     *
     * @param days           weekdays the rule names; may be empty if {@code publicHolidays}
     * @param publicHolidays whether the rule names public holidays ({@code PH})
     * @param spans          open time spans sorted by start; empty for {@code off}
     */
    public record Rule(Set<DayOfWeek> days, boolean publicHolidays, List<TimeSpan> spans) {

        public Rule {
            days = days.isEmpty()
                    ? Collections.unmodifiableSet(EnumSet.noneOf(DayOfWeek.class))
                    : Collections.unmodifiableSet(EnumSet.copyOf(days));
            List<TimeSpan> sorted = new ArrayList<>(spans);
            sorted.sort(Comparator.comparingInt(TimeSpan::startMinute).thenComparingInt(TimeSpan::endMinute));
            spans = List.copyOf(sorted);
            if (days.isEmpty() && !publicHolidays) {
                throw new IllegalArgumentException("a rule must name at least one weekday or PH");
            }
        }

        /** True when the rule closes its days ({@code off}, {@code 休息}). */
        public boolean off() {
            return spans.isEmpty();
        }

        private boolean isTwentyFourSeven() {
            return !publicHolidays && days.equals(ALL_DAYS) && spans.equals(List.of(TimeSpan.ALL_DAY));
        }

        String toOsmString() {
            if (isTwentyFourSeven()) {
                return "24/7";
            }
            List<String> selectors = new ArrayList<>();
            for (int[] run : dayRuns(days)) {
                String from = OSM_DAYS[run[0]];
                if (run[1] == run[0]) {
                    selectors.add(from);
                } else if (run[1] == run[0] + 1) {
                    selectors.add(from);
                    selectors.add(OSM_DAYS[run[1]]);
                } else {
                    selectors.add(from + "-" + OSM_DAYS[run[1]]);
                }
            }
            if (publicHolidays) {
                selectors.add("PH");
            }
            StringBuilder out = new StringBuilder(String.join(",", selectors)).append(' ');
            if (off()) {
                return out.append("off").toString();
            }
            List<String> times = new ArrayList<>();
            for (TimeSpan span : spans) {
                times.add(span.toOsmString());
            }
            return out.append(String.join(",", times)).toString();
        }

        String toChinese() {
            if (isTwentyFourSeven()) {
                return "24小时开放";
            }
            List<String> selectors = new ArrayList<>();
            if (days.equals(ALL_DAYS)) {
                selectors.add("每天");
            } else {
                for (int[] run : dayRuns(days)) {
                    String from = ZH_DAYS[run[0]];
                    if (run[1] == run[0]) {
                        selectors.add(from);
                    } else if (run[1] == run[0] + 1) {
                        selectors.add(from);
                        selectors.add(ZH_DAYS[run[1]]);
                    } else {
                        selectors.add(from + "至" + ZH_DAYS[run[1]]);
                    }
                }
            }
            if (publicHolidays) {
                selectors.add("法定节假日");
            }
            String selector = String.join("、", selectors);
            if (off()) {
                return selector + "休息";
            }
            List<String> times = new ArrayList<>();
            for (TimeSpan span : spans) {
                times.add(span.toChinese());
            }
            return selector + " " + String.join("、", times);
        }

        /** Runs of consecutive weekdays as [firstIndex, lastIndex], Monday = 0, not wrapping past Sunday. */
        private static List<int[]> dayRuns(Set<DayOfWeek> days) {
            List<int[]> runs = new ArrayList<>();
            int start = -1;
            for (int i = 0; i <= 7; i++) {
                boolean in = i < 7 && days.contains(DayOfWeek.of(i + 1));
                if (in && start < 0) {
                    start = i;
                } else if (!in && start >= 0) {
                    runs.add(new int[] {start, i - 1});
                    start = -1;
                }
            }
            return runs;
        }
    }

    /**
     * An open time span in minutes after midnight. {@code endMinute} may be {@value #MINUTES_PER_DAY}
     * ({@code 24:00}); an end before the start means the span runs past midnight into the next day.
     * An end of 0 is stored as 1440 ({@code 22:00-00:00} is {@code 22:00-24:00}).
     *
     * @param startMinute 0 ≤ start &lt; 1440
     * @param endMinute   0 ≤ end ≤ 1440, not equal to the start
     */
    public record TimeSpan(int startMinute, int endMinute) {

        /** 00:00–24:00. */
        public static final TimeSpan ALL_DAY = new TimeSpan(0, MINUTES_PER_DAY);

        public TimeSpan {
            if (startMinute < 0 || startMinute >= MINUTES_PER_DAY) {
                throw new IllegalArgumentException("start minute out of 0..1439: " + startMinute);
            }
            if (endMinute < 0 || endMinute > MINUTES_PER_DAY) {
                throw new IllegalArgumentException("end minute out of 0..1440: " + endMinute);
            }
            if (endMinute == 0) {
                endMinute = MINUTES_PER_DAY;
            }
            if (endMinute == startMinute) {
                throw new IllegalArgumentException("empty time span at minute " + startMinute);
            }
        }

        /** A span from {@code start} to {@code end} (local times; an end not after the start runs past midnight). */
        public static TimeSpan of(LocalTime start, LocalTime end) {
            return new TimeSpan(start.getHour() * 60 + start.getMinute(), end.getHour() * 60 + end.getMinute());
        }

        /** True when the span runs past midnight ({@code 22:00-06:00}). */
        public boolean wrapsMidnight() {
            return endMinute < startMinute;
        }

        /** Length in minutes, 1..1440. */
        public int lengthInMinutes() {
            return wrapsMidnight() ? MINUTES_PER_DAY - startMinute + endMinute : endMinute - startMinute;
        }

        String toOsmString() {
            return clock(startMinute) + "-" + clock(endMinute);
        }

        String toChinese() {
            return clock(startMinute) + "–" + (wrapsMidnight() ? "次日" : "") + clock(endMinute);
        }

        private static String clock(int minute) {
            return String.format("%02d:%02d", minute / 60, minute % 60);
        }
    }

    private static final String[] OSM_DAYS = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
    private static final String[] ZH_DAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
}
