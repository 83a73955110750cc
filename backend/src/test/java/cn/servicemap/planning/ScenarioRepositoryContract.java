package cn.servicemap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.coverage.StationChange;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.support.MigratedDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Scenarios keep every kind of station change, in order, on each database; rows saved before the typed changes still read. */
abstract class ScenarioRepositoryContract {

    /** As the app's mapper is set up (Spring Boot ignores unknown properties). */
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final MigratedDatabase db = database();
    private final ScenarioRepository scenarios = new ScenarioRepository(db.jdbc(), JSON);

    abstract MigratedDatabase database();

    @Test
    void shouldKeepEveryKindOfChangeInOrder() {
        List<StationChange> changes = List.of(
                new StationChange.Add(118.78, 32.04, CoordinateSystem.GCJ02, "新驿站", "OUTDOOR_STATION"),
                new StationChange.Move(7L, 118.79, 32.05, null),
                new StationChange.Close(7L),
                new StationChange.Reopen(7L));
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));
        long id = scenarios.insert("320100", "四种变更", TravelProfile.EBIKE, List.of(5, 10), List.of("OUTDOOR_STATION"), changes, 42, at);
        Scenario s = scenarios.findById(id).orElseThrow();
        assertThat(s.changes()).containsExactlyElementsOf(List.of(
                new StationChange.Add(118.78, 32.04, CoordinateSystem.GCJ02, "新驿站", "OUTDOOR_STATION"),
                new StationChange.Move(7L, 118.79, 32.05, CoordinateSystem.WGS84),
                new StationChange.Close(7L),
                new StationChange.Reopen(7L)));
        assertThat(s.profile()).isEqualTo(TravelProfile.EBIKE);
        assertThat(s.bands()).containsExactly(5, 10);
        assertThat(s.baseDataVersion()).isEqualTo(42);
        assertThat(s.createdAt().toInstant()).isEqualTo(at.toInstant());
        assertThat(db.jdbc().sql("SELECT changes FROM scenario WHERE id = ?").param(id).query(String.class).single())
                .contains("\"op\":\"add\"", "\"op\":\"move\"", "\"op\":\"close\"", "\"op\":\"reopen\"");
    }

    /** Before the typed change model every change was one flat object with nulls for what it did not use. */
    @Test
    void shouldReadScenariosSavedBeforeTheTypedChanges() {
        String flat = "[{\"op\":\"add\",\"stationId\":null,\"lon\":118.78,\"lat\":32.04,\"crs\":null,\"name\":\"旧方案站\",\"kind\":\"爱心驿站\"},"
                + "{\"op\":\"close\",\"stationId\":3,\"lon\":null,\"lat\":null,\"crs\":null,\"name\":null,\"kind\":null}]";
        db.jdbc().sql("INSERT INTO scenario (region_code, name, profile, bands, kinds, changes, base_data_version, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params("old-region", "旧方案", "WALK", null, null, flat, 1, OffsetDateTime.now(ZoneOffset.UTC)).update();
        Scenario s = scenarios.findByRegion("old-region").get(0);
        assertThat(s.changes()).containsExactly(new StationChange.Add(118.78, 32.04, CoordinateSystem.WGS84, "旧方案站", "爱心驿站"),
                new StationChange.Close(3L));
        assertThat(s.bands()).isEmpty();
    }
}
