package cn.servicemap.feedback;

import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    @io.swagger.v3.oas.annotations.media.Schema(description = "Confirming a report: a note, and for 位置变了 the station's new position")
    record Confirmation(@io.swagger.v3.oas.annotations.media.Schema(nullable = true) String note,
                        @io.swagger.v3.oas.annotations.media.Schema(nullable = true) Double lon,
                        @io.swagger.v3.oas.annotations.media.Schema(nullable = true) Double lat,
                        @io.swagger.v3.oas.annotations.media.Schema(nullable = true) cn.servicemap.gis.crs.CoordinateSystem crs) {
    }

    private final Moderation moderation;

    private final Confirmations confirmations;

    ProblemReportController(Moderation moderation, Confirmations confirmations) {
        this.moderation = moderation;
        this.confirmations = confirmations;
    }

    @Operation(summary = "Report a problem with a station (报告问题), no login needed",
            description = "type: CLOSED (已关闭), NO_WATER (没有水), MOVED (位置变了), UNSAFE (不安全), OTHER (其他). 201 for a new report; 200 "
                    + "when the same device reported the same problem within 30 minutes (merged, its count raised); 429 after 10 new "
                    + "reports a minute from one device.")
    @PostMapping("/api/stations/{id}/reports")
    ResponseEntity<ProblemReport> report(@PathVariable long id, @RequestBody NewReport body, jakarta.servlet.http.HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ProblemType type = null;
        try {
            type = ProblemType.valueOf(body.type() == null ? "" : body.type().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("type", "问题类型应为 CLOSED、NO_WATER、MOVED、UNSAFE 或 OTHER (type must be CLOSED, NO_WATER, MOVED, "
                    + "UNSAFE or OTHER)", "BAD_TYPE"));
        }
        String note = trimmed(body.note(), "note", 500, errors);
        String contact = trimmed(body.contact(), "contact", 100, errors);
        if (type == ProblemType.OTHER && note == null) {
            errors.add(new FieldError("note", "选择“其他”时请说明问题 (describe the problem for OTHER)", "MISSING_VALUE"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Moderation.Reported r = moderation.report(id, type, note, contact,
                Moderation.clientKey(request.getRemoteAddr(), String.valueOf(request.getHeader("User-Agent"))));
        return r.merged() ? ResponseEntity.ok(r.report())
                : ResponseEntity.created(URI.create("/api/reports/" + r.report().id())).body(r.report());
    }

    @Operation(summary = "Confirm a station is there and open (确认开放), no login needed — from the page its sign's QR opens",
            description = "Counted once per device and station in 6 hours (a repeat answers counted=false); 429 after 20 stations an hour "
                    + "from one device; 409 for a station registered as closed. Changes no station: the station's confirmedAt.")
    @PostMapping("/api/stations/{id}/confirmations")
    Confirmations.Confirmed confirm(@PathVariable long id, jakarta.servlet.http.HttpServletRequest request) {
        return confirmations.confirm(id, Moderation.clientKey(request.getRemoteAddr(), String.valueOf(request.getHeader("User-Agent"))));
    }

    @Operation(summary = "The problem reports of the stations you may edit, newest first (待处理的问题报告)")
    @GetMapping("/api/reports")
    Reports list(@RequestParam(required = false) String status, @RequestParam(required = false) Long stationId) {
        String s = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (s != null && !s.equals("OPEN") && !s.equals("RESOLVED")) {
            throw new InvalidRequestException("status", "status 应为 OPEN 或 RESOLVED (status must be OPEN or RESOLVED)");
        }
        return new Reports(moderation.queue(s, stationId));
    }

    @Operation(summary = "Confirm a report (核实问题): the station changes as reported, through the audited edit")
    @PostMapping("/api/reports/{id}/confirm")
    ProblemReport confirm(@PathVariable long id, @RequestBody(required = false) Confirmation body) {
        List<FieldError> errors = new ArrayList<>();
        String note = body == null ? null : trimmed(body.note(), "note", 300, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return moderation.confirm(id, note, body == null ? null : body.lon(), body == null ? null : body.lat(),
                body == null ? null : body.crs());
    }

    @Operation(summary = "Dismiss a report with the reason (不予采纳); the station stays as it is")
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
        return moderation.dismiss(id, resolution);
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

}
