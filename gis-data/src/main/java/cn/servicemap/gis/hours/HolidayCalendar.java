package cn.servicemap.gis.hours;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Public holidays and adjusted working days (调休上班日) of mainland China, as published each year by
 * the General Office of the State Council (国务院办公厅).
 *
 * <p>A "public holiday" here is every day off in an official holiday block — the statutory days and
 * the weekend days moved into the block — because that is when stations that write
 * {@code 节假日休息 / PH off} close. An adjusted working day is a weekend day on which people work.
 * The two sets are disjoint. Dates outside the loaded years are ordinary days.
 *
 * @param publicHolidays   days off in official holiday blocks
 * @param adjustedWorkdays weekend days that are working days
 */
public record HolidayCalendar(Set<LocalDate> publicHolidays, Set<LocalDate> adjustedWorkdays) {

    public HolidayCalendar {
        publicHolidays = Set.copyOf(publicHolidays);
        adjustedWorkdays = Set.copyOf(adjustedWorkdays);
        for (LocalDate date : adjustedWorkdays) {
            if (publicHolidays.contains(date)) {
                throw new IllegalArgumentException(date + " is both a public holiday and an adjusted workday");
            }
        }
    }

    /** No holidays and no adjusted working days: every date is evaluated by its weekday. */
    public static HolidayCalendar none() {
        return new HolidayCalendar(Set.of(), Set.of());
    }

    /**
     * Reads the seed file {@code holidays-cn.csv}: UTF-8 (a BOM is skipped), a header row naming at
     * least the columns {@code date} (ISO {@code yyyy-MM-dd}) and {@code kind} ({@code holiday} or
     * {@code workday}); other columns are ignored. Fields may be double-quoted ({@code ""} escapes a
     * quote). Blank lines are skipped. The stream is read to its end but not closed.
     *
     * @throws IllegalArgumentException naming the line and the reason, for a bad header, date or kind,
     *                                  or a date listed as both kinds
     */
    public static HolidayCalendar read(InputStream csv) throws IOException {
        String text = new String(csv.readAllBytes(), StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parseCsv(text, rows, lines);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("holiday CSV is empty: a header row is required");
        }
        List<String> header = rows.get(0);
        int dateColumn = header.indexOf("date");
        int kindColumn = header.indexOf("kind");
        if (dateColumn < 0 || kindColumn < 0) {
            throw new IllegalArgumentException("holiday CSV header must name the columns date and kind, found " + header);
        }
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = lines.get(r);
            if (row.size() <= Math.max(dateColumn, kindColumn)) {
                throw new IllegalArgumentException("line " + line + ": expected " + header.size() + " fields, found " + row.size());
            }
            LocalDate date;
            try {
                date = LocalDate.parse(row.get(dateColumn).trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("line " + line + ": invalid date '" + row.get(dateColumn) + "'", e);
            }
            String kind = row.get(kindColumn).trim().toLowerCase(Locale.ROOT);
            Set<LocalDate> target = switch (kind) {
                case "holiday" -> holidays;
                case "workday" -> workdays;
                default -> throw new IllegalArgumentException(
                        "line " + line + ": kind must be holiday or workday, found '" + row.get(kindColumn) + "'");
            };
            target.add(date);
            if (holidays.contains(date) && workdays.contains(date)) {
                throw new IllegalArgumentException("line " + line + ": " + date + " is listed as both holiday and workday");
            }
        }
        return new HolidayCalendar(holidays, workdays);
    }

    /** Whether the date is a day off in an official holiday block. */
    public boolean isPublicHoliday(LocalDate date) {
        return publicHolidays.contains(date);
    }

    /** Whether the date is a weekend day that is an official working day (调休上班日). */
    public boolean isAdjustedWorkday(LocalDate date) {
        return adjustedWorkdays.contains(date);
    }

    /** Minimal RFC 4180 reader: rows of fields, with the 1-based line each row starts on; blank lines skipped. */
    private static void parseCsv(String text, List<List<String>> rows, List<Integer> lines) {
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        while (i < text.length()) {
            int rowLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean endOfRow = false;
            while (i < text.length() && !endOfRow) {
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    endOfRow = true;
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                throw new IllegalArgumentException("line " + rowLine + ": unterminated quoted field");
            }
            fields.add(field.toString());
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            rows.add(fields);
            lines.add(rowLine);
        }
    }
}
