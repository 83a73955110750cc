package cn.servicemap.planning;

import cn.servicemap.compliance.Compliance;
import cn.servicemap.compliance.ComplianceService;
import cn.servicemap.compliance.Measure;
import cn.servicemap.coverage.CoverageResponses;
import cn.servicemap.coverage.StationChange;
import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.stations.ServicePoint;
import cn.servicemap.stations.StationService;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Two states of a region side by side (方案对比): the current stations or a saved scenario against another scenario,
 * on the compliance basis (outdoor-worker stations, on foot within the walk-time target): stations added, moved,
 * closed and reopened, people and road-km covered, 交叉覆盖, the change per district, and which targets each meets.
 */
@Service
public class ScenarioComparison {

    /** What a side compares: {@code current} (现状) or a scenario id. */
    static final String CURRENT = "current";

    @Schema(description = "How many changes of each kind a side makes to the registry")
    record ChangeCounts(int added, int moved, int closed, int reopened) {
    }

    @Schema(description = "A station a side adds, moves, closes or reopens, where it stands (WGS84)")
    record StationOnMap(String op, @Schema(nullable = true) Long stationId, @Schema(nullable = true) String name, double lon, double lat) {
    }

    @Schema(description = "One side of a comparison: the current stations (现状) or a scenario")
    record Side(String label, @Schema(nullable = true) Long scenarioId, ChangeCounts changes, List<StationOnMap> stations,
                long people, long peopleCovered, double roadKm, double roadKmCovered, long peopleWithTwo, double roadKmWithTwo,
                @Schema(description = "Cells of the compliance table meeting their target") int targetsMet,
                @Schema(description = "Cells amber or red") int targetsMissed, Compliance compliance) {
    }

    @Schema(description = "One district (or the region, adcode null) in both sides and the change from a to b")
    record DistrictChange(@Schema(nullable = true) String adcode, String name,
                          long peopleCoveredA, long peopleCoveredB, long peopleCoveredChange,
                          double roadKmCoveredA, double roadKmCoveredB, double roadKmCoveredChange,
                          long peopleWithTwoA, long peopleWithTwoB, long peopleWithTwoChange,
                          int targetsMetA, int targetsMetB) {
    }

    @Schema(description = "A target whose light differs between the sides")
    record LightChange(@Schema(nullable = true) String adcode, String name, Measure measure, String measureName,
                       Compliance.Light a, Compliance.Light b) {
    }

    @Schema(description = "Two states of a region side by side (方案对比)")
    record Comparison(CoverageResponses.RegionRef region, int walkMinutes, String basis, Side a, Side b, DistrictChange total,
                      List<DistrictChange> districts, List<LightChange> lightChanges) {
    }

    private final ScenarioService scenarios;
    private final ComplianceService compliance;
    private final StationService stations;
    private final cn.servicemap.security.Access access;

    ScenarioComparison(ScenarioService scenarios, ComplianceService compliance, StationService stations,
                       cn.servicemap.security.Access access) {
        this.access = access;
        this.scenarios = scenarios;
        this.compliance = compliance;
        this.stations = stations;
    }

    /** A side with the assessment it was built from (for the per-district figures). */
    private record Built(Side side, ComplianceService.Assessment assessment) {

        Map<String, CoverageResponses.DistrictRow> report() {
            Map<String, CoverageResponses.DistrictRow> m = new HashMap<>();
            assessment.figures().report().districts().forEach(r -> m.put(r.adcode(), r));
            return m;
        }

        Map<String, CoverageResponses.CrossRow> cross() {
            Map<String, CoverageResponses.CrossRow> m = new HashMap<>();
            assessment.figures().cross().districts().forEach(r -> m.put(r.adcode(), r));
            return m;
        }

        Map<String, Compliance.Row> rows() {
            Map<String, Compliance.Row> m = new HashMap<>();
            side.compliance().districts().forEach(r -> m.put(r.adcode(), r));
            return m;
        }
    }

    /** Compares side {@code a} with side {@code b}, each {@code current} or a scenario id, in one region. */
    Comparison compare(String region, String a, String b) {
        Scenario sa = scenario(a, "a");
        Scenario sb = scenario(b, "b");
        String code = sa != null ? sa.region() : sb != null ? sb.region() : region;
        if (sa != null && sb != null && !java.util.Objects.equals(sa.region(), sb.region())) {
            throw new InvalidRequestException("b", "两个方案属于不同区域，不能对比 (the scenarios belong to different regions)");
        }
        if (region != null && !region.isBlank() && code != null && !region.strip().equals(code)) {
            throw new InvalidRequestException("region", "方案属于区域 " + code + " (the scenario belongs to region " + code + ")");
        }
        if (code != null) {
            access.requireRegion("region", code, cn.servicemap.security.Role.PLANNER);
        }
        Built left = side(code, sa, "a");
        Built right = side(code, sb, "b");
        Map<String, CoverageResponses.DistrictRow> reportB = right.report();
        Map<String, CoverageResponses.CrossRow> crossA = left.cross();
        Map<String, CoverageResponses.CrossRow> crossB = right.cross();
        Map<String, Compliance.Row> rowsB = right.rows();
        List<DistrictChange> districts = new ArrayList<>();
        List<LightChange> lights = new ArrayList<>();
        lights(left.side().compliance().total(), right.side().compliance().total(), lights);
        for (CoverageResponses.DistrictRow da : left.assessment().figures().report().districts()) {
            String d = da.adcode();
            Compliance.Row ra = left.rows().get(d);
            districts.add(change(d, da.name(), da, reportB.get(d), crossA.get(d), crossB.get(d), ra, rowsB.get(d)));
            if (ra != null && rowsB.get(d) != null) {
                lights(ra, rowsB.get(d), lights);
            }
        }
        DistrictChange total = change(null, left.side().compliance().total().name(), left.assessment().figures().report().total(),
                right.assessment().figures().report().total(), left.assessment().figures().cross().total(),
                right.assessment().figures().cross().total(), left.side().compliance().total(), right.side().compliance().total());
        Compliance c = left.side().compliance();
        return new Comparison(c.region(), c.walkMinutes(), "按达标口径比较：" + c.stationKind() + "，步行 " + c.walkMinutes() + " 分钟"
                + " (compared on the compliance basis: outdoor-worker stations on foot within the walk-time target)",
                left.side(), right.side(), total, districts, lights);
    }

    private Scenario scenario(String ref, String field) {
        if (ref == null || ref.isBlank() || ref.strip().equalsIgnoreCase(CURRENT)) {
            return null;
        }
        long id;
        try {
            id = Long.parseLong(ref.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, "请填写方案编号或 current（现状）(a scenario id or current)");
        }
        Scenario s;
        try {
            s = scenarios.get(id);
        } catch (NotFoundException e) {
            throw new InvalidRequestException(field, "没有编号为 " + id + " 的方案 (no scenario " + id + ")");
        }
        if (s.appliedAt() != null) {
            throw new InvalidRequestException(field, "方案 #" + id + " 已应用，其变更已在现状中 (applied: its changes are in the current state)");
        }
        return s;
    }

    private Built side(String region, Scenario s, String field) {
        List<StationChange> changes = s == null ? List.of() : s.changes();
        ComplianceService.Assessment assessment;
        try {
            assessment = compliance.assess(region, changes);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(e.errors().stream()
                    .map(err -> new cn.servicemap.system.FieldError(field + "." + err.field(), err.reason(), err.code())).toList());
        }
        int added = 0;
        int moved = 0;
        int closed = 0;
        int reopened = 0;
        List<StationOnMap> onMap = new ArrayList<>();
        for (StationChange c : changes) {
            if (c instanceof StationChange.Add add) {
                added++;
                LonLat p = ChinaCoordinates.toWgs84(add.crs(), add.lon(), add.lat());
                onMap.add(new StationOnMap("add", null, add.name(), p.lon(), p.lat()));
            } else if (c instanceof StationChange.Move move) {
                moved++;
                LonLat p = ChinaCoordinates.toWgs84(move.crs(), move.lon(), move.lat());
                onMap.add(new StationOnMap("move", move.stationId(), nameOf(move.stationId()), p.lon(), p.lat()));
            } else {
                ServicePoint p = stations.get(c.stationId());
                if (c instanceof StationChange.Close) {
                    closed++;
                } else {
                    reopened++;
                }
                onMap.add(new StationOnMap(c instanceof StationChange.Close ? "close" : "reopen", p.id(), p.name(), p.lon(), p.lat()));
            }
        }
        CoverageResponses.DistrictRow total = assessment.figures().report().total();
        CoverageResponses.CrossRow cross = assessment.figures().cross().total();
        Compliance table = assessment.compliance();
        Side side = new Side(s == null ? "现状" : s.name(), s == null ? null : s.id(), new ChangeCounts(added, moved, closed, reopened),
                onMap, total.people(), total.bands().get(0).peopleCovered(), total.roadKm(), total.bands().get(0).roadKmCovered(),
                cross.bands().get(0).peopleWithTwo(), cross.bands().get(0).roadKmWithTwo(),
                table.total().met() + table.districts().stream().mapToInt(Compliance.Row::met).sum(),
                table.total().missed() + table.districts().stream().mapToInt(Compliance.Row::missed).sum(), table);
        return new Built(side, assessment);
    }

    private String nameOf(long stationId) {
        return stations.get(stationId).name();
    }

    private static DistrictChange change(String adcode, String name, CoverageResponses.DistrictRow a, CoverageResponses.DistrictRow b,
                                         CoverageResponses.CrossRow ca, CoverageResponses.CrossRow cb, Compliance.Row ra, Compliance.Row rb) {
        // the sides cover the same districts (one region, one network); a missing row counts as nothing
        long pa = a.bands().get(0).peopleCovered();
        long pb = b == null ? 0 : b.bands().get(0).peopleCovered();
        double ka = a.bands().get(0).roadKmCovered();
        double kb = b == null ? 0 : b.bands().get(0).roadKmCovered();
        long wa = ca == null ? 0 : ca.bands().get(0).peopleWithTwo();
        long wb = cb == null ? 0 : cb.bands().get(0).peopleWithTwo();
        return new DistrictChange(adcode, name, pa, pb, pb - pa, ka, kb, Math.round((kb - ka) * 100) / 100.0, wa, wb, wb - wa,
                ra == null ? 0 : ra.met(), rb == null ? 0 : rb.met());
    }

    private static void lights(Compliance.Row a, Compliance.Row b, List<LightChange> out) {
        for (int i = 0; i < a.cells().size(); i++) {
            Compliance.Cell ca = a.cells().get(i);
            Compliance.Cell cb = b.cells().get(i);
            if (ca.light() != cb.light()) {
                out.add(new LightChange(a.adcode(), a.name(), ca.measure(), ca.measure().nameZh(), ca.light(), cb.light()));
            }
        }
    }
}
