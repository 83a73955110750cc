package cn.servicemap.jobs;

import cn.servicemap.system.FieldError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jobs as every instance sees them: the instance running one writes its state here as it goes (with a heartbeat), and
 * any instance reads it, asks it to stop, or finds it dead.
 */
@Repository
class JobRepository {

    private static final String COLUMNS = "id, kind, subject, status, stage, stage_count, stage_name, percent, seconds_left, "
            + "started_at, ended_at, errors, result";
    private static final TypeReference<List<FieldError>> ERRORS = new TypeReference<>() {
    };

    /** A stored job, with who runs it and when it last said it was alive. */
    record Stored(Job job, String instance, OffsetDateTime heartbeatAt, boolean cancelRequested) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JobRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Job j, String instance, OffsetDateTime now) {
        jdbc.sql("INSERT INTO job (" + COLUMNS + ", heartbeat_at, instance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(j.id(), j.kind(), shortened(j.subject(), 200), j.status().name(), j.stage(), j.stageCount(),
                        shortened(j.stageName(), 200), j.percent(), j.secondsLeft(), j.startedAt(), j.endedAt(),
                        json.writeValueAsString(j.errors()), shortened(j.result(), 4000), now, instance)
                .update();
    }

    /**
     * Writes where a job stands and that its instance is alive; returns whether someone asked it to stop meanwhile
     * (through any instance). A job already ended in the table (found dead by another instance) is not revived.
     */
    boolean update(Job j, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE job SET status = ?, stage = ?, stage_name = ?, percent = ?, seconds_left = ?, ended_at = ?, errors = ?,
                               result = ?, heartbeat_at = ? WHERE id = ? AND ended_at IS NULL""")
                .params(j.status().name(), j.stage(), shortened(j.stageName(), 200), j.percent(), j.secondsLeft(), j.endedAt(),
                        json.writeValueAsString(j.errors()), shortened(j.result(), 4000), now, j.id())
                .update();
        return jdbc.sql("SELECT cancel_requested FROM job WHERE id = ?").param(j.id()).query(Boolean.class).optional().orElse(false);
    }

    /** Stores what a finished job made, for any instance to hand out. */
    void saveAnswer(String id, Object answer) {
        jdbc.sql("UPDATE job SET answer = ? WHERE id = ?").params(json.writeValueAsString(answer), id).update();
    }

    <T> Optional<T> answer(String id, Class<T> type) {
        return jdbc.sql("SELECT answer FROM job WHERE id = ? AND status = 'SUCCEEDED'").param(id).query(String.class).optional()
                .filter(s -> s != null && !s.isEmpty())
                .map(s -> json.readValue(s, type));
    }

    /** The id of the latest job of this kind and subject that succeeded with an answer. */
    Optional<String> latestAnswered(String kind, String subject) {
        return jdbc.sql("SELECT id FROM job WHERE kind = ? AND subject = ? AND status = 'SUCCEEDED' AND answer IS NOT NULL "
                + "ORDER BY ended_at DESC, started_at DESC FETCH FIRST 1 ROWS ONLY").params(kind, subject).query(String.class).optional();
    }

    Optional<Stored> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + ", instance, heartbeat_at, cancel_requested FROM job WHERE id = ?").param(id)
                .query(this::map).optional();
    }

    /** Asks a queued or running job to stop; its instance sees it at its next heartbeat. */
    void requestCancel(String id) {
        jdbc.sql("UPDATE job SET cancel_requested = TRUE WHERE id = ? AND ended_at IS NULL").param(id).update();
    }

    /**
     * Ends, as FAILED with the reason, the jobs not ended whose instance is this one (it restarted: they died with
     * it) or whose heartbeat is older than {@code staleBefore} (their instance died); returns how many.
     */
    int failAbandoned(String instance, OffsetDateTime staleBefore, OffsetDateTime now, List<FieldError> reason) {
        return jdbc.sql("""
                        UPDATE job SET status = 'FAILED', ended_at = ?, errors = ?, seconds_left = NULL
                         WHERE ended_at IS NULL AND (instance = ? OR heartbeat_at < ?)""")
                .params(now, json.writeValueAsString(reason), instance, staleBefore).update();
    }

    /** Deletes jobs that ended before the cutoff, with their answers. */
    int deleteEndedBefore(OffsetDateTime cutoff) {
        return jdbc.sql("DELETE FROM job WHERE ended_at < ?").param(cutoff).update();
    }

    private Stored map(ResultSet rs, int n) throws SQLException {
        String errors = rs.getString("errors");
        double left = rs.getDouble("seconds_left");
        Double secondsLeft = rs.wasNull() ? null : left;
        Job job = new Job(rs.getString("id"), rs.getString("kind"), rs.getString("subject"), Job.Status.valueOf(rs.getString("status")),
                rs.getInt("stage"), rs.getInt("stage_count"), rs.getString("stage_name"), rs.getInt("percent"), secondsLeft,
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("ended_at", OffsetDateTime.class),
                errors == null || errors.isEmpty() ? List.of() : json.readValue(errors, ERRORS), rs.getString("result"));
        return new Stored(job, rs.getString("instance"), rs.getObject("heartbeat_at", OffsetDateTime.class),
                rs.getBoolean("cancel_requested"));
    }

    private static String shortened(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
