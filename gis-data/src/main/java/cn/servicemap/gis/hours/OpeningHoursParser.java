package cn.servicemap.gis.hours;

import cn.servicemap.gis.hours.OpeningHours.Rule;
import cn.servicemap.gis.hours.OpeningHours.TimeSpan;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Recursive-descent parser for {@link OpeningHours#parse(String)}. One instance per parse. It reads
 * a folded copy of the input (full-width ASCII → ASCII, ideographic and no-break spaces → space) of
 * the same length, so positions in errors point into the original text.
 */
final class OpeningHoursParser {

    private static final String[] OSM_DAYS = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
    private static final String[] ZH_DAY_PREFIXES = {"星期", "礼拜", "周"};
    private static final String ZH_DAY_CHARS = "一二三四五六日天";
    /** Longest first, so that 全天24小时 wins over 全天. */
    private static final String[] ALL_DAY_WORDS = {"全天24小时", "24小时全天", "全天候", "24小时", "全天"};
    private static final String[] SUFFIX_WORDS = {"不打烊", "开放", "营业", "服务"};
    private static final String[] ZH_OFF_WORDS = {"不开放", "休息", "闭馆", "休馆", "关闭", "歇业"};
    private static final String[] ASCII_OFF_WORDS = {"closed", "off"};
    private static final String RANGE_DASHES = "-–—―−‐‑~〜至到";
    private static final String REPEATABLE_DASHES = "-–—―−";

    private final String input;
    private final String text;
    private int pos;

    OpeningHoursParser(String input) {
        this.input = Objects.requireNonNull(input, "opening hours text");
        this.text = fold(input);
    }

    OpeningHours parse() {
        skipSpace();
        if (atEnd()) {
            throw error(0, "空的开放时间", "empty opening hours");
        }
        List<Rule> rules = new ArrayList<>();
        while (true) {
            rules.add(parseRule());
            skipSpace();
            if (atEnd()) {
                break;
            }
            char c = text.charAt(pos);
            if (c == ';' || c == '。') {
                pos++;
                skipSpace();
                if (atEnd()) {
                    break;
                }
                continue;
            }
            if (c == ',' || c == '、') {
                int separator = pos;
                pos++;
                skipSpace();
                if (startsSelector()) {
                    continue;
                }
                pos = separator;
                throw unexpected();
            }
            if (startsSelector()) {
                continue; // 周一至周五 8:00-18:00 周六 9:00-12:00
            }
            throw unexpected();
        }
        return new OpeningHours(rules);
    }

    private Rule parseRule() {
        Set<DayOfWeek> allDays = EnumSet.allOf(DayOfWeek.class);
        if (matchAsciiWord("24/7") || matchAny(ALL_DAY_WORDS)) {
            matchSuffix();
            return new Rule(allDays, false, List.of(TimeSpan.ALL_DAY));
        }
        Selector selector = trySelector();
        skipSpace();
        if (selector != null && !atEnd() && text.charAt(pos) == ':') {
            pos++;
            skipSpace();
        }
        Set<DayOfWeek> days = selector == null ? allDays : selector.days();
        boolean holidays = selector != null && selector.publicHolidays();
        if (matchAny(ZH_OFF_WORDS) || matchAnyAsciiWord(ASCII_OFF_WORDS)) {
            return new Rule(days, holidays, List.of());
        }
        if (matchAny(ALL_DAY_WORDS)) {
            matchSuffix();
            return new Rule(days, holidays, List.of(TimeSpan.ALL_DAY));
        }
        List<TimeSpan> spans = trySpans();
        if (spans != null) {
            matchSuffix();
            return new Rule(days, holidays, spans);
        }
        if (selector == null) {
            throw unexpected();
        }
        throw error(pos, "缺少时间段", "missing time span");
    }

    // ---- day selectors --------------------------------------------------------------------------

    private record Selector(Set<DayOfWeek> days, boolean publicHolidays) {
    }

    private boolean startsSelector() {
        int save = pos;
        try {
            return trySelector() != null;
        } catch (OpeningHoursParseException e) {
            return true; // a selector with an error: let parseRule report it
        } finally {
            pos = save;
        }
    }

    private Selector trySelector() {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        boolean[] holidays = {false};
        if (!tryItem(days, holidays)) {
            return null;
        }
        while (true) {
            int save = pos;
            skipSpace();
            if (!atEnd() && ",、和及".indexOf(text.charAt(pos)) >= 0) {
                pos++;
                skipSpace();
                if (tryItem(days, holidays)) {
                    continue;
                }
            }
            pos = save;
            return new Selector(days, holidays[0]);
        }
    }

    private boolean tryItem(EnumSet<DayOfWeek> days, boolean[] holidays) {
        if (matchAny("法定节假日", "法定假日", "节假日") || matchAsciiWord("PH")) {
            holidays[0] = true;
            return true;
        }
        if (matchAny("每天", "每日", "天天", "全周")) {
            days.addAll(EnumSet.allOf(DayOfWeek.class));
            return true;
        }
        if (matchAny("工作日")) {
            days.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
            return true;
        }
        if (matchAny("周末", "双休日")) {
            days.add(DayOfWeek.SATURDAY);
            days.add(DayOfWeek.SUNDAY);
            return true;
        }
        DayOfWeek first = tryDay(true);
        if (first == null) {
            return false;
        }
        int save = pos;
        skipSpace();
        if (matchRangeDash()) {
            skipSpace();
            DayOfWeek last = tryDay(false);
            if (last == null) {
                throw error(pos, "缺少结束日期", "missing end day");
            }
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        } else {
            pos = save;
            days.add(first);
        }
        return true;
    }

    /** A weekday token; {@code prefixRequired == false} also accepts a bare 五 (as in 周一至五). */
    private DayOfWeek tryDay(boolean prefixRequired) {
        for (int i = 0; i < OSM_DAYS.length; i++) {
            if (matchAsciiWord(OSM_DAYS[i])) {
                return DayOfWeek.of(i + 1);
            }
        }
        for (String prefix : ZH_DAY_PREFIXES) {
            int after = pos + prefix.length();
            if (text.startsWith(prefix, pos) && after < text.length() && ZH_DAY_CHARS.indexOf(text.charAt(after)) >= 0) {
                pos = after + 1;
                return zhDay(text.charAt(after));
            }
        }
        if (!prefixRequired && !atEnd() && ZH_DAY_CHARS.indexOf(text.charAt(pos)) >= 0) {
            return zhDay(text.charAt(pos++));
        }
        return null;
    }

    private static DayOfWeek zhDay(char c) {
        int index = ZH_DAY_CHARS.indexOf(c);
        return DayOfWeek.of(Math.min(index + 1, 7)); // 日 and 天 are both Sunday
    }

    // ---- times ----------------------------------------------------------------------------------

    private List<TimeSpan> trySpans() {
        TimeSpan first = trySpan();
        if (first == null) {
            return null;
        }
        List<TimeSpan> spans = new ArrayList<>();
        spans.add(first);
        while (true) {
            int save = pos;
            skipSpace();
            boolean spaced = pos > save;
            if (!atEnd() && (text.charAt(pos) == ',' || text.charAt(pos) == '、')) {
                pos++;
                skipSpace();
                spaced = true;
            }
            TimeSpan next = spaced ? trySpan() : null;
            if (next == null) {
                pos = save;
                return spans;
            }
            spans.add(next);
        }
    }

    private TimeSpan trySpan() {
        int start = pos;
        Integer from = tryTime();
        if (from == null) {
            return null;
        }
        skipSpace();
        if (!matchRangeDash()) {
            throw error(pos, "缺少结束时间", "missing end time");
        }
        skipSpace();
        boolean nextDay = matchAny("次日", "翌日");
        Integer to = tryTime();
        if (to == null) {
            throw error(pos, "缺少结束时间", "missing end time");
        }
        String token = input.substring(start, pos);
        if (from == OpeningHours.MINUTES_PER_DAY) {
            throw error(start, "开始时间不能是 24:00 '" + token + "'", "start time cannot be 24:00 '" + token + "'");
        }
        int end = to == 0 ? OpeningHours.MINUTES_PER_DAY : to;
        if (end == from) {
            throw error(start, "时间段为空 '" + token + "'", "empty time span '" + token + "'");
        }
        if (nextDay && end > from) {
            throw error(start, "时间段超过 24 小时 '" + token + "'", "time span longer than 24 hours '" + token + "'");
        }
        return new TimeSpan(from, to);
    }

    /** {@code H:mm} or {@code HH:mm} as minutes 0..1440; null (position unchanged) if no time starts here. */
    private Integer tryTime() {
        int start = pos;
        int i = start;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        if (i == start || i >= text.length() || text.charAt(i) != ':') {
            return null;
        }
        int minuteStart = i + 1;
        int j = minuteStart;
        while (j < text.length() && isDigit(text.charAt(j))) {
            j++;
        }
        String token = input.substring(start, j);
        if (i - start > 2 || j - minuteStart != 2) {
            throw error(start, "无法识别的时间 '" + token + "'", "invalid time '" + token + "'");
        }
        int hour = Integer.parseInt(text.substring(start, i));
        int minute = Integer.parseInt(text.substring(minuteStart, j));
        if (hour > 24 || minute > 59 || (hour == 24 && minute > 0)) {
            throw error(start, "无法识别的时间 '" + token + "'", "invalid time '" + token + "'");
        }
        pos = j;
        return hour * 60 + minute;
    }

    // ---- lexical helpers --------------------------------------------------------------------------

    private boolean matchRangeDash() {
        if (atEnd() || RANGE_DASHES.indexOf(text.charAt(pos)) < 0) {
            return false;
        }
        pos++;
        while (!atEnd() && REPEATABLE_DASHES.indexOf(text.charAt(pos)) >= 0) {
            pos++; // doubled dashes: "——", "--"
        }
        return true;
    }

    private void matchSuffix() {
        int save = pos;
        skipSpace();
        if (!matchAny(SUFFIX_WORDS)) {
            pos = save;
        }
    }

    private boolean matchAny(String... words) {
        for (String word : words) {
            if (text.startsWith(word, pos)) {
                pos += word.length();
                return true;
            }
        }
        return false;
    }

    private boolean matchAnyAsciiWord(String... words) {
        for (String word : words) {
            if (matchAsciiWord(word)) {
                return true;
            }
        }
        return false;
    }

    /** Case-insensitive ASCII word not followed by a letter or digit. */
    private boolean matchAsciiWord(String word) {
        int end = pos + word.length();
        if (!text.regionMatches(true, pos, word, 0, word.length())) {
            return false;
        }
        if (end < text.length() && isAsciiLetterOrDigit(text.charAt(end))) {
            return false;
        }
        pos = end;
        return true;
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private OpeningHoursParseException unexpected() {
        int end = pos;
        while (end < text.length() && end - pos < 20
                && !Character.isWhitespace(text.charAt(end)) && ";,、。".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        if (end == pos) {
            end = pos + 1;
        }
        String token = input.substring(pos, end);
        return error(pos, "无法识别的内容 '" + token + "'", "unexpected text '" + token + "'");
    }

    private OpeningHoursParseException error(int index, String reasonZh, String reasonEn) {
        int position = input.codePointCount(0, Math.min(index, input.length())) + 1;
        return new OpeningHoursParseException(input, position, reasonZh, reasonEn);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
    }

    /** Full-width ASCII (U+FF01–FF5E) to ASCII, ideographic and no-break spaces to a space; same length. */
    private static String fold(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                chars[i] = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }
}
