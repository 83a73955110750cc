package cn.servicemap.planning;

import cn.servicemap.coverage.CoverageService;
import cn.servicemap.coverage.WhatIfs;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.stations.StationField;
import cn.servicemap.gis.stations.StationInput;
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
 * Saves what-ifs as scenarios and, on request, applies one to the registry: every change written in one
 * transaction through the same checks as any edit (all or nothing), each station change audited.
 */
@Service
class ScenarioService {

    /** What applying wrote. */
    record Applied(long scenarioId, int changes, List<Long> stationIds) {
    }

    private final ScenarioRepository scenarios;
    private final WhatIfs whatIfs;
    private final StationService stations;
    private final Clock clock;

    ScenarioService(ScenarioRepository scenarios, WhatIfs whatIfs, StationService stations, Clock clock) {
        this.scenarios = scenarios;
        this.whatIfs = whatIfs;
        this.stations = stations;
        this.clock = clock;
    }

    /** Checks the changes by evaluating them (a bad change is refused with its field) and saves them. */
    Scenario save(String name, WhatIfs.Request request) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidRequestException("name", "请为方案命名（最多 200 字）(a scenario needs a name of at most 200 characters)");
        }
        whatIfs.evaluate(request);
        long id = scenarios.insert(name.trim(), request.profile() == null ? "WALK" : request.profile(), request.bands(),
                request.kinds(), request.changes(), whatIfs.dataVersion(), now());
        return get(id);
    }

    Scenario get(long id) {
        return scenarios.findById(id).orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的方案 (no scenario " + id + ")"));
    }

    Map<String, Object> evaluate(Scenario s) {
        return whatIfs.evaluate(new WhatIfs.Request(s.profile(), s.bands(), s.kinds(), false, s.changes(), true, null));
    }

    @Transactional
    Applied apply(long id) {
        Scenario s = get(id);
        if (s.appliedAt() != null) {
            throw new ConflictException(HttpStatus.CONFLICT, "id", "方案已于 " + s.appliedAt() + " 应用过 (scenario already applied)");
        }
        List<Long> touched = new ArrayList<>();
        String actor = "scenario " + id;
        for (int i = 0; i < s.changes().size(); i++) {
            CoverageService.Change c = s.changes().get(i);
            String at = "changes[" + i + "]";
            CoordinateSystem crs = c.crs() == null || c.crs().isBlank() ? CoordinateSystem.WGS84 : CoordinateSystem.parse(c.crs());
            switch (c.op() == null ? "" : c.op().trim().toLowerCase()) {
                case "add" -> {
                    if (c.name() == null || c.name().isBlank() || c.kind() == null || c.kind().isBlank()) {
                        throw new InvalidRequestException(at + ".name", "新增站点须有名称和类型才能应用 (an added station needs a name and a kind to be applied)");
                    }
                    Map<StationField, String> v = new EnumMap<>(StationField.class);
                    v.put(StationField.NAME, c.name());
                    v.put(StationField.KIND, c.kind());
                    v.put(StationField.LON, String.valueOf(c.lon()));
                    v.put(StationField.LAT, String.valueOf(c.lat()));
                    v.put(StationField.SOURCE, "方案「" + s.name() + "」#" + id);
                    touched.add(stations.create(new StationInput(v), crs, actor).id());
                }
                case "move" -> touched.add(stations.move(c.stationId(), c.lon(), c.lat(), crs, actor).id());
                case "close" -> touched.add(stations.close(c.stationId(), "按方案「" + s.name() + "」#" + id + " 关闭", null, actor).id());
                default -> throw new InvalidRequestException(at + ".op", "变更类型应为 add、move 或 close (op must be add, move or close)");
            }
        }
        if (!scenarios.markApplied(id, now())) {
            throw new ConflictException(HttpStatus.CONFLICT, "id", "方案已被应用 (scenario already applied)");
        }
        return new Applied(id, s.changes().size(), touched);
    }

    void delete(long id) {
        if (!scenarios.delete(id)) {
            throw new NotFoundException("没有编号为 " + id + " 的方案 (no scenario " + id + ")");
        }
    }

    List<Scenario> list() {
        return scenarios.findAll();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
