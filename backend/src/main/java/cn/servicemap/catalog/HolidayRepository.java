package cn.servicemap.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The holiday arrangements administrators loaded, one row per listed date. */
@Repository
class HolidayRepository {

    /** A listed date: a day off in a holiday block ({@code holiday}) or a weekend working day ({@code workday}). */
    record Day(LocalDate day, String kind, String nameZh, String source, String loadedBy, OffsetDateTime loadedAt) {
    }

    private final JdbcClient jdbc;

    HolidayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Day> findAll() {
        return jdbc.sql("SELECT holiday_date, kind, name_zh, source, loaded_by, loaded_at FROM holiday ORDER BY holiday_date")
                .query((rs, n) -> new Day(rs.getObject("holiday_date", LocalDate.class), rs.getString("kind"), rs.getString("name_zh"),
                        rs.getString("source"), rs.getString("loaded_by"), rs.getObject("loaded_at", OffsetDateTime.class)))
                .list();
    }

    /** What changed last, to tell a cached calendar it is stale (another instance may have loaded a year). */
    String stamp() {
        return jdbc.sql("SELECT COUNT(*), MAX(loaded_at) FROM holiday")
                .query((rs, n) -> rs.getLong(1) + "/" + rs.getObject(2, OffsetDateTime.class)).single();
    }

    /** The year's rows become exactly these (in the caller's transaction). */
    void replaceYear(int year, List<Day> days) {
        jdbc.sql("DELETE FROM holiday WHERE holiday_date >= ? AND holiday_date <= ?").params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).update();
        for (Day d : days) {
            jdbc.sql("INSERT INTO holiday (holiday_date, kind, name_zh, source, loaded_by, loaded_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(d.day(), d.kind(), d.nameZh(), d.source(), d.loadedBy(), d.loadedAt()).update();
        }
    }

    /** Forgets the loaded year: the seed file's (if it has it) applies again. */
    int deleteYear(int year) {
        return jdbc.sql("DELETE FROM holiday WHERE holiday_date >= ? AND holiday_date <= ?").params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .update();
    }
}
