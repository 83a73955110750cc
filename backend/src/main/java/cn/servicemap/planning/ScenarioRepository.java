package cn.servicemap.planning;

import cn.servicemap.coverage.StationChange;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.system.RequestValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Scenarios, their changes kept as JSON text (the same on both databases). */
@Repository
class ScenarioRepository {

    private static final TypeReference<List<StationChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ScenarioRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(String region, String name, TravelProfile profile, List<Integer> bands, List<String> kinds, List<StationChange> changes,
                long dataVersion, OffsetDateTime at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO scenario (region_code, name, profile, bands, kinds, changes, base_data_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(region, name, profile.name(), bands == null || bands.isEmpty() ? null : join(bands), kinds == null || kinds.isEmpty() ? null : String.join(",", kinds),
                        json.writerFor(CHANGES).writeValueAsString(changes), dataVersion, at)
                .update(keys, "id");
        return ((Number) keys.getKeyList().get(0).values().iterator().next()).longValue();
    }

    Optional<Scenario> findById(long id) {
        return jdbc.sql("SELECT * FROM scenario WHERE id = ?").param(id).query(this::map).optional();
    }

    List<Scenario> findByRegion(String regionCode) {
        return jdbc.sql("SELECT * FROM scenario WHERE region_code = ? ORDER BY created_at DESC, id DESC").param(regionCode)
                .query(this::map).list();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM scenario WHERE id = ?").param(id).update() == 1;
    }

    boolean markApplied(long id, OffsetDateTime at) {
        return jdbc.sql("UPDATE scenario SET applied_at = ? WHERE id = ? AND applied_at IS NULL").params(at, id).update() == 1;
    }

    private Scenario map(ResultSet rs, int n) throws SQLException {
        String bands = rs.getString("bands");
        String kinds = rs.getString("kinds");
        return new Scenario(rs.getLong("id"), rs.getString("region_code"), rs.getString("name"), RequestValues.profile(rs.getString("profile")),
                bands == null ? List.of() : Arrays.stream(bands.split(",")).map(Integer::valueOf).toList(),
                kinds == null ? List.of() : List.of(kinds.split(",")),
                json.readValue(rs.getString("changes"), CHANGES), rs.getLong("base_data_version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("applied_at", OffsetDateTime.class));
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
