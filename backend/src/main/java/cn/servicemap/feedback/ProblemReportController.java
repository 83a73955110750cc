package cn.servicemap.feedback;

import cn.servicemap.security.Access;
import cn.servicemap.stations.StationService;
import cn.servicemap.system.ConflictException;
import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Workers report problems with a station ("报告问题"); planners list and resolve them. */
@RestController
class ProblemReportController {

    record NewReport(String type, String note, String contact) {
    }

    record Resolution(String resolution) {
    }

    record Reports(List<ProblemReport> reports) {
    }

    private final ProblemReportRepository reports;
    private final StationService stations;
    private final Clock clock;

    private final Access access;

    ProblemReportController(ProblemReportRepository reports, StationService stations, Clock clock, Access access) {
        this.access = access;
        this.reports = reports;
        this.stations = stations;
        this.clock = clock;
    }

    @Operation(summary = "Report a problem with a station (报告问题)", description = "type: CLOSED (已关闭), NO_WATER (没有水), MOVED (位置变了), OTHER (其他)")
    @PostMapping("/api/stations/{id}/reports")
    ResponseEntity<ProblemReport> report(@PathVariable long id, @RequestBody NewReport body) {
        List<FieldError> errors = new ArrayList<>();
        ProblemType type = null;
        try {
            type = ProblemType.valueOf(body.type() == null ? "" : body.type().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("type", "问题类型应为 CLOSED、NO_WATER、MOVED 或 OTHER (type must be CLOSED, NO_WATER, MOVED or OTHER)", "BAD_TYPE"));
        }
        String note = trimmed(body.note(), "note", 500, errors);
        String contact = trimmed(body.contact(), "contact", 100, errors);
        if (type == ProblemType.OTHER && note == null) {
            errors.add(new FieldError("note", "选择“其他”时请说明问题 (describe the problem for OTHER)", "MISSING_VALUE"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        stations.get(id);
        long reportId = reports.insert(id, type, note, contact, now());
        return ResponseEntity.created(URI.create("/api/reports/" + reportId)).body(reports.findById(reportId).orElseThrow());
    }

    @Operation(summary = "Workers' problem reports, newest first, by status or station (问题报告)")
    @GetMapping("/api/reports")
    Reports list(@RequestParam(required = false) String status, @RequestParam(required = false) Long stationId) {
        String s = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (s != null && !s.equals("OPEN") && !s.equals("RESOLVED")) {
            throw new InvalidRequestException("status", "status 应为 OPEN 或 RESOLVED (status must be OPEN or RESOLVED)");
        }
        return new Reports(reports.find(s, stationId));
    }

    @Operation(summary = "Resolve a problem report with what was done (处理问题报告)")
    @PostMapping("/api/reports/{id}/resolve")
    ProblemReport resolve(@PathVariable long id, @RequestBody Resolution body) {
        List<FieldError> errors = new ArrayList<>();
        String resolution = trimmed(body.resolution(), "resolution", 500, errors);
        if (resolution == null && errors.isEmpty()) {
            errors.add(new FieldError("resolution", "请说明处理结果 (say how it was resolved)", "MISSING_VALUE"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        ProblemReport report = reports.findById(id)
                .orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的问题报告 (no report " + id + ")"));
        access.requireStationEdit("id", stations.get(report.stationId()).adcode()); // the station's own editors
        if (!reports.resolve(id, resolution, now())) {
            throw new ConflictException(HttpStatus.CONFLICT, "status", "该问题已处理 (report " + report.id() + " is already resolved)");
        }
        return reports.findById(id).orElseThrow();
    }

    private static String trimmed(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            errors.add(new FieldError(field, "最多 " + max + " 个字符 (at most " + max + " characters)", "TOO_LONG"));
            return null;
        }
        return v;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
