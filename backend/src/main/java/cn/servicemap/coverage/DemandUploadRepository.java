package cn.servicemap.coverage;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Planners' uploaded demand files (points with weights), kept as they came. */
@Repository
public class DemandUploadRepository {

    /** An upload; {@code content} is the file's bytes (null when listed). */
    record Upload(long id, String regionCode, String name, String crs, String fileName, byte[] content, int points, String uploadedBy,
                  OffsetDateTime uploadedAt) {
    }

    private final JdbcClient jdbc;

    DemandUploadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Upload u) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO demand_upload (region_code, name, crs, file_name, content, points, uploaded_by, uploaded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(u.regionCode(), u.name(), u.crs(), u.fileName(), u.content(), u.points(), u.uploadedBy(), u.uploadedAt())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Upload> find(long id) {
        return jdbc.sql("SELECT * FROM demand_upload WHERE id = ?").param(id)
                .query((rs, n) -> new Upload(rs.getLong("id"), rs.getString("region_code"), rs.getString("name"), rs.getString("crs"),
                        rs.getString("file_name"), rs.getBytes("content"), rs.getInt("points"), rs.getString("uploaded_by"),
                        rs.getObject("uploaded_at", OffsetDateTime.class)))
                .optional();
    }

    List<Upload> list(String regionCode) {
        return jdbc.sql("SELECT id, region_code, name, crs, file_name, points, uploaded_by, uploaded_at FROM demand_upload "
                        + "WHERE region_code = ? ORDER BY id").param(regionCode)
                .query((rs, n) -> new Upload(rs.getLong("id"), rs.getString("region_code"), rs.getString("name"), rs.getString("crs"),
                        rs.getString("file_name"), null, rs.getInt("points"), rs.getString("uploaded_by"),
                        rs.getObject("uploaded_at", OffsetDateTime.class)))
                .list();
    }
}
