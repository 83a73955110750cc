package cn.servicemap.compliance;

import cn.servicemap.system.AuditLog;
import cn.servicemap.security.Role;
import cn.servicemap.security.Access;
import cn.servicemap.gis.catalog.PolicyTarget;
import cn.servicemap.region.RegionScope;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The targets a region is measured against: the seed's defaults, replaced by the region's own values where it set
 * them (a city's plan is often stricter), each recorded with who set it, why and when. Only the targets the compliance
 * table uses can be set.
 */
@Service
public class TargetService {

    /** The walk time of the service circle, in minutes. */
    static final String WALK_TIME = "SHUANG15_WALK_TIME";
    static final int MAX_WALK_MINUTES = 60;

    @Schema(description = "A region's own value for a target (设定本区域目标)")
    public record TargetChange(@Schema(description = "The value, in the target's unit (% for shares, minutes, or a count)") Double value,
                               @Schema(description = "Who set it: a person or office, e.g. 市总工会权益保障部 张三") String setBy,
                               @Schema(description = "Why, or the plan it comes from", nullable = true) String note) {
    }

    private final PolicyTargets defaults;
    private final RegionTargetRepository regionTargets;
    private final RegionScope scope;
    private final Clock clock;

    private final Access access;
    private final AuditLog audit;

    TargetService(PolicyTargets defaults, RegionTargetRepository regionTargets, RegionScope scope, Clock clock, Access access,
                  AuditLog audit) {
        this.access = access;
        this.audit = audit;
        this.defaults = defaults;
        this.regionTargets = regionTargets;
        this.scope = scope;
        this.clock = clock;
    }

    /** The targets the compliance table uses (and the walk time), in the seed's order. */
    static Set<String> settableCodes() {
        return Stream.concat(Stream.of(WALK_TIME), Stream.of(Measure.values()).map(Measure::targetCode)).collect(Collectors.toSet());
    }

    /** Every target in the seed, as it applies to the region: the region's own value where it set one. */
    public List<Compliance.TargetInUse> inUse(String regionCode) {
        Map<String, RegionTarget> own = new LinkedHashMap<>();
        for (RegionTarget t : regionTargets.findByRegion(regionCode)) {
            own.put(t.code(), t);
        }
        List<Compliance.TargetInUse> out = new ArrayList<>();
        for (PolicyTarget t : defaults.all()) {
            RegionTarget r = own.get(t.code());
            out.add(new Compliance.TargetInUse(t.code(), t.nameZh(), r == null ? t.value() : Double.valueOf(r.value()), t.unit(), t.scope(), t.source(),
                    t.verified(), t.value(), r != null, r == null ? null : r.setBy(), r == null ? null : r.note(),
                    r == null ? null : r.setAt()));
        }
        return out;
    }

    /** Sets the region's own value for a target; 400 naming the field when the value or who set it is missing or out of range. */
    @Transactional
    public Compliance.TargetInUse set(String region, String code, TargetChange change) {
        String regionCode = scope.resolve(region).region().code();
        access.requireRegion("region", regionCode, Role.PLANNER);
        PolicyTarget target = settable(code);
        if (change == null || change.value() == null || !Double.isFinite(change.value())) {
            throw new InvalidRequestException("value", "请填写目标值 (a value is required)");
        }
        double value = change.value();
        double max = target.unit().equals("%") ? 100 : target.unit().equals("min") ? MAX_WALK_MINUTES : 10_000;
        if (!(value > 0) || value > max || target.unit().equals("min") && value != Math.rint(value)) {
            throw new InvalidRequestException("value", "目标值须大于 0 且不超过 " + (int) max + (target.unit().equals("min") ? "（整分钟）" : "")
                    + " (the value must be above 0 and at most " + (int) max + " " + target.unit() + ")");
        }
        String setBy = change.setBy() == null ? "" : change.setBy().strip();
        if (setBy.isEmpty() || setBy.length() > 200) {
            throw new InvalidRequestException("setBy", "请写明由谁设定（最多 200 字）(say who sets it, at most 200 characters)");
        }
        String note = change.note() == null || change.note().isBlank() ? null : change.note().strip();
        if (note != null && note.length() > 1000) {
            throw new InvalidRequestException("note", "说明最多 1000 字 (the note is at most 1000 characters)");
        }
        RegionTarget saved = new RegionTarget(regionCode, target.code(), value, setBy, note,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
        Compliance.TargetInUse before = inUse(regionCode).stream().filter(t -> t.code().equals(target.code())).findFirst().orElse(null);
        regionTargets.save(saved);
        audit.record(AuditLog.Entity.TARGET, regionCode + "/" + target.code(), "SET", access.actor(), regionCode, before, saved);
        return inUse(regionCode).stream().filter(t -> t.code().equals(target.code())).findFirst().orElseThrow();
    }

    /** Drops the region's own value: the default applies again. */
    @Transactional
    public void reset(String region, String code) {
        String regionCode = scope.resolve(region).region().code();
        access.requireRegion("region", regionCode, Role.PLANNER);
        PolicyTarget target = settable(code);
        Compliance.TargetInUse before = inUse(regionCode).stream().filter(t -> t.code().equals(target.code())).findFirst().orElse(null);
        if (regionTargets.delete(regionCode, target.code())) {
            audit.record(AuditLog.Entity.TARGET, regionCode + "/" + target.code(), "RESET", access.actor(), regionCode, before, null);
        } else {
            throw new NotFoundException("本区域未设定目标 " + target.code() + "，已在使用默认值 (the region has no own value for this target)");
        }
    }

    private PolicyTarget settable(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!settableCodes().contains(c)) {
            throw new InvalidRequestException("code", "目标代码“" + (c.length() > 40 ? c.substring(0, 40) + "…" : c) + "”不能设定；可设定："
                    + String.join(", ", settableCodes().stream().sorted().toList()) + " (not a target the compliance table uses)");
        }
        return defaults.find(c).orElseThrow(() -> new IllegalStateException("policy-targets.csv lacks " + c));
    }
}
