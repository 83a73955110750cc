package cn.servicemap.coverage;

import cn.servicemap.catalog.CatalogParams;
import cn.servicemap.districts.RegionIndex;
import cn.servicemap.gis.access.ServiceAreas;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.stations.StationFeatures;
import cn.servicemap.system.BoundingBoxParam;
import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coverage of the stations on the road network: the report, service-area bands, catchments and gaps
 * (/api/coverage…), the nearest stations by travel time (/api/nearest) and what-ifs (/api/whatif).
 */
@RestController
class CoverageController {

    private static final String GEOJSON = "application/geo+json";

    private final CoverageService coverage;
    private final WhatIfs whatIfs;
    private final CatalogParams params;
    private final StationFeatures stationFeatures;
    private final RegionIndex regionIndex;
    private final Clock clock;

    CoverageController(CoverageService coverage, WhatIfs whatIfs, CatalogParams params, StationFeatures stationFeatures,
                       RegionIndex regionIndex, Clock clock) {
        this.coverage = coverage;
        this.whatIfs = whatIfs;
        this.params = params;
        this.stationFeatures = stationFeatures;
        this.regionIndex = regionIndex;
        this.clock = clock;
    }

    @Operation(summary = "Coverage report per district and for the region",
            description = "People and road-km within each band of the nearest open station, mean and 90th-percentile travel time, "
                    + "stations per 10,000 people, and which part of each district the road network covers.")
    @GetMapping("/api/coverage")
    Map<String, Object> report(@Parameter(description = "WALK (步行), EBIKE (电动自行车) or CAR (驾车)") @RequestParam(defaultValue = "WALK") String profile,
                               @Parameter(description = "Minutes, ascending, e.g. 5,10,15") @RequestParam(required = false) List<Integer> bands,
                               @Parameter(description = "Only stations of these kinds") @RequestParam(required = false) List<String> kind,
                               @Parameter(description = "Only stations open right now") @RequestParam(defaultValue = "false") boolean openNow) {
        CoverageService.State state = state(profile, bands, kind, openNow);
        return CoverageResponses.report(state, state.coverage());
    }

    @Operation(summary = "Service-area bands as GeoJSON polygons",
            description = "form=nested: each band is everything within its time; form=rings: no overlaps between bands.")
    @GetMapping(value = "/api/coverage/bands", produces = {GEOJSON, "application/json"})
    Map<String, Object> bands(@RequestParam(defaultValue = "WALK") String profile,
                              @RequestParam(required = false) List<Integer> bands,
                              @RequestParam(required = false) List<String> kind,
                              @RequestParam(defaultValue = "false") boolean openNow,
                              @RequestParam(defaultValue = "nested") String form,
                              @Parameter(description = "Only draw within minLon,minLat,maxLon,maxLat") @RequestParam(required = false) String bbox) {
        List<FieldError> errors = new ArrayList<>();
        Envelope window = BoundingBoxParam.parse(bbox, "bbox", errors);
        boolean rings = switch (form) {
            case "rings" -> true;
            case "nested" -> false;
            default -> {
                errors.add(new FieldError("form", "form 应为 nested 或 rings (form must be nested or rings)", "BAD_VALUE"));
                yield false;
            }
        };
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        CoverageService.State state = state(profile, bands, kind, openNow);
        ServiceAreas areas = coverage.serviceAreas(state, window);
        return CoverageResponses.bands(CoverageResponses.header(state.region(), state.profile(), state.dataVersion()),
                rings ? areas.rings() : areas.nested(), rings);
    }

    @Operation(summary = "Per-station catchments: where each station is the nearest (within the largest band)")
    @GetMapping(value = "/api/coverage/catchments", produces = {GEOJSON, "application/json"})
    Map<String, Object> catchments(@RequestParam(defaultValue = "WALK") String profile,
                                   @RequestParam(required = false) List<Integer> bands,
                                   @RequestParam(required = false) List<String> kind,
                                   @RequestParam(defaultValue = "false") boolean openNow) {
        CoverageService.State state = state(profile, bands, kind, openNow);
        return CoverageResponses.catchments(CoverageResponses.header(state.region(), state.profile(), state.dataVersion()),
                coverage.serviceAreas(state, null).catchments(), state.sources());
    }

    @Operation(summary = "Gaps: connected areas outside the band, ranked by the people in them, with the best street point for a new station")
    @GetMapping(value = "/api/coverage/gaps", produces = {GEOJSON, "application/json"})
    Map<String, Object> gaps(@RequestParam(defaultValue = "WALK") String profile,
                             @RequestParam(required = false) List<Integer> bands,
                             @Parameter(description = "The band the gaps are outside of; default the largest") @RequestParam(required = false) Integer minutes,
                             @RequestParam(required = false) List<String> kind,
                             @RequestParam(defaultValue = "false") boolean openNow,
                             @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > 100) {
            throw new InvalidRequestException("limit", "limit 应在 1 到 100 之间 (limit must be within 1..100)");
        }
        CoverageService.State state = state(profile, bands, kind, openNow);
        List<Integer> stateBands = state.coverage().bandMinutes();
        int index = minutes == null ? stateBands.size() - 1 : stateBands.indexOf(minutes);
        if (index < 0) {
            throw new InvalidRequestException("minutes", "minutes 须是 bands 之一 " + stateBands + " (minutes must be one of the bands)");
        }
        Map<String, String> names = new HashMap<>();
        state.coverage().model().districtAdcodes().forEach(a -> regionIndex.districtName(a).ifPresent(n -> names.put(a, n)));
        return CoverageResponses.gaps(CoverageResponses.header(state.region(), state.profile(), state.dataVersion()),
                coverage.gaps(state, index, limit), names);
    }

    @Operation(summary = "The nearest open stations by travel time, with minutes, metres and the route",
            description = "Filtered by kind, service and open-now. The position may be WGS84 (GPS) or GCJ-02 (AMap).")
    @GetMapping("/api/nearest")
    Map<String, Object> nearest(@RequestParam double lon, @RequestParam double lat,
                                @RequestParam(defaultValue = "WGS84") String crs,
                                @RequestParam(defaultValue = "WALK") String profile,
                                @RequestParam(defaultValue = "5") int k,
                                @RequestParam(required = false) List<String> kind,
                                @RequestParam(required = false) List<String> service,
                                @RequestParam(defaultValue = "false") boolean openNow) {
        List<FieldError> errors = new ArrayList<>();
        TravelProfile travel = profile(profile, errors);
        Set<String> kinds = params.kinds(kind, "kind", errors);
        Set<String> services = params.services(service, "service", errors);
        CoordinateSystem system = null;
        try {
            system = CoordinateSystem.parse(crs);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("crs", e.getMessage(), "BAD_CRS"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        CoverageService.Placed placed = coverage.nearest(lon, lat, system, travel, k, kinds, services, openNow);
        Map<String, Object> out = CoverageResponses.header(placed.region(), travel, placed.dataVersion());
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("lon", placed.snap().queryLon());
        from.put("lat", placed.snap().queryLat());
        from.put("snappedLon", CoverageResponses.round(placed.snap().lon(), 7));
        from.put("snappedLat", CoverageResponses.round(placed.snap().lat(), 7));
        from.put("distanceToRoadInMeters", CoverageResponses.round(placed.snap().distanceInMeters(), 1));
        from.put("street", placed.region().network().edgeName(placed.snap().edge()));
        out.put("from", from);
        LocalDateTime now = LocalDateTime.now(clock);
        List<Map<String, Object>> found = new ArrayList<>();
        for (CoverageService.Found f : placed.found()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.station().id());
            m.put("minutes", CoverageResponses.round(f.route().minutes(), 1));
            m.put("meters", Math.round(f.route().distanceInMeters()));
            m.put("route", f.route().route() == null ? null
                    : cn.servicemap.gis.geojson.GeoJsonGeometries.write(f.route().route()));
            m.put("station", stationFeatures.feature(f.station(), now));
            found.add(m);
        }
        out.put("stations", found);
        return out;
    }

    @Operation(summary = "What-if: add, move or close stations and get the new report and the difference, without saving anything",
            description = "changes: [{op: add, lon, lat}, {op: move, stationId, lon, lat}, {op: close, stationId}]. "
                    + "Updated incrementally from the cached coverage of the stored stations.")
    @PostMapping("/api/whatif")
    Map<String, Object> whatIf(@RequestBody WhatIfs.Request body) {
        return whatIfs.evaluate(body);
    }

    private CoverageService.State state(String profile, List<Integer> bands, List<String> kind, boolean openNow) {
        return whatIfs.state(profile, bands, kind, openNow);
    }

    /** WALK/EBIKE/CAR, lower case, or the Chinese label (步行, 电动自行车, 驾车). */
    static TravelProfile profile(String text, List<FieldError> errors) {
        String t = text == null ? "" : text.trim();
        for (TravelProfile p : TravelProfile.values()) {
            if (p.name().equalsIgnoreCase(t) || p.chineseLabel().equals(t) || p.profileName().equalsIgnoreCase(t)) {
                return p;
            }
        }
        if (t.toLowerCase(Locale.ROOT).equals("e-bike") || t.equals("电动车") || t.equals("骑行")) {
            return TravelProfile.EBIKE;
        }
        errors.add(new FieldError("profile", "出行方式应为 WALK（步行）、EBIKE（电动自行车）或 CAR（驾车）"
                + " (profile must be WALK, EBIKE or CAR)", "BAD_PROFILE"));
        return TravelProfile.WALK;
    }
}
