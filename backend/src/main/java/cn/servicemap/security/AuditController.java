package cn.servicemap.security;

import cn.servicemap.system.AuditLog;
import cn.servicemap.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of districts, census figures, regions, scenarios, targets and users, for a region's admins. */
@RestController
class AuditController {

    record Events(List<AuditLog.Event> events) {
    }

    private final AuditLog audit;
    private final Access access;

    AuditController(AuditLog audit, Access access) {
        this.audit = audit;
        this.access = access;
    }

    @Operation(summary = "Audited changes, newest first (审计记录): who, when, the record before and after")
    @GetMapping("/api/audit")
    Events events(@Parameter(description = "DISTRICT, CENSUS, REGION, SCENARIO, TARGET or USER") @RequestParam(required = false) String entity,
                  @Parameter(description = "The record's key: an adcode, a region code, a scenario id …") @RequestParam(required = false) String key,
                  @Parameter(description = "The region's code (an admin may leave it out)") @RequestParam(required = false) String region,
                  @RequestParam(defaultValue = "100") int limit) {
        AuditLog.Entity kind = null;
        if (entity != null && !entity.isBlank()) {
            try {
                kind = AuditLog.Entity.valueOf(entity.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("entity", "entity 应为 DISTRICT、CENSUS、REGION、SCENARIO、TARGET 或 USER (unknown entity)");
            }
        }
        if (region == null || region.isBlank()) {
            access.requireEveryRegion("region", Role.ADMIN);
        } else {
            access.requireRegion("region", region.strip(), Role.REGION_ADMIN);
        }
        return new Events(audit.find(kind, key == null || key.isBlank() ? null : key.strip(),
                region == null || region.isBlank() ? null : region.strip(), limit));
    }
}
