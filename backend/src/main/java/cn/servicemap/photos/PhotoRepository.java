package cn.servicemap.photos;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Station photos ({@code station_photo}): their facts, and their bytes when they are kept in the database. */
@Repository
class PhotoRepository {

    /** Stations asked for in one IN list at most; more are answered from all approved photos in one query. */
    static final int MAX_IN_LIST = 1000;

    private static final String SELECT = """
            SELECT p.id, p.station_id, s.name, s.adcode, p.kind, p.status, p.storage, p.width, p.height, p.byte_count, p.thumb_width,
                   p.thumb_height, p.taken_at, p.uploaded_at, p.uploaded_by, p.proposed
            FROM station_photo p JOIN station s ON s.id = p.station_id""";
    private static final String ENTRANCE_FIRST = " ORDER BY CASE p.kind WHEN 'ENTRANCE' THEN 0 ELSE 1 END, p.uploaded_at DESC, p.id DESC";

    /** A stored photo's facts (no bytes). */
    record Stored(long id, long stationId, String stationName, String adcode, PhotoKind kind, String status, String storage, int width,
                  int height, int bytes, int thumbnailWidth, int thumbnailHeight, LocalDate takenAt, OffsetDateTime uploadedAt,
                  String uploadedBy, boolean proposed) {

        boolean pending() {
            return "PENDING".equals(status);
        }

        Photo toPhoto() {
            return new Photo(id, stationId, stationName, kind, kind.nameZh(), status, Photo.url(id), Photo.thumbnailUrl(id), width, height,
                    thumbnailWidth, thumbnailHeight, bytes, takenAt, uploadedAt, proposed);
        }
    }

    /** A photo to insert; {@code image} and {@code thumbnail} are null when they are kept on disk. */
    record NewPhoto(long stationId, PhotoKind kind, String status, String storage, PhotoImages.Processed processed, boolean inDatabase,
                    LocalDate takenAt, OffsetDateTime uploadedAt, String uploadedBy, boolean proposed, String clientKey) {
    }

    /** An image's bytes (null when on disk) with what decides who may see it. */
    record Image(long id, String status, String storage, String adcode, byte[] bytes) {
    }

    private final JdbcClient jdbc;

    PhotoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewPhoto p) {
        KeyHolder keys = new GeneratedKeyHolder();
        PhotoImages.Processed i = p.processed();
        jdbc.sql("INSERT INTO station_photo (station_id, kind, status, storage, width, height, byte_count, thumb_width, thumb_height, "
                        + "content, thumbnail, taken_at, uploaded_at, uploaded_by, proposed, client_key) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(p.stationId(), p.kind().name(), p.status(), p.storage(), i.width(), i.height(), i.image().length,
                        i.thumbnailWidth(), i.thumbnailHeight(), p.inDatabase() ? i.image() : null, p.inDatabase() ? i.thumbnail() : null,
                        p.takenAt(), p.uploadedAt(), p.uploadedBy(), p.proposed(), p.clientKey())
                .update(keys, "id");
        return ((Number) keys.getKeyList().get(0).values().iterator().next()).longValue();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(PhotoRepository::map).optional();
    }

    /** A station's photos of one status, entrance first, newest first. */
    List<Stored> ofStation(long stationId, String status) {
        return jdbc.sql(SELECT + " WHERE p.station_id = ? AND p.status = ?" + ENTRANCE_FIRST).params(stationId, status)
                .query(PhotoRepository::map).list();
    }

    /** Every photo of one status, newest first. */
    List<Stored> withStatus(String status) {
        return jdbc.sql(SELECT + " WHERE p.status = ? ORDER BY p.uploaded_at DESC, p.id DESC").param(status)
                .query(PhotoRepository::map).list();
    }

    /** The image's bytes (or the thumbnail's), with its status and station's district. */
    Optional<Image> image(long id, boolean thumbnail) {
        return jdbc.sql("SELECT p.id, p.status, p.storage, s.adcode, p." + (thumbnail ? "thumbnail" : "content") + " AS bytes "
                        + "FROM station_photo p JOIN station s ON s.id = p.station_id WHERE p.id = ?").param(id)
                .query((rs, n) -> new Image(rs.getLong("id"), rs.getString("status"), rs.getString("storage"), trimmed(rs.getString("adcode")),
                        rs.getBytes("bytes")))
                .optional();
    }

    /** Approves a pending photo; false when it is not pending (any more). */
    boolean approve(long id, String by, OffsetDateTime at) {
        return jdbc.sql("UPDATE station_photo SET status = 'APPROVED', reviewed_by = ?, reviewed_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(by, at, id).update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM station_photo WHERE id = ?").param(id).update() == 1;
    }

    /** A client's proposals since a moment: how many, and when the first of them came (null for none). */
    record Proposals(int count, OffsetDateTime first) {
    }

    Proposals proposalsSince(String clientKey, OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) AS n, MIN(uploaded_at) AS first FROM station_photo WHERE client_key = ? AND uploaded_at >= ?")
                .params(clientKey, since)
                .query((rs, n) -> new Proposals(rs.getInt("n"), rs.getObject("first", OffsetDateTime.class))).single();
    }

    /**
     * The approved photos of these stations, entrance first, newest first, in one query: an IN list of up to
     * {@value #MAX_IN_LIST} ids, else every approved photo (then sorted out by the caller).
     */
    List<Map.Entry<Long, PhotoRef>> approvedRefs(Collection<Long> stationIds) {
        boolean listed = stationIds.size() <= MAX_IN_LIST;
        String sql = "SELECT p.id, p.station_id, p.kind, p.taken_at, p.uploaded_at FROM station_photo p WHERE p.status = 'APPROVED'"
                + (listed ? " AND p.station_id IN (:ids)" : "") + ENTRANCE_FIRST;
        var spec = jdbc.sql(sql);
        if (listed) {
            spec = spec.param("ids", new ArrayList<>(stationIds));
        }
        return spec.query((rs, n) -> {
            long id = rs.getLong("id");
            LocalDate taken = rs.getObject("taken_at", LocalDate.class);
            PhotoRef ref = new PhotoRef(id, rs.getString("kind"), Photo.url(id), Photo.thumbnailUrl(id), taken == null ? null : taken.toString(),
                    rs.getObject("uploaded_at", OffsetDateTime.class).toString());
            return Map.entry(rs.getLong("station_id"), ref);
        }).list();
    }

    private static Stored map(ResultSet rs, int n) throws SQLException {
        return new Stored(rs.getLong("id"), rs.getLong("station_id"), rs.getString("name"), trimmed(rs.getString("adcode")),
                PhotoKind.valueOf(rs.getString("kind")), rs.getString("status"), rs.getString("storage"), rs.getInt("width"),
                rs.getInt("height"), rs.getInt("byte_count"), rs.getInt("thumb_width"), rs.getInt("thumb_height"),
                rs.getObject("taken_at", LocalDate.class), rs.getObject("uploaded_at", OffsetDateTime.class), rs.getString("uploaded_by"),
                rs.getBoolean("proposed"));
    }

    /** adcode is CHAR(6): trimmed, null stays null. */
    private static String trimmed(String adcode) {
        return adcode == null ? null : adcode.trim();
    }
}
