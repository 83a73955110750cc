package cn.servicemap.planning;

import cn.servicemap.coverage.WhatIfs;
import cn.servicemap.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Saved what-ifs (方案): save, list, open (evaluated against the current data), delete, apply to the registry. */
@RestController
class ScenarioController {

    /** The body of POST /api/scenarios: a name and a what-if. */
    record NewScenario(String name, String profile, List<Integer> bands, List<String> kinds,
                       List<cn.servicemap.coverage.CoverageService.Change> changes) {
    }

    record Scenarios(List<Scenario> scenarios) {
    }

    private final ScenarioService scenarios;

    ScenarioController(ScenarioService scenarios) {
        this.scenarios = scenarios;
    }

    @PostMapping("/api/scenarios")
    ResponseEntity<Scenario> save(@RequestBody NewScenario body) {
        Scenario s = scenarios.save(body.name(), new WhatIfs.Request(body.profile(), body.bands(), body.kinds(), false,
                body.changes(), false, null));
        return ResponseEntity.created(URI.create("/api/scenarios/" + s.id())).body(s);
    }

    @GetMapping("/api/scenarios")
    Scenarios list() {
        return new Scenarios(scenarios.list());
    }

    @Operation(summary = "A scenario and its what-if evaluated against the current stations")
    @GetMapping("/api/scenarios/{id}")
    Map<String, Object> get(@PathVariable long id) {
        Scenario s = scenarios.get(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", s);
        if (s.appliedAt() != null) {
            out.put("whatif", null);
            out.put("note", "方案已应用，变更已写入站点库 (applied: its changes are in the registry)");
            return out;
        }
        try {
            out.put("whatif", scenarios.evaluate(s));
        } catch (InvalidRequestException e) {
            // The stations changed since it was saved (e.g. a station it moves was closed): say which change no longer fits.
            out.put("whatif", null);
            out.put("whatifErrors", e.errors());
        }
        return out;
    }

    @DeleteMapping("/api/scenarios/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        scenarios.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Write a scenario's changes to the station registry (all or nothing)")
    @PostMapping("/api/scenarios/{id}/apply")
    ScenarioService.Applied apply(@PathVariable long id) {
        return scenarios.apply(id);
    }
}
