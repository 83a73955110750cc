package cn.servicemap.standards;

import cn.servicemap.gis.standards.FacilityStandard;
import cn.servicemap.gis.standards.StarScheme;
import cn.servicemap.region.RegionScope;
import cn.servicemap.security.Access;
import cn.servicemap.security.Role;
import cn.servicemap.system.AuditLog;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checklist and star scheme each region measures its stations by: the seed's first ones until a planner of the region
 * chooses others, recorded (and audited) with who chose them, why and when — as a region sets its own targets.
 */
@Service
public class StandardChoices {

    /** What applies to a region, and its recorded choice (null when it chose none). */
    public record InUse(FacilityStandard standard, StarScheme scheme, RegionStandard chosen) {
    }

    private final FacilityStandards seeds;
    private final RegionStandardRepository choices;
    private final RegionScope scope;
    private final Access access;
    private final AuditLog audit;
    private final Clock clock;

    StandardChoices(FacilityStandards seeds, RegionStandardRepository choices, RegionScope scope, Access access, AuditLog audit,
                    Clock clock) {
        this.seeds = seeds;
        this.choices = choices;
        this.scope = scope;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public InUse inUse(String regionCode) {
        return inUse(choices.find(regionCode).orElse(null));
    }

    /** What applies to each district's stations (read once): by adcode; null or a district of no choice → the defaults. */
    public Function<String, InUse> byAdcode() {
        Map<String, RegionStandard> chosen = choices.byAdcode();
        InUse defaults = inUse((RegionStandard) null);
        return adcode -> adcode == null || !chosen.containsKey(adcode) ? defaults : inUse(chosen.get(adcode));
    }

    /** The region's choice with everything it may choose from. */
    public StandardViews.Choice choice(String region) {
        String code = scope.resolve(region).region().code();
        InUse in = inUse(code);
        RegionStandard c = in.chosen();
        return new StandardViews.Choice(code, StandardViews.Standard.of(in.standard()), StandardViews.Scheme.of(in.scheme()), c != null,
                c == null ? null : c.setBy(), c == null ? null : c.note(), c == null ? null : c.setAt(),
                seeds.standards().stream().map(StandardViews.Standard::of).toList(),
                seeds.schemes().stream().map(StandardViews.Scheme::of).toList());
    }

    /** Chooses the region's checklist (and star scheme); 400 naming the field for an unknown code, 403 outside the planner's region. */
    @Transactional
    public StandardViews.Choice set(String region, StandardViews.Change change) {
        String code = scope.resolve(region).region().code();
        access.requireRegion("region", code, Role.PLANNER);
        StandardViews.Change c = change.checked();
        FacilityStandard standard = seeds.standard(c.standard()).orElseThrow(() -> new InvalidRequestException("standard",
                "没有代码为“" + shortened(c.standard()) + "”的标准；可选：" + codes(seeds.standards().stream().map(FacilityStandard::code))
                        + " (no such standard)"));
        InUse before = inUse(code);
        StarScheme scheme = c.starScheme() == null ? before.scheme() : seeds.scheme(c.starScheme()).orElseThrow(() ->
                new InvalidRequestException("starScheme", "没有代码为“" + shortened(c.starScheme()) + "”的星级标准；可选："
                        + codes(seeds.schemes().stream().map(StarScheme::code)) + " (no such star scheme)"));
        RegionStandard saved = new RegionStandard(code, standard.code(), scheme.code(), c.setBy(), c.note(),
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
        choices.save(saved);
        audit.record(AuditLog.Entity.STANDARD, code, "SET", access.actor(), code, before.chosen(), saved);
        return choice(code);
    }

    /** Drops the region's choice: the defaults apply again. */
    @Transactional
    public void reset(String region) {
        String code = scope.resolve(region).region().code();
        access.requireRegion("region", code, Role.PLANNER);
        RegionStandard before = choices.find(code)
                .orElseThrow(() -> new NotFoundException("本区域未选择标准，已在使用默认标准 (the region chose no standard)"));
        choices.delete(code);
        audit.record(AuditLog.Entity.STANDARD, code, "RESET", access.actor(), code, before, null);
    }

    private InUse inUse(RegionStandard chosen) {
        if (chosen == null) {
            return new InUse(seeds.defaultStandard(), seeds.defaultScheme(), null);
        }
        // a code a later seed dropped falls back to the default rather than failing every station list
        return new InUse(seeds.standard(chosen.standardCode()).orElse(seeds.defaultStandard()),
                seeds.scheme(chosen.starScheme()).orElse(seeds.defaultScheme()), chosen);
    }

    private static String codes(java.util.stream.Stream<String> codes) {
        return String.join(", ", codes.toList());
    }

    private static String shortened(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
