package cn.servicemap.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ProblemReportRepository {

    private static final String SELECT = """
            SELECT r.id, r.station_id, s.name, s.adcode, r.type, r.note, r.contact, r.status, r.reports, r.created_at, r.resolved_at,
                   r.resolution, r.outcome, r.resolved_by
            FROM station_report r JOIN station s ON s.id = r.station_id""";

    private final JdbcClient jdbc;

    ProblemReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long stationId, ProblemType type, String note, String contact, String clientKey, OffsetDateTime at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO station_report (station_id, type, note, contact, status, created_at, client_key, reports, last_reported_at) "
                        + "VALUES (?, ?, ?, ?, 'OPEN', ?, ?, 1, ?)")
                .params(stationId, type.name(), note, contact, at, clientKey, at)
                .update(keys, "id");
        return ((Number) keys.getKeyList().get(0).values().iterator().next()).longValue();
    }

    Optional<ProblemReport> findById(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(ProblemReportRepository::map).optional();
    }

    List<ProblemReport> find(String status, Long stationId) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (status != null) {
            sql.append(" AND r.status = ?");
            params.add(status);
        }
        if (stationId != null) {
            sql.append(" AND r.station_id = ?");
            params.add(stationId);
        }
        sql.append(" ORDER BY r.created_at DESC, r.id DESC");
        return jdbc.sql(sql.toString()).params(params).query(ProblemReportRepository::map).list();
    }

    boolean resolve(long id, String resolution, String outcome, String by, OffsetDateTime at) {
        return jdbc.sql("UPDATE station_report SET status = 'RESOLVED', resolution = ?, outcome = ?, resolved_by = ?, resolved_at = ? "
                        + "WHERE id = ? AND status = 'OPEN'")
                .params(resolution, outcome, by, at, id).update() == 1;
    }

    /** The same client's open report of the same problem with the same station since {@code since}, if any. */
    Optional<Long> openRepeat(long stationId, ProblemType type, String clientKey, OffsetDateTime since) {
        return jdbc.sql("SELECT id FROM station_report WHERE station_id = ? AND type = ? AND client_key = ? AND status = 'OPEN' "
                        + "AND last_reported_at >= ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .params(stationId, type.name(), clientKey, since).query(Long.class).optional();
    }

    /** Counts one more report into an open one. */
    void merge(long id, OffsetDateTime at) {
        jdbc.sql("UPDATE station_report SET reports = reports + 1, last_reported_at = ? WHERE id = ?").params(at, id).update();
    }

    /** How many new reports a client sent since {@code since} (repeats merged into one count once). */
    int reportsSince(String clientKey, OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM station_report WHERE client_key = ? AND created_at >= ?")
                .params(clientKey, since).query(Integer.class).single();
    }

    private static ProblemReport map(ResultSet rs, int n) throws SQLException {
        ProblemType type = ProblemType.valueOf(rs.getString("type"));
        String adcode = rs.getString("adcode");
        return new ProblemReport(rs.getLong("id"), rs.getLong("station_id"), rs.getString("name"), adcode == null ? null : adcode.trim(), type,
                type.nameZh(), rs.getString("note"), rs.getString("contact"), rs.getString("status"), rs.getInt("reports"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("resolved_at", OffsetDateTime.class),
                rs.getString("resolution"), rs.getString("outcome"), rs.getString("resolved_by"));
    }
}
