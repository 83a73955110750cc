package cn.servicemap.grades;

import cn.servicemap.feedback.ProblemType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Star grades (table {@code station_grade}, append-only) and, read only, what the downgrade rules need of workers'
 * problem reports (table {@code station_report}, owned by feedback). Lists of stations are read in one query each: by
 * their ids up to {@value #MAX_IDS}, else all rows.
 */
@Repository
class GradeRepository {

    /** Longer id lists read every row instead of an IN list (the grades and open reports of a region are few). */
    static final int MAX_IDS = 500;

    private final JdbcClient jdbc;

    GradeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long stationId, int stars, LocalDate reviewedAt, String reviewer, String evidence, String recordedBy, OffsetDateTime at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO station_grade (station_id, stars, reviewed_at, reviewer, evidence, recorded_by, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(stationId, stars, reviewedAt, reviewer, evidence, recordedBy, at)
                .update(keys, "id");
        return ((Number) keys.getKeyList().get(0).values().iterator().next()).longValue();
    }

    /** A station's reviews, newest first. */
    List<StarGrade> history(long stationId) {
        return jdbc.sql("SELECT * FROM station_grade WHERE station_id = ? ORDER BY reviewed_at DESC, id DESC").param(stationId)
                .query(GradeRepository::map).list();
    }

    /** The newest review of each station that has one; all stations when {@code stationIds} is null. */
    Map<Long, StarGrade> latest(Collection<Long> stationIds) {
        Map<Long, StarGrade> out = new HashMap<>();
        Selection s = Selection.of("station_id", stationIds);
        if (s != null) {
            jdbc.sql("SELECT * FROM station_grade" + s.where() + " ORDER BY station_id, reviewed_at DESC, id DESC").params(s.params())
                    .query(rs -> {
                        out.putIfAbsent(rs.getLong("station_id"), map(rs, 0));
                    });
        }
        return out;
    }

    /** The reports of these stations (null: all) still open, or made since {@code since}, by station. */
    Map<Long, List<DowngradeRules.ReportSignal>> reports(Collection<Long> stationIds, OffsetDateTime since) {
        Map<Long, List<DowngradeRules.ReportSignal>> out = new HashMap<>();
        Selection s = Selection.of("station_id", stationIds);
        if (s != null) {
            List<Object> params = new ArrayList<>(s.params());
            params.add(since);
            jdbc.sql("SELECT station_id, type, status, outcome, created_at FROM station_report" + s.where()
                            + (s.where().isEmpty() ? " WHERE" : " AND") + " (status = 'OPEN' OR created_at >= ?)")
                    .params(params)
                    .query(rs -> {
                        out.computeIfAbsent(rs.getLong("station_id"), k -> new ArrayList<>()).add(new DowngradeRules.ReportSignal(
                                ProblemType.valueOf(rs.getString("type")), "OPEN".equals(rs.getString("status")),
                                "CONFIRMED".equals(rs.getString("outcome")), rs.getObject("created_at", OffsetDateTime.class)));
                    });
        }
        return out;
    }

    /** A WHERE clause selecting stations by id, or none for all; null for an empty list (nothing to read). */
    private record Selection(String where, List<Object> params) {
        static Selection of(String column, Collection<Long> ids) {
            if (ids == null || ids.size() > MAX_IDS) {
                return new Selection("", List.of());
            }
            if (ids.isEmpty()) {
                return null;
            }
            return new Selection(" WHERE " + column + " IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")",
                    List.copyOf(ids));
        }
    }

    private static StarGrade map(ResultSet rs, int n) throws SQLException {
        return new StarGrade(rs.getLong("id"), rs.getLong("station_id"), rs.getInt("stars"), rs.getObject("reviewed_at", LocalDate.class),
                rs.getString("reviewer"), rs.getString("evidence"), rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class));
    }
}
