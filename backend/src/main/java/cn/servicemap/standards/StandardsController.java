package cn.servicemap.standards;

import cn.servicemap.system.Spreadsheet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The region's checklist (本区域标准) and the stations below it per district. */
@RestController
class StandardsController {

    private static final String REGION = "The region's code; may be left out while the instance holds one region";

    private final StandardChoices choices;
    private final StandardCompliance compliance;
    private final Clock clock;

    StandardsController(StandardChoices choices, StandardCompliance compliance, Clock clock) {
        this.choices = choices;
        this.compliance = compliance;
        this.clock = clock;
    }

    @Operation(summary = "The checklist and star scheme the region measures its stations by, who chose them, and the ones it may choose")
    @GetMapping("/api/planning/standard")
    StandardViews.Choice get(@Parameter(description = REGION) @RequestParam(required = false) String region) {
        return choices.choice(region);
    }

    @Operation(summary = "Choose the region's checklist and star scheme (选择本区域标准), recorded with who chose it")
    @PutMapping("/api/planning/standard")
    StandardViews.Choice set(@Parameter(description = REGION) @RequestParam(required = false) String region,
                             @RequestBody StandardViews.Change body) {
        return choices.set(region, body.checked());
    }

    @Operation(summary = "Drop the region's choice: the default checklist and scheme apply again (恢复默认标准)")
    @DeleteMapping("/api/planning/standard")
    ResponseEntity<Void> reset(@Parameter(description = REGION) @RequestParam(required = false) String region) {
        choices.reset(region);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Stations below the region's checklist per district (站点标准达标情况), each with the items it lacks")
    @GetMapping("/api/planning/standards/compliance")
    StandardCompliance.Table compliance(@Parameter(description = REGION) @RequestParam(required = false) String region) {
        return compliance.table(region);
    }

    @Operation(summary = "Download the stations below the checklist as XLSX: the stations, the districts' counts, the checklist with its sources")
    @GetMapping("/api/planning/standards/compliance/export")
    ResponseEntity<byte[]> export(@Parameter(description = REGION) @RequestParam(required = false) String region) {
        StandardCompliance.Table t = compliance.table(region);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Spreadsheet.download(StandardCompliance.workbook(t, now), Spreadsheet.XLSX,
                "standard-" + t.region() + "-" + t.standard().code() + "-" + now.toLocalDate() + ".xlsx");
    }
}
