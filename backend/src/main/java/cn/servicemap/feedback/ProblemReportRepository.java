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
            SELECT r.id, r.station_id, s.name, r.type, r.note, r.contact, r.status, r.created_at, r.resolved_at, r.resolution
            FROM station_report r JOIN station s ON s.id = r.station_id""";

    private final JdbcClient jdbc;

    ProblemReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long stationId, ProblemType type, String note, String contact, OffsetDateTime at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO station_report (station_id, type, note, contact, status, created_at) VALUES (?, ?, ?, ?, 'OPEN', ?)")
                .params(stationId, type.name(), note, contact, at)
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

    boolean resolve(long id, String resolution, OffsetDateTime at) {
        return jdbc.sql("UPDATE station_report SET status = 'RESOLVED', resolution = ?, resolved_at = ? WHERE id = ? AND status = 'OPEN'")
                .params(resolution, at, id).update() == 1;
    }

    private static ProblemReport map(ResultSet rs, int n) throws SQLException {
        ProblemType type = ProblemType.valueOf(rs.getString("type"));
        return new ProblemReport(rs.getLong("id"), rs.getLong("station_id"), rs.getString("name"), type, type.nameZh(),
                rs.getString("note"), rs.getString("contact"), rs.getString("status"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("resolved_at", OffsetDateTime.class),
                rs.getString("resolution"));
    }
}
