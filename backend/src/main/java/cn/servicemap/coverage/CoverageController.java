package cn.servicemap.coverage;

import cn.servicemap.catalog.CatalogParams;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.network.BoundingBox;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.region.RegionScope;
import cn.servicemap.stations.AccessFilter;
import cn.servicemap.stations.StationFeatures;
import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coverage of the stations on the road network: the report, service-area bands, catchments and gaps
 * (/api/coverage…), the nearest stations by travel time (/api/nearest) and what-ifs (/api/whatif).
 * Profiles, bands, coordinate systems and boxes arrive parsed (see {@code system.RequestValues} and {@link Bands}).
 */
@RestController
class CoverageController {

    private static final String REGION = "The region's code (区域代码); may be left out while the instance holds one region";

    private static final String GEOJSON = "application/geo+json";
    private static final String PROFILE = "WALK (步行), EBIKE (电动自行车) or CAR (驾车)";
    private static final String BANDS = "Band limits in minutes, ascending, 1–6 of 1–120, e.g. 5,10,15; default the configured bands";
    private static final String KINDS = "Only stations of these kinds (codes or Chinese names, comma-separated)";

    /** How a band layer is drawn. */
    enum BandForm {
        /** each band is everything within its time */
        nested,
        /** bands do not overlap: each from the previous band's time */
        rings
    }

    private final CoverageService coverage;
    private final WhatIfs whatIfs;
    private final CatalogParams params;
    private final StationFeatures stationFeatures;
    private final Clock clock;
    private final RegionScope scope;

    private final cn.servicemap.catalog.HolidayCalendars calendars;
    private final CoverageLayers layers;

    CoverageController(CoverageService coverage, WhatIfs whatIfs, CatalogParams params, StationFeatures stationFeatures,
                       Clock clock, RegionScope scope, cn.servicemap.catalog.HolidayCalendars calendars,
                       CoverageLayers layers) {
        this.layers = layers;
        this.calendars = calendars;
        this.scope = scope;
        this.coverage = coverage;
        this.whatIfs = whatIfs;
        this.params = params;
        this.stationFeatures = stationFeatures;
        this.clock = clock;
    }

    @Operation(summary = "Coverage report per district and for the region (覆盖率报告)",
            description = "People and road-km within each band of the nearest open station, mean and 90th-percentile travel time, "
                    + "stations per 10,000 people, and which part of each district the road network covers.")
    @GetMapping("/api/coverage")
    CoverageResponses.Report report(@Parameter(description = PROFILE) @RequestParam(defaultValue = "WALK") TravelProfile profile,
            @Parameter(description = WhatIfs.DEMAND) @RequestParam(required = false) String demand,
            @Parameter(description = REGION) @RequestParam(required = false) String region,
                                    @Parameter(description = BANDS) @RequestParam(required = false) Bands bands,
                                    @Parameter(description = KINDS) @RequestParam(required = false) List<String> kind,
                                    @Parameter(description = WhatIfs.SERVICES) @RequestParam(required = false) List<String> service,
            @Parameter(description = "Only stations open right now") @RequestParam(defaultValue = "false") boolean openNow,
            @Parameter(description = WhatIfs.AT) @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime at) {
        java.time.LocalDateTime moment = whatIfs.moment(openNow, at);
        CoverageService.State state = whatIfs.state(region, profile, bands, kind, service, moment, demand);
        return CoverageResponses.report(state, state.coverage()).at(moment, calendars.noteFor(moment).orElse(null));
    }

    @Operation(summary = "交叉覆盖 per district: people within each band of two or more stations",
            description = "The 双15 goal that key urban areas reach more than one station: the trip to the second-nearest station "
                    + "(another one) within the band, over the same people as the coverage report.")
    @GetMapping("/api/coverage/cross")
    CoverageResponses.Cross cross(@Parameter(description = PROFILE) @RequestParam(defaultValue = "WALK") TravelProfile profile,
            @Parameter(description = WhatIfs.DEMAND) @RequestParam(required = false) String demand,
            @Parameter(description = REGION) @RequestParam(required = false) String region,
            @Parameter(description = BANDS) @RequestParam(required = false) Bands bands,
            @Parameter(description = KINDS) @RequestParam(required = false) List<String> kind,
            @Parameter(description = WhatIfs.SERVICES) @RequestParam(required = false) List<String> service,
            @Parameter(description = WhatIfs.AT) @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime at) {
        CoverageService.State state = whatIfs.state(region, profile, bands, kind, service, at, demand);
        return CoverageResponses.cross(state, coverage.cross(state));
    }

    @Operation(summary = "Coverage by hour of the week (按小时覆盖): 7 × 24 hours of people and road-km within the band of an open station, per district",
            description = "Each hour counts the stations open at its start, by their opening hours and the holiday calendar; computed "
                    + "incrementally from hour to hour (only the stations that open or close change). cross=true adds 交叉覆盖 (slower).")
    @GetMapping("/api/coverage/week")
    CoverageResponses.Week week(@Parameter(description = PROFILE) @RequestParam(defaultValue = "WALK") TravelProfile profile,
            @Parameter(description = WhatIfs.DEMAND) @RequestParam(required = false) String demand,
            @Parameter(description = REGION) @RequestParam(required = false) String region,
            @Parameter(description = "The band in minutes (服务圈), 1–120") @RequestParam(defaultValue = "15") @Min(1) @Max(120) int minutes,
            @Parameter(description = "Any day of the week wanted, e.g. 2026-12-07; default this week") @RequestParam(required = false)
            @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
            java.time.LocalDate week,
            @Parameter(description = KINDS) @RequestParam(required = false) List<String> kind,
            @Parameter(description = WhatIfs.SERVICES) @RequestParam(required = false) List<String> service,
            @Parameter(description = "Also count 交叉覆盖 (two or more stations within the band) for every hour")
            @RequestParam(defaultValue = "false") boolean cross) {
        long started = System.nanoTime();
        java.time.LocalDate monday = (week == null ? java.time.LocalDate.now(clock) : week)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        CoverageService.State all = whatIfs.state(region, profile, new Bands(List.of(minutes)), kind, service, null, demand);
        cn.servicemap.gis.coverage.WeekCoverage w = coverage.week(all, monday, cross, calendars.current());
        int withoutHours = (int) all.sources().stream().filter(p -> p.openingHours() == null).count();
        String note = calendars.noteFor(monday.atStartOfDay()).or(() -> calendars.noteFor(monday.plusDays(6).atStartOfDay())).orElse(null);
        return CoverageResponses.week(all, w, withoutHours, note, (System.nanoTime() - started) / 1e6);
    }

    @Operation(summary = "Service-area bands as GeoJSON polygons (服务圈)",
            description = "form=nested: each band is everything within its time; form=rings: no overlaps between bands.")
    @GetMapping(value = "/api/coverage/bands", produces = {GEOJSON, "application/json"})
    CoverageResponses.Features<CoverageResponses.BandProperties> bands(
            @Parameter(description = PROFILE) @RequestParam(defaultValue = "WALK") TravelProfile profile,
            @Parameter(description = REGION) @RequestParam(required = false) String region,
            @Parameter(description = BANDS) @RequestParam(required = false) Bands bands,
            @Parameter(description = KINDS) @RequestParam(required = false) List<String> kind,
            @Parameter(description = WhatIfs.SERVICES) @RequestParam(required = false) List<String> service,
            @RequestParam(defaultValue = "false") boolean openNow,
            @Parameter(description = WhatIfs.AT) @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime at,
            @Parameter(description = "nested or rings") @RequestParam(defaultValue = "nested") BandForm form,
            @Parameter(description = "Only draw within minLon,minLat,maxLon,maxLat (WGS84), at most "
                    + CoverageLimits.MAX_WINDOW_DEGREES + "° each way") @RequestParam(required = false) BoundingBox bbox) {
        return layers.bands(new CoverageLayers.Selection(region, profile, bands, kind, service, whatIfs.moment(openNow, at), null),
                form == BandForm.rings, CoverageLimits.window(bbox, "bbox"));
    }

    @Operation(summary = "Per-station catchments: where each station is the nearest, within the largest band (服务范围)")
    @GetMapping(value = "/api/coverage/catchments", produces = {GEOJSON, "application/json"})
    CoverageResponses.Features<CoverageResponses.CatchmentProperties> catchments(
            @Parameter(description = PROFILE) @RequestParam(defaultValue = "WALK") TravelProfile profile,
            @Parameter(description = REGION) @RequestParam(required = false) String region,
            @Parameter(description = BANDS) @RequestParam(required = false) Bands bands,
            @Parameter(description = KINDS) @RequestParam(required = false) List<String> kind,
            @Parameter(description = WhatIfs.SERVICES) @RequestParam(required = false) List<String> service,
            @RequestParam(defaultValue = "false") boolean openNow,
            @Parameter(description = WhatIfs.AT) @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime at) {
        CoverageService.State state = whatIfs.state(region, profile, bands, kind, service, whatIfs.moment(openNow, at), null);
        return CoverageResponses.catchments(state, coverage.serviceAreas(state, null).catchments());
    }

    @Operation(summary = "Gaps (服务缺口): connected areas outside the band, ranked by the people in them, with the best street point for a new station")
    @GetMapping(value = "/api/coverage/gaps", produces = {GEOJSON, "application/json"})
    CoverageResponses.Features<CoverageResponses.GapProperties> gaps(
            @Parameter(description = PROFILE) @RequestParam(defaultValue = "WALK") TravelProfile profile,
            @Parameter(description = REGION) @RequestParam(required = false) String region,
            @Parameter(description = BANDS) @RequestParam(required = false) Bands bands,
            @Parameter(description = "The band the gaps are outside of; default the largest") @RequestParam(required = false) Integer minutes,
            @Parameter(description = KINDS) @RequestParam(required = false) List<String> kind,
            @Parameter(description = WhatIfs.SERVICES) @RequestParam(required = false) List<String> service,
            @RequestParam(defaultValue = "false") boolean openNow,
            @Parameter(description = WhatIfs.AT) @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime at,
            @Parameter(description = "How many gaps, largest first") @RequestParam(defaultValue = "10") @Min(1) @Max(CoverageLimits.MAX_GAPS) int limit,
            @Parameter(description = WhatIfs.DEMAND) @RequestParam(required = false) String demand) {
        return layers.gaps(new CoverageLayers.Selection(region, profile, bands, kind, service, whatIfs.moment(openNow, at), demand), minutes, limit);
    }

    @Operation(summary = "The nearest open stations by travel time, with minutes, metres and the route (最近的驿站)",
            description = "Filtered by kind, service and open-now. The position may be WGS84 (GPS) or GCJ-02 (AMap).")
    @GetMapping("/api/nearest")
    CoverageResponses.Nearest nearest(@Parameter(description = "Longitude, -180..180") @RequestParam double lon,
                                      @Parameter(description = "Latitude, -90..90") @RequestParam double lat,
                                      @Parameter(description = "WGS84 (GPS), GCJ02 (高德/腾讯), BD09 (百度) or CGCS2000") @RequestParam(defaultValue = "WGS84") CoordinateSystem crs,
                                      @Parameter(description = PROFILE) @RequestParam(defaultValue = "WALK") TravelProfile profile,
            @Parameter(description = REGION) @RequestParam(required = false) String region,
                                      @Parameter(description = "How many stations") @RequestParam(defaultValue = "5") @Min(1) @Max(CoverageLimits.MAX_NEAREST) int k,
                                      @Parameter(description = KINDS) @RequestParam(required = false) List<String> kind,
                                      @Parameter(description = "Only stations offering every one of these services") @RequestParam(required = false) List<String> service,
                                      @RequestParam(defaultValue = "false") boolean openNow,
            @Parameter(description = WhatIfs.AT) @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime at,
            @Parameter(description = AccessFilter.ACCESS) @RequestParam(required = false) List<String> access,
            @Parameter(description = AccessFilter.STEP_FREE) @RequestParam(required = false) Boolean stepFree) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> kinds = params.kinds(kind, "kind", errors);
        Set<String> services = params.services(service, "service", errors);
        AccessFilter entry = AccessFilter.of(access, stepFree, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        RegionScope.Scope where = scope.resolve(region);
        CoverageService.Placed placed = coverage.nearest(where.region(), where.filterCode(), lon, lat, crs, profile, k, kinds,
                services, whatIfs.moment(openNow, at), entry);
        CoverageService.State state = placed.stations();
        CoverageResponses.Origin from = new CoverageResponses.Origin(placed.snap().queryLon(), placed.snap().queryLat(),
                CoverageResponses.round(placed.snap().lon(), 7), CoverageResponses.round(placed.snap().lat(), 7),
                CoverageResponses.round(placed.snap().distanceInMeters(), 1), state.region().network().edgeName(placed.snap().edge()));
        LocalDateTime now = at != null ? at : LocalDateTime.now(clock); // each station open or not at the moment asked
        var stations = stationFeatures.features(placed.found().stream().map(CoverageService.Found::station).toList(), now);
        List<CoverageResponses.Found> found = new ArrayList<>();
        for (int i = 0; i < placed.found().size(); i++) {
            CoverageService.Found f = placed.found().get(i);
            found.add(new CoverageResponses.Found(f.station().id(), CoverageResponses.round(f.route().minutes(), 1),
                    Math.round(f.route().distanceInMeters()), f.route().route(), stations.get(i)));
        }
        return new CoverageResponses.Nearest(CoverageResponses.region(state.region()), profile, profile.chineseLabel(),
                state.dataVersion(), from, found, calendars.noteFor(whatIfs.moment(openNow, at)).orElse(null));
    }

    @Operation(summary = "What-if (假设分析): add, move, close or reopen stations and get the new report and the difference, without saving anything",
            description = "changes: [{op: add, lon, lat}, {op: move, stationId, lon, lat}, {op: close, stationId}, {op: reopen, stationId}], "
                    + "applied in order; a station closed by an earlier change must be reopened before it is moved or closed again. "
                    + "Updated incrementally from the cached coverage of the stored stations.")
    @PostMapping("/api/whatif")
    CoverageResponses.WhatIf whatIf(@RequestBody WhatIfs.Request body) {
        return whatIfs.evaluate(body);
    }
}
