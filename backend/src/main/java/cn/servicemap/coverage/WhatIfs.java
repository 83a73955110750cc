package cn.servicemap.coverage;

import cn.servicemap.catalog.CatalogParams;
import cn.servicemap.gis.network.BoundingBox;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.region.RegionScope;
import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A what-if as the API answers it (POST /api/whatif, and a saved scenario when it is opened): the new
 * report, the difference to the stored stations, where added, moved or reopened stations landed on the street
 * network, optionally the new bands, and how long the incremental update took.
 */
@Component
public class WhatIfs {

    /** The body of POST /api/whatif; a saved scenario holds the same. */
    @Schema(description = "A what-if (假设分析): changes tried on the coverage of the stored stations, nothing saved")
    public record Request(@Schema(description = "The region's code; may be left out while the instance holds one region", nullable = true)
                          String region,
                          @Schema(description = "WALK (步行), EBIKE (电动自行车) or CAR (驾车); default WALK", nullable = true) TravelProfile profile,
                          @Schema(nullable = true) Bands bands,
                          @Schema(description = "Only stations of these kinds (codes or Chinese names)", nullable = true) List<String> kinds,
                          @Schema(nullable = true) Boolean openNow,
                          @Schema(description = "Applied in order, at most " + CoverageLimits.MAX_CHANGES) List<StationChange> changes,
                          @Schema(description = "Also answer the new bands as rings", nullable = true) Boolean includeBands,
                          @Schema(description = "Draw the bands only within minLon,minLat,maxLon,maxLat", nullable = true, type = "string",
                                  example = "118.77,32.03,118.79,32.05") BoundingBox bbox,
                          @Schema(description = "Also answer 交叉覆盖 after the changes (one more search of the network)", nullable = true)
                          Boolean includeCross,
                          @Schema(description = "Only stations open at this local time count, e.g. 2026-12-05T23:00; overrides openNow",
                                  nullable = true) java.time.LocalDateTime at,
                          @Schema(description = "Only stations offering every one of these services count", nullable = true)
                          List<String> services,
                          @Schema(description = "Whom to count: residents (default), riders, sanitation or drivers", nullable = true)
                          String demand) {
    }

    /** The {@code service} parameter of the coverage endpoints. */
    static final String SERVICES = "Only stations offering every one of these services (codes or Chinese names, comma-separated), e.g. "
            + "EBIKE_CHARGING,MICROWAVE (提供这些服务的站点)";

    /** The {@code demand} parameter of the coverage endpoints. */
    static final String DEMAND = "Whom to count (需求): residents (常住人口, default), riders (外卖/快递骑手: food and retail outlets, parcel "
            + "points), sanitation (环卫工人: the streets they sweep) or drivers (货车/网约车司机: fuel and charging, truck parking, logistics "
            + "land; use profile=CAR) — each a surface on the same cells, built from the region's OSM data, its method in the report — "
            + "or the id of a surface uploaded at POST /api/demands";

    /**
     * The demand named: a worker group by code or Chinese name (null or blank: residents), or an uploaded surface by its
     * id ({@code 12} or {@code upload:12}) — as the key {@link DemandSurfaces} knows; another is a field error.
     */
    static String demand(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return DemandSurfaces.RESIDENTS;
        }
        String v = value.strip();
        java.util.regex.Matcher upload = java.util.regex.Pattern.compile("(?i)(?:upload:)?(\\d{1,18})").matcher(v);
        if (upload.matches()) {
            return DemandSurfaces.UPLOAD + upload.group(1);
        }
        for (cn.servicemap.gis.population.DemandKind k : cn.servicemap.gis.population.DemandKind.values()) {
            if (k != cn.servicemap.gis.population.DemandKind.CUSTOM && (k.name().equalsIgnoreCase(v) || k.labelZh().contains(v))) {
                return k.name();
            }
        }
        String known = "residents, riders, sanitation, drivers, or the id of an uploaded surface";
        errors.add(new FieldError("demand", "没有这种需求：“" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "”；可选 " + known
                + " (no such demand; use " + known + ")", "INVALID"));
        return null;
    }

    /** The {@code at} parameter of the coverage endpoints. */
    static final String AT = "Only stations open at this local time in the region's time zone, e.g. 2026-12-05T23:00 (某一时刻开放的站点); "
            + "overrides openNow";

    private final CoverageService coverage;
    private final CatalogParams params;
    private final RegionScope scope;
    private final java.time.Clock clock;

    WhatIfs(CoverageService coverage, CatalogParams params, RegionScope scope, java.time.Clock clock) {
        this.coverage = coverage;
        this.params = params;
        this.scope = scope;
        this.clock = clock;
    }

    /** The moment whose open stations count: {@code at}, else now when asked for open now, else none (every open station). */
    java.time.LocalDateTime moment(boolean openNow, java.time.LocalDateTime at) {
        return at != null ? at : openNow ? java.time.LocalDateTime.now(clock) : null;
    }

    public CoverageResponses.WhatIf evaluate(Request body) {
        BoundingBox window = CoverageLimits.window(body.bbox(), "bbox");
        CoverageService.State base = state(body.region(), body.profile(), body.bands(), body.kinds(), body.services(),
                moment(Boolean.TRUE.equals(body.openNow()), body.at()), body.demand());
        boolean cross = Boolean.TRUE.equals(body.includeCross());
        WhatIfComputation.Result result = cross ? coverage.whatIfWithCross(base, body.changes()) : coverage.whatIf(base, body.changes());
        CoverageService.State after = result.after();
        List<Integer> bands = base.coverage().bandMinutes();
        List<CoverageResponses.Placed> placed = placed(base, result);
        return new CoverageResponses.WhatIf(CoverageResponses.region(base.region()), base.profile(), base.profile().chineseLabel(),
                base.dataVersion(), CoverageResponses.round(result.computedInMillis(), 2),
                CoverageResponses.report(after, after.coverage()),
                CoverageResponses.delta(cn.servicemap.gis.coverage.CoverageComparison.compare(after.coverage(), base.coverage()), bands),
                placed,
                Boolean.TRUE.equals(body.includeBands())
                        ? CoverageResponses.bands(after, coverage.serviceAreas(after, window).rings(), true) : null,
                cross ? CoverageResponses.cross(after, result.crossAfter().report()) : null);
    }

    /** Where the what-if's added, moved or reopened stations landed, in order. */
    static List<CoverageResponses.Placed> placed(CoverageService.State base, WhatIfComputation.Result result) {
        List<CoverageResponses.Placed> placed = new ArrayList<>();
        for (Snap s : result.placed()) {
            placed.add(new CoverageResponses.Placed(CoverageResponses.round(s.lon(), 7), CoverageResponses.round(s.lat(), 7),
                    base.region().network().edgeName(s.edge())));
        }
        return placed;
    }

    /**
     * The state of a selection as the coverage endpoints read it: stations of these kinds (any), offering every one of
     * these services, open at the moment (null: every open station), counting the demand named (null: residents);
     * unknown kinds, services and demands are field errors; profile default WALK.
     */
    CoverageService.State state(String region, TravelProfile profile, Bands bands, List<String> kind, List<String> service,
                                java.time.LocalDateTime openAt, String demand) {
        RegionScope.Scope where = scope.resolve(region);
        List<FieldError> errors = new ArrayList<>();
        Set<String> kinds = params.kinds(kind, "kind", errors);
        Set<String> services = params.services(service, "service", errors);
        String whom = demand(demand, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return coverage.state(where.region(), profile == null ? TravelProfile.WALK : profile,
                new CoverageService.StationSelection(kinds, services, openAt, where.filterCode(), whom), bands);
    }

    /** The data version coverage is computed at now (the audit trail's last event). */
    public long dataVersion() {
        return coverage.dataVersion();
    }
}
