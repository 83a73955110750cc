package cn.servicemap.planning;

import cn.servicemap.coverage.Bands;
import cn.servicemap.coverage.CoverageResponses;
import cn.servicemap.coverage.StationChange;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.system.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import cn.servicemap.system.Spreadsheet;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Saved what-ifs (方案): save, list, open (evaluated against the current data), delete, apply to the registry. */
@RestController
class ScenarioController {

    @Schema(description = "A scenario to save: a name and a what-if")
    record NewScenario(@Schema(description = "The region's code; may be left out while the instance holds one region", nullable = true)
                       String region, String name, @Schema(description = "WALK, EBIKE or CAR; default WALK", nullable = true) TravelProfile profile,
                       @Schema(nullable = true) Bands bands, @Schema(nullable = true) List<String> kinds,
                       List<StationChange> changes) {
    }

    record Scenarios(List<Scenario> scenarios) {
    }

    @Schema(description = "A scenario and its what-if against the current stations")
    record OpenedScenario(Scenario scenario,
                          @Schema(description = "null once applied, or when a change no longer fits the stations", nullable = true)
                          CoverageResponses.WhatIf whatif,
                          @Schema(nullable = true) String note,
                          @Schema(description = "Why the what-if could not be evaluated now, per change", nullable = true)
                          List<FieldError> whatifErrors) {
    }

    private final ScenarioService scenarios;
    private final ScenarioComparison comparison;
    private final Clock clock;

    ScenarioController(ScenarioService scenarios, ScenarioComparison comparison, Clock clock) {
        this.scenarios = scenarios;
        this.comparison = comparison;
        this.clock = clock;
    }

    @Operation(summary = "Download a comparison as XLSX (导出方案对比): summary, per district, targets before/after, stations, both tables")
    @GetMapping("/api/scenarios/compare/export")
    ResponseEntity<byte[]> exportComparison(
            @Parameter(description = "current (现状, the default) or a scenario id") @RequestParam(required = false) String a,
            @Parameter(description = "A scenario id, or current") @RequestParam String b,
            @Parameter(description = "The region's code, needed only to compare current with current") @RequestParam(required = false) String region) {
        ScenarioComparison.Comparison c = comparison.compare(region, a, b);
        return Spreadsheet.download(Spreadsheet.xlsx(ComparisonWorkbook.sheets(c, OffsetDateTime.now(clock))), Spreadsheet.XLSX,
                "comparison-" + c.region().code() + "-" + (c.a().scenarioId() == null ? "current" : c.a().scenarioId()) + "-"
                        + (c.b().scenarioId() == null ? "current" : c.b().scenarioId()) + ".xlsx");
    }

    @Operation(summary = "Two states side by side (方案对比): current (现状) or a scenario against a scenario, with targets met")
    @GetMapping("/api/scenarios/compare")
    ScenarioComparison.Comparison compare(
            @Parameter(description = "current (现状, the default) or a scenario id") @RequestParam(required = false) String a,
            @Parameter(description = "A scenario id, or current") @RequestParam String b,
            @Parameter(description = "The region's code, needed only to compare current with current") @RequestParam(required = false) String region) {
        return comparison.compare(region, a, b);
    }

    @Operation(summary = "Save a what-if as a scenario (保存方案); its changes are checked by evaluating them")
    @PostMapping("/api/scenarios")
    ResponseEntity<Scenario> save(@RequestBody NewScenario body) {
        Scenario s = scenarios.save(body);
        return ResponseEntity.created(URI.create("/api/scenarios/" + s.id())).body(s);
    }

    @Operation(summary = "The region's saved scenarios, newest first (方案列表)")
    @GetMapping("/api/scenarios")
    Scenarios list(@Parameter(description = "The region's code; may be left out while the instance holds one region")
                   @RequestParam(required = false) String region) {
        return new Scenarios(scenarios.list(region));
    }

    @Operation(summary = "A scenario and its what-if evaluated against the current stations (打开方案)")
    @GetMapping("/api/scenarios/{id}")
    OpenedScenario get(@PathVariable long id) {
        return scenarios.open(id);
    }

    @Operation(summary = "Delete a scenario (删除方案)")
    @DeleteMapping("/api/scenarios/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        scenarios.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Write a scenario's changes to the station registry, all or nothing (应用方案)")
    @PostMapping("/api/scenarios/{id}/apply")
    ScenarioService.Applied apply(@PathVariable long id) {
        return scenarios.apply(id);
    }
}
