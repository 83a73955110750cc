package cn.servicemap.system;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail of everything that is not a station (stations keep theirs in {@code station_event}): districts, census
 * figures, regions, scenarios, targets, a region's chosen standard, users, station photos — who did what when, with the
 * record before and after as JSON. Written in the transaction of the change it records, so a change rolled back leaves no trace.
 */
@Component
public class AuditLog {

    /** What is audited here. */
    public enum Entity {
        DISTRICT, CENSUS, REGION, SCENARIO, TARGET, USER, HOLIDAYS, PHOTO, STANDARD
    }

    @Schema(description = "One audited change (审计记录)")
    public record Event(long id, Entity entity, String key, String action, OffsetDateTime at, String actor,
                        @Schema(nullable = true) String region, @Schema(nullable = true) String before,
                        @Schema(nullable = true) String after) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change; {@code before} and {@code after} are records (written as JSON), null for none. */
    public void record(Entity entity, String key, String action, String actor, String region, Object before, Object after) {
        jdbc.sql("INSERT INTO audit_event (entity, entity_key, action, at, actor, region_code, before_state, after_state) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(entity.name(), key, action, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS), actor, region,
                        write(before), write(after))
                .update();
    }

    /** The newest changes first, of one entity (null: all), one key (null: all) and one region (null: all). */
    public List<Event> find(Entity entity, String key, String region, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (entity != null) {
            sql.append(" AND entity = ?");
            params.add(entity.name());
        }
        if (key != null) {
            sql.append(" AND entity_key = ?");
            params.add(key);
        }
        if (region != null) {
            sql.append(" AND region_code = ?");
            params.add(region);
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(Math.max(1, Math.min(limit, 1000))).append(" ROWS ONLY");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Event(rs.getLong("id"), Entity.valueOf(rs.getString("entity")),
                rs.getString("entity_key"), rs.getString("action"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                rs.getString("region_code"), rs.getString("before_state"), rs.getString("after_state"))).list();
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        String s = value instanceof String text ? text : json.writeValueAsString(value);
        return s.length() > 20_000 ? s.substring(0, 19_990) + "…" : s;
    }
}
