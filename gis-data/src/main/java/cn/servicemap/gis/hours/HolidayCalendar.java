package cn.servicemap.gis.hours;

import cn.servicemap.gis.table.SeedCsv;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        for (SeedCsv.Row row : SeedCsv.read(csv, "holiday CSV", List.of("date", "kind"))) {
            LocalDate date;
            try {
                date = LocalDate.parse(row.require("date"));
            } catch (DateTimeParseException e) {
                throw row.fail("invalid date '" + row.get("date") + "'");
            }
            Set<LocalDate> target = switch (row.require("kind").toLowerCase(Locale.ROOT)) {
                case "holiday" -> holidays;
                case "workday" -> workdays;
                default -> throw row.fail("kind must be holiday or workday, found '" + row.get("kind") + "'");
            };
            target.add(date);
            if (holidays.contains(date) && workdays.contains(date)) {
                throw row.fail(date + " is listed as both holiday and workday");
            }
        }
        return new HolidayCalendar(holidays, workdays);
    }

    /**
     * The years this calendar lists any date of: only for them are holidays and adjusted working days known (each
     * year's State Council arrangement lists both).
     */
    public java.util.SortedSet<Integer> years() {
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
        publicHolidays.forEach(d -> years.add(d.getYear()));
        adjustedWorkdays.forEach(d -> years.add(d.getYear()));
        return years;
    }

    /**
     * Whether the calendar knows the date's year. A date of another year is evaluated as an ordinary day, which is
     * wrong on its holidays and 补班 weekends: answers about it should say so.
     */
    public boolean covers(LocalDate date) {
        return years().contains(date.getYear());
    }

    /** Whether the date is a day off in an official holiday block. */
    public boolean isPublicHoliday(LocalDate date) {
        return publicHolidays.contains(date);
    }

    /** Whether the date is a weekend day that is an official working day (调休上班日). */
    public boolean isAdjustedWorkday(LocalDate date) {
        return adjustedWorkdays.contains(date);
    }

}
