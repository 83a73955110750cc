package cn.servicemap.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import cn.servicemap.system.Spreadsheet;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Policy targets and the compliance table (达标情况) of a region. */
@RestController
class ComplianceController {

    private static final String REGION = "The region's code; may be left out while the instance holds one region";
    private static final String AT = "Only stations open at this local time count in the service circle, e.g. 2026-12-05T23:00 (某一时刻)";
    private static final String DEMAND = "Whom to count: residents (default), riders, sanitation, drivers or the id of an uploaded "
            + "surface (服务对象)";
    private static final String SERVICE = "Only stations offering every one of these services count in the service circle "
            + "(codes or Chinese names, comma-separated), e.g. TOILET,HOT_WATER (驿站服务)";

    @Schema(description = "The targets a region is measured against (目标)")
    record Targets(String region, List<Compliance.TargetInUse> targets) {
    }

    private final ComplianceService compliance;
    private final TargetService targets;
    private final cn.servicemap.region.RegionScope scope;
    private final Clock clock;

    ComplianceController(ComplianceService compliance, TargetService targets, cn.servicemap.region.RegionScope scope, Clock clock) {
        this.compliance = compliance;
        this.targets = targets;
        this.scope = scope;
        this.clock = clock;
    }

    @Operation(summary = "Compliance with the policy targets per district (达标情况): value, target, traffic light, shortfall")
    @GetMapping("/api/planning/compliance")
    Compliance compliance(@Parameter(description = REGION) @RequestParam(required = false) String region,
                          @Parameter(description = AT) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                          LocalDateTime at,
                          @Parameter(description = DEMAND) @RequestParam(required = false) String demand,
                          @Parameter(description = SERVICE) @RequestParam(required = false) List<String> service) {
        return compliance.current(region, new ComplianceService.Basis(at, demand, service));
    }

    @Operation(summary = "Download the compliance table as XLSX (导出达标情况): the table, the targets in use, method notes")
    @GetMapping("/api/planning/compliance/export")
    ResponseEntity<byte[]> export(@Parameter(description = REGION) @RequestParam(required = false) String region,
                                  @Parameter(description = AT) @RequestParam(required = false)
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at,
                                  @Parameter(description = DEMAND) @RequestParam(required = false) String demand,
                                  @Parameter(description = SERVICE) @RequestParam(required = false) List<String> service) {
        Compliance c = compliance.current(region, new ComplianceService.Basis(at, demand, service));
        return Spreadsheet.download(Spreadsheet.xlsx(ComplianceWorkbook.sheets(c, OffsetDateTime.now(clock))), Spreadsheet.XLSX,
                "compliance-" + c.region().code() + "-v" + c.dataVersion() + ".xlsx");
    }

    @Operation(summary = "The targets of a region: defaults from the policy seed, or the region's own values with who set them")
    @GetMapping("/api/planning/targets")
    Targets targets(@Parameter(description = REGION) @RequestParam(required = false) String region) {
        String code = scope.resolve(region).region().code();
        return new Targets(code, targets.inUse(code));
    }

    @Operation(summary = "Set the region's own value for a target (设定本区域目标), recorded with who set it")
    @PutMapping("/api/planning/targets/{code}")
    Compliance.TargetInUse set(@PathVariable String code, @Parameter(description = REGION) @RequestParam(required = false) String region,
                               @RequestBody TargetService.TargetChange body) {
        return targets.set(region, code, body);
    }

    @Operation(summary = "Drop the region's own value for a target: the default applies again (恢复默认目标)")
    @DeleteMapping("/api/planning/targets/{code}")
    ResponseEntity<Void> reset(@PathVariable String code, @Parameter(description = REGION) @RequestParam(required = false) String region) {
        targets.reset(region, code);
        return ResponseEntity.noContent().build();
    }
}
