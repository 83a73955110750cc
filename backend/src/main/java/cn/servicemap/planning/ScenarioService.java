package cn.servicemap.planning;

import cn.servicemap.system.AuditLog;
import cn.servicemap.security.Role;
import cn.servicemap.security.Access;
import cn.servicemap.coverage.Bands;
import cn.servicemap.coverage.CoverageResponses;
import cn.servicemap.coverage.StationChange;
import cn.servicemap.coverage.WhatIfs;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.stations.StationField;
import cn.servicemap.gis.stations.StationInput;
import cn.servicemap.region.RegionScope;
import cn.servicemap.stations.StationService;
import cn.servicemap.system.ConflictException;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves what-ifs as scenarios and, on request, applies one to the registry: the changes are first tried as a
 * what-if against the current stations (so a change that no longer fits is refused with its index), then
 * written in order in one transaction through the same checks as any edit (all or nothing), each audited.
 */
@Service
public class ScenarioService {

    /** What applying wrote. */
    record Applied(long scenarioId, int changes, List<Long> stationIds) {
    }

    private final ScenarioRepository scenarios;
    private final WhatIfs whatIfs;
    private final StationService stations;
    private final Clock clock;
    private final RegionScope scope;

    private final Access access;
    private final AuditLog audit;

    ScenarioService(ScenarioRepository scenarios, WhatIfs whatIfs, StationService stations, Clock clock, RegionScope scope,
                    Access access, AuditLog audit) {
        this.access = access;
        this.audit = audit;
        this.scope = scope;
        this.scenarios = scenarios;
        this.whatIfs = whatIfs;
        this.stations = stations;
        this.clock = clock;
    }

    /** Checks the changes by evaluating them (a bad change is refused with its field) and saves them. */
    Scenario save(ScenarioController.NewScenario body) {
        if (body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            throw new InvalidRequestException("name", "请为方案命名（最多 200 字）(a scenario needs a name of at most 200 characters)");
        }
        access.requireRegion("region", scope.resolve(body.region()).region().code(), Role.PLANNER);
        TravelProfile profile = body.profile() == null ? TravelProfile.WALK : body.profile();
        CoverageResponses.WhatIf checked = whatIfs.evaluate(new WhatIfs.Request(body.region(), profile, body.bands(), body.kinds(),
                false, body.changes(), false, null, false, null, null, null));
        long id = scenarios.insert(checked.region().code(), body.name().trim(), profile, body.bands() == null ? List.of() : body.bands().minutes(),
                body.kinds(), body.changes(), whatIfs.dataVersion(), now());
        Scenario saved = get(id);
        audit.record(AuditLog.Entity.SCENARIO, String.valueOf(id), "CREATE", access.actor(), saved.region(), null, saved);
        return saved;
    }

    Scenario get(long id) {
        return scenarios.findById(id).orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的方案 (no scenario " + id + ")"));
    }

    /** The scenario with its what-if against the current stations; a change that no longer fits is reported, not thrown. */
    ScenarioController.OpenedScenario open(long id) {
        Scenario s = get(id);
        access.requireRegion("id", s.region(), Role.PLANNER);
        if (s.appliedAt() != null) {
            return new ScenarioController.OpenedScenario(s, null, "方案已应用，变更已写入站点库 (applied: its changes are in the registry)", null);
        }
        try {
            return new ScenarioController.OpenedScenario(s, whatIfs.evaluate(request(s, true)), null, null);
        } catch (InvalidRequestException e) {
            // The stations changed since it was saved (e.g. a station it moves was closed): say which change no longer fits.
            return new ScenarioController.OpenedScenario(s, null, null, e.errors());
        }
    }

    private static WhatIfs.Request request(Scenario s, boolean includeBands) {
        return new WhatIfs.Request(s.region(), s.profile(), s.bands().isEmpty() ? null : new Bands(s.bands()), s.kinds(), false, s.changes(),
                includeBands, null, false, null, null, null);
    }

    @Transactional
    Applied apply(long id) {
        Scenario s = get(id);
        access.requireRegion("id", s.region(), Role.PLANNER);
        if (s.appliedAt() != null) {
            throw new ConflictException(HttpStatus.CONFLICT, "id", "方案已于 " + s.appliedAt() + " 应用过 (scenario already applied)");
        }
        whatIfs.evaluate(request(s, false));
        List<Long> touched = new ArrayList<>();
        String actor = access.actor() + " (scenario " + id + ")";
        for (int i = 0; i < s.changes().size(); i++) {
            StationChange c = s.changes().get(i);
            if (c instanceof StationChange.Add add) {
                if (add.name() == null || add.name().isBlank() || add.kind() == null || add.kind().isBlank()) {
                    throw new InvalidRequestException("changes[" + i + "].name",
                            "新增站点须有名称和类型才能应用 (an added station needs a name and a kind to be applied)");
                }
                Map<StationField, String> v = new EnumMap<>(StationField.class);
                v.put(StationField.NAME, add.name());
                v.put(StationField.KIND, add.kind());
                v.put(StationField.LON, String.valueOf(add.lon()));
                v.put(StationField.LAT, String.valueOf(add.lat()));
                v.put(StationField.SOURCE, "方案「" + s.name() + "」#" + id);
                touched.add(stations.create(new StationInput(v), add.crs(), actor).id());
            } else if (c instanceof StationChange.Move move) {
                touched.add(stations.move(move.stationId(), move.lon(), move.lat(), move.crs(), actor).id());
            } else if (c instanceof StationChange.Close close) {
                touched.add(stations.close(close.stationId(), "按方案「" + s.name() + "」#" + id + " 关闭", null, actor).id());
            } else {
                touched.add(stations.reopen(c.stationId(), actor).id());
            }
        }
        if (!scenarios.markApplied(id, now())) {
            throw new ConflictException(HttpStatus.CONFLICT, "id", "方案已被应用 (scenario already applied)");
        }
        audit.record(AuditLog.Entity.SCENARIO, String.valueOf(id), "APPLY", access.actor(), s.region(), s, get(id));
        return new Applied(id, s.changes().size(), touched);
    }

    void delete(long id) {
        Scenario s = get(id);
        access.requireRegion("id", s.region(), Role.PLANNER);
        audit.record(AuditLog.Entity.SCENARIO, String.valueOf(id), "DELETE", access.actor(), s.region(), s, null);
        if (!scenarios.delete(id)) {
            throw new NotFoundException("没有编号为 " + id + " 的方案 (no scenario " + id + ")");
        }
    }

    /** The region's scenarios, newest first (a 400 naming the codes when the region is ambiguous or unknown). */
    List<Scenario> list(String region) {
        String code = scope.resolve(region).region().code();
        access.requireRegion("region", code, Role.PLANNER);
        return scenarios.findByRegion(code);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
