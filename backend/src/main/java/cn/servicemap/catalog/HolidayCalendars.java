package cn.servicemap.catalog;

import cn.servicemap.gis.hours.HolidayCalendar;
import cn.servicemap.gis.table.SeedCsv;
import cn.servicemap.system.AuditLog;
import cn.servicemap.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The holiday calendar in use: the seed file {@code holidays-cn.csv} (the years released with the app), with each year an
 * administrator loaded since (the State Council publishes next year's 放假调休 arrangement each November) in its place.
 * "Open now", "open at", coverage at a moment and by hour of the week all read it here.
 *
 * <p>A date of a year the calendar does not list is evaluated as an ordinary day; {@link #noteFor} says so, for every
 * answer that depends on such a date. The calendar is re-read after this instance loads a year and at least every
 * {@value #FRESH_SECONDS} s (another instance may have loaded one).
 */
@Service
public class HolidayCalendars {

    static final long FRESH_SECONDS = 5;
    /** An arrangement lists a few dozen dates; more is not one. */
    static final int MAX_ROWS = 366;
    static final int MAX_BYTES = 256 * 1024;

    /** A year of the calendar as people see it. */
    @Schema(description = "One year of the holiday calendar (放假调休安排)")
    public record Year(int year, int holidays, int workdays, @Schema(description = "seed: released with the app; else who loaded it")
                       String source, @Schema(nullable = true) String loadedBy, @Schema(nullable = true) OffsetDateTime loadedAt) {
    }

    private record Snapshot(HolidayCalendar calendar, List<Year> years, String stamp, long readAt) {
    }

    private final HolidayCalendar seed;
    private final HolidayRepository repository;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    HolidayCalendars(HolidayRepository repository, TransactionTemplate tx, AuditLog audit, Clock clock) throws IOException {
        try (InputStream in = CatalogConfig.seed("holidays-cn.csv")) {
            this.seed = HolidayCalendar.read(in);
        }
        this.repository = repository;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** The calendar now: the seed's years, each loaded year in its place. */
    public HolidayCalendar current() {
        return snapshot().calendar();
    }

    /** The years known, ascending, with where each comes from. */
    public List<Year> years() {
        return snapshot().years();
    }

    /**
     * What an answer about {@code at} must say when the calendar does not know its year (else empty): that holidays and
     * 补班 working weekends are not taken into account.
     */
    public Optional<String> noteFor(LocalDateTime at) {
        HolidayCalendar c = current();
        if (at == null || c.covers(at.toLocalDate())) {
            return Optional.empty();
        }
        String known = c.years().isEmpty() ? "（无 none）" : c.years().first() + "–" + c.years().last();
        return Optional.of("节假日安排只载入了 " + known + " 年；" + at.toLocalDate() + " 按普通日期计算，未考虑放假和调休上班，"
                + "请管理员载入 " + at.getYear() + " 年的安排 (the holiday calendar covers " + known + " only: " + at.toLocalDate()
                + " is taken as an ordinary day, without holidays or 补班 working weekends; an administrator should load "
                + at.getYear() + "'s arrangement)");
    }

    /**
     * Loads a year's arrangement from a CSV like the seed file (columns {@code date}, {@code kind} = holiday | workday,
     * optional {@code name_zh}, {@code source}); it replaces the year (the seed's too). Every date must lie in that year.
     * A bad file is a 400 naming the line; nothing is written then.
     */
    public Year loadYear(int year, InputStream csv, String actor) throws IOException {
        if (year < 2000 || year > 2100) {
            throw new InvalidRequestException("year", "年份应在 2000–2100 之间 (year must be 2000–2100)");
        }
        byte[] bytes = csv.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new InvalidRequestException("file", "文件过大：一年的安排只有几十行 (the file is too large for a year's arrangement: at most "
                    + MAX_BYTES / 1024 + " KB)");
        }
        List<SeedCsv.Row> rows;
        try {
            rows = SeedCsv.read(new ByteArrayInputStream(bytes), "holiday CSV", List.of("date", "kind"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("file", "节假日文件无法读取 (the holiday file cannot be read): " + e.getMessage());
        }
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw new InvalidRequestException("file", "应列出该年的放假日期和调休上班日期，1–" + MAX_ROWS + " 行 (list the year's days off and "
                    + "working weekends: 1–" + MAX_ROWS + " rows)");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<HolidayRepository.Day> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (SeedCsv.Row row : rows) {
            LocalDate date;
            try {
                date = LocalDate.parse(row.require("date").strip());
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new InvalidRequestException("file", "第 " + row.line() + " 行：日期应为 yyyy-MM-dd (line " + row.line()
                        + ": the date must be yyyy-MM-dd)");
            }
            if (date.getYear() != year) {
                throw new InvalidRequestException("file", "第 " + row.line() + " 行：" + date + " 不在 " + year + " 年 (line " + row.line()
                        + ": " + date + " is not in " + year + ")");
            }
            String kind = row.get("kind") == null ? "" : row.get("kind").strip().toLowerCase(Locale.ROOT);
            if (!kind.equals("holiday") && !kind.equals("workday")) {
                throw new InvalidRequestException("file", "第 " + row.line() + " 行：kind 应为 holiday（放假）或 workday（调休上班） (line "
                        + row.line() + ": kind must be holiday or workday)");
            }
            if (!seen.add(date)) {
                throw new InvalidRequestException("file", "第 " + row.line() + " 行：" + date + " 重复 (line " + row.line() + ": "
                        + date + " is listed twice)");
            }
            days.add(new HolidayRepository.Day(date, kind, shortened(row.get("name_zh"), 100), shortened(row.get("source"), 1000),
                    actor, now));
        }
        Year before = years().stream().filter(y -> y.year() == year).findFirst().orElse(null);
        tx.executeWithoutResult(s -> {
            repository.replaceYear(year, days);
            Year after = new Year(year, (int) days.stream().filter(d -> d.kind().equals("holiday")).count(),
                    (int) days.stream().filter(d -> d.kind().equals("workday")).count(), "uploaded", actor, now);
            audit.record(AuditLog.Entity.HOLIDAYS, String.valueOf(year), before == null ? "CREATE" : "REPLACE", actor, null, before, after);
        });
        snapshot.set(null);
        return years().stream().filter(y -> y.year() == year).findFirst().orElseThrow();
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot.get();
        long now = System.nanoTime();
        if (s != null && now - s.readAt() < FRESH_SECONDS * 1_000_000_000L) {
            return s;
        }
        String stamp = repository.stamp();
        if (s != null && s.stamp().equals(stamp)) {
            s = new Snapshot(s.calendar(), s.years(), stamp, now);
        } else {
            s = read(stamp, now);
        }
        snapshot.set(s);
        return s;
    }

    /** The seed with every loaded year in place of the seed's. */
    private Snapshot read(String stamp, long now) {
        List<HolidayRepository.Day> loaded = repository.findAll();
        Map<Integer, List<HolidayRepository.Day>> byYear = new TreeMap<>();
        loaded.forEach(d -> byYear.computeIfAbsent(d.day().getYear(), y -> new ArrayList<>()).add(d));
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        seed.publicHolidays().stream().filter(d -> !byYear.containsKey(d.getYear())).forEach(holidays::add);
        seed.adjustedWorkdays().stream().filter(d -> !byYear.containsKey(d.getYear())).forEach(workdays::add);
        for (HolidayRepository.Day d : loaded) {
            (d.kind().equals("holiday") ? holidays : workdays).add(d.day());
        }
        HolidayCalendar calendar = new HolidayCalendar(holidays, workdays);
        List<Year> years = new ArrayList<>();
        for (int y : calendar.years()) {
            List<HolidayRepository.Day> mine = byYear.get(y);
            int h = (int) holidays.stream().filter(d -> d.getYear() == y).count();
            int w = (int) workdays.stream().filter(d -> d.getYear() == y).count();
            years.add(mine == null ? new Year(y, h, w, "seed", null, null)
                    : new Year(y, h, w, "uploaded", mine.get(0).loadedBy(), mine.get(0).loadedAt()));
        }
        return new Snapshot(calendar, List.copyOf(years), stamp, now);
    }

    private static String shortened(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
