package cn.servicemap.stations;

import cn.servicemap.security.Access;
import cn.servicemap.catalog.CatalogParams;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.network.BoundingBox;
import cn.servicemap.gis.stations.StationStatus;
import cn.servicemap.region.RegionScope;
import cn.servicemap.system.BindingErrors;
import cn.servicemap.system.ConflictException;
import cn.servicemap.system.Feature;
import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.Spreadsheet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service-point registry: GeoJSON out, checked JSON in. Reads are open; each write answers
 * with the new version as a strong ETag, and an update must name the version it read (If-Match
 * or {@code version}), so that of two concurrent edits one wins and the other gets a conflict.
 */
@RestController
@RequestMapping("/api/stations")
class StationController {

    private static final String GEOJSON = "application/geo+json";

    private final StationService stations;
    private final StationRepository repository;
    private final StationFeatures features;
    private final CatalogParams params;
    private final Clock clock;
    private final RegionScope scope;

    private final Access access;

    private final StationTable table;
    private final cn.servicemap.districts.RegionIndex regionIndex;

    StationController(StationService service, StationRepository repository, StationFeatures features,
                      CatalogParams params, Clock clock, RegionScope scope, Access access,
                      cn.servicemap.gis.catalog.StationCatalog catalog, cn.servicemap.districts.RegionIndex regionIndex) {
        this.table = new StationTable(catalog);
        this.regionIndex = regionIndex;
        this.access = access;
        this.scope = scope;
        this.stations = service;
        this.repository = repository;
        this.features = features;
        this.params = params;
        this.clock = clock;
    }

    /** The query of GET /api/stations; every bad parameter is reported, not only the first. */
    record StationQuery(@Parameter(description = "Kind codes or Chinese names") List<String> kind,
                        @Parameter(description = "Service codes or Chinese names; a station must offer all") List<String> service,
                        @Parameter(description = "District adcode") String district,
                        @Parameter(description = "minLon,minLat,maxLon,maxLat (WGS84)", schema = @Schema(type = "string")) BoundingBox bbox,
                        @Parameter(description = "Only stations open now (true) or closed now (false), Asia/Shanghai time, public holidays considered") Boolean openNow,
                        @Parameter(description = "Text in name or address") String q,
                        @Parameter(description = "Statuses; default all but CLOSED") List<String> status,
                        @Parameter(description = "The region's code (区域代码); may be left out while the instance holds one region") String region,
                        @Parameter(description = "Judge open / closed (openNow and each station's openNow) at this local time instead of now, "
                                + "e.g. 2026-12-05T23:00 — a shift that starts later (某时开放)")
                        @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME)
                        LocalDateTime at,
                        @Parameter(description = AccessFilter.ACCESS) List<String> access,
                        @Parameter(description = AccessFilter.STEP_FREE) Boolean stepFree) {
    }

    @Schema(description = "One station as a map draws it: where, what, whether open now (details at /api/stations/{id})")
    record CompactStation(long id, double lon, double lat, String name, String kind, String status,
                          @Schema(description = "true open now, false closed now, null unknown hours", nullable = true) Boolean openNow) {
    }

    @Schema(description = "Stations as a map draws them (紧凑列表): a few fields each, for map windows and phones")
    record CompactStations(int count, long dataVersion, List<CompactStation> stations) {
    }

    @Operation(summary = "List service points in a compact form for maps (站点紧凑列表): the same filters, a few fields each")
    @GetMapping("/compact")
    CompactStations compact(@ParameterObject @ModelAttribute StationQuery query, BindingResult binding) {
        LocalDateTime now = query.at() != null ? query.at() : LocalDateTime.now(clock);
        List<CompactStation> out = new ArrayList<>();
        for (ServicePoint p : find(query, binding, now, false)) {
            out.add(new CompactStation(p.id(), p.lon(), p.lat(), p.name(), p.kind(), p.status().name(), features.openNow(p, now)));
        }
        return new CompactStations(out.size(), repository.dataVersion(), out);
    }

    @Operation(summary = "List service points as a GeoJSON FeatureCollection (服务阵地列表)",
            description = "Filters combine with AND; kind and service may repeat or be comma-separated (a station must offer every service named).")
    @GetMapping(produces = {GEOJSON, "application/json"})
    StationFeatures.StationCollection list(@ParameterObject @ModelAttribute StationQuery query, BindingResult binding) {
        LocalDateTime now = query.at() != null ? query.at() : LocalDateTime.now(clock);
        return features.collection(find(query, binding, now, true), now, repository.dataVersion());
    }

    /** csv or xlsx. */
    enum TableFormat {
        csv, xlsx
    }

    @Operation(summary = "Download the stations as CSV or XLSX (导出站点) with Chinese headers, the same filters as the list",
            description = "One row per station under the headers the station import recognises (名称, 类型, 经度, 纬度 … 进入方式, 有人值守, "
                    + "无障碍进入, 面积), WGS84, with 站点编码 first and 所在区 last: the file goes back in through POST /api/stations/imports.")
    @GetMapping("/export")
    ResponseEntity<byte[]> export(@ParameterObject @ModelAttribute StationQuery query, BindingResult binding,
                                  @Parameter(description = "csv or xlsx") @org.springframework.web.bind.annotation.RequestParam(defaultValue = "xlsx")
                                  TableFormat format) {
        LocalDateTime now = query.at() != null ? query.at() : LocalDateTime.now(clock);
        List<List<Object>> rows = table.rows(find(query, binding, now, true), adcode -> regionIndex.districtName(adcode).orElse(null));
        String name = "stations-" + java.time.LocalDate.now(clock) + "." + format.name();
        return format == TableFormat.csv ? Spreadsheet.download(Spreadsheet.csv(rows), Spreadsheet.CSV, name)
                : Spreadsheet.download(Spreadsheet.xlsx(List.of(new Spreadsheet.Sheet("站点", rows))), Spreadsheet.XLSX, name);
    }

    /** The stations a query asks for; every bad parameter at once as a 400. */
    private List<ServicePoint> find(StationQuery query, BindingResult binding, LocalDateTime now, boolean withServices) {
        List<FieldError> errors = new ArrayList<>(BindingErrors.of(binding));
        BoundingBox bbox = query.bbox();
        StationFilter filter = new StationFilter(params.kinds(query.kind(), "kind", errors), params.services(query.service(), "service", errors),
                query.district() == null || query.district().isBlank() ? null : query.district().trim(),
                bbox == null ? null : new Envelope(bbox.minLon(), bbox.maxLon(), bbox.minLat(), bbox.maxLat()), query.q(),
                statuses(query.status(), errors), scope.resolveIfAny(query.region()).map(RegionScope.Scope::filterCode).orElse(null),
                AccessFilter.of(query.access(), query.stepFree(), errors));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Boolean openNow = query.openNow();
        List<ServicePoint> found = withServices ? stations.find(filter) : stations.findForMap(filter);
        if (openNow != null) {
            found = found.stream().filter(p -> openNow.equals(features.openNow(p, now))).toList();
        }
        return found;
    }

    @Operation(summary = "One service point, with its version as ETag (服务阵地)")
    @GetMapping(value = "/{id}", produces = {GEOJSON, "application/json"})
    ResponseEntity<Feature<StationFeatures.StationProperties>> get(@PathVariable long id) {
        return withEtag(ResponseEntity.ok(), stations.get(id));
    }

    @Operation(summary = "Create a service point (新增站点)", description = "Answers 201 with Location and ETag; 400 lists every field with its reason.")
    @PostMapping(produces = {GEOJSON, "application/json"})
    ResponseEntity<Feature<StationFeatures.StationProperties>> create(@RequestBody StationRequest body) {
        ServicePoint created = stations.create(body.toInput(), crs(body.crs()), access.actor());
        return withEtag(ResponseEntity.created(URI.create("/api/stations/" + created.id())), created);
    }

    @Operation(summary = "Replace a service point (修改站点)",
            description = "Send If-Match: \"<version>\" (412 when stale) or version in the body (409 when stale); without either, 428.")
    @PutMapping(value = "/{id}", produces = {GEOJSON, "application/json"})
    ResponseEntity<Feature<StationFeatures.StationProperties>> update(@PathVariable long id, @RequestBody StationRequest body,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Integer fromHeader = version(ifMatch);
        if (fromHeader == null && body.version() == null) {
            throw new ConflictException(HttpStatus.PRECONDITION_REQUIRED, "version",
                    "修改站点须带上读取时的版本：If-Match 头或 version 字段 (send If-Match or version)");
        }
        int expected = fromHeader != null ? fromHeader : body.version();
        ServicePoint updated = stations.update(id, body.toInput(), crs(body.crs()), expected, fromHeader != null, access.actor());
        return withEtag(ResponseEntity.ok(), updated);
    }

    @io.swagger.v3.oas.annotations.media.Schema(description = "One version of a station in its audit trail (修改记录)")
    record HistoryEntry(int version, String action, java.time.OffsetDateTime at, @io.swagger.v3.oas.annotations.media.Schema(nullable = true) String actor,
                        @io.swagger.v3.oas.annotations.media.Schema(nullable = true) String detail,
                        @io.swagger.v3.oas.annotations.media.Schema(description = "The fields before the change, null for a new station or when not kept",
                                nullable = true) java.util.Map<String, String> before,
                        @io.swagger.v3.oas.annotations.media.Schema(description = "The fields after the change, null when not kept", nullable = true)
                        java.util.Map<String, String> after,
                        @io.swagger.v3.oas.annotations.media.Schema(description = "Whether this version can be restored") boolean restorable) {
    }

    record History(long stationId, int currentVersion, List<HistoryEntry> versions) {
    }

    @Operation(summary = "A station's history (修改记录): who changed what when, each version's fields before and after")
    @GetMapping("/{id}/history")
    History history(@PathVariable long id) {
        ServicePoint p = stations.get(id);
        return new History(id, p.version(), stations.history(id).stream().map(e -> new HistoryEntry(e.version(), e.action(), e.at(), e.actor(),
                e.detail(), e.before() == null ? null : StationSnapshot.read(e.before()), e.after() == null ? null : StationSnapshot.read(e.after()),
                e.after() != null && e.version() != p.version())).toList());
    }

    @Operation(summary = "Restore a station to an earlier version (恢复版本): itself a new, audited version")
    @PostMapping(value = "/{id}/restore", produces = {GEOJSON, "application/json"})
    ResponseEntity<Feature<StationFeatures.StationProperties>> restore(@PathVariable long id, @RequestParam int version) {
        return withEtag(ResponseEntity.ok(), stations.restore(id, version, access.actor()));
    }

    @Operation(summary = "Close a service point, keeping the record (关闭站点)", description = "The record stays, with status CLOSED and the reason.")
    @DeleteMapping(value = "/{id}", produces = {GEOJSON, "application/json"})
    ResponseEntity<Feature<StationFeatures.StationProperties>> close(@PathVariable long id, @RequestParam(required = false) String reason,
                                              @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return withEtag(ResponseEntity.ok(), stations.close(id, reason, version(ifMatch), access.actor()));
    }

    private ResponseEntity<Feature<StationFeatures.StationProperties>> withEtag(ResponseEntity.BodyBuilder builder, ServicePoint p) {
        return builder.eTag("\"" + p.version() + "\"").body(features.feature(p, LocalDateTime.now(clock)));
    }

    /** The version in an If-Match header: "3", W/"3" or 3. */
    private static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "").trim();
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match", "If-Match 应为站点版本号，如 \"3\" (If-Match must be the station version)");
        }
    }

    private static CoordinateSystem crs(CoordinateSystem crs) {
        return crs == null ? CoordinateSystem.WGS84 : crs;
    }

    private static Set<StationStatus> statuses(List<String> values, List<FieldError> errors) {
        Set<StationStatus> out = new LinkedHashSet<>();
        for (String v : CatalogParams.split(values)) {
            StationStatus.parse(v).ifPresentOrElse(out::add,
                    () -> errors.add(new FieldError("status", "未知的状态“" + v + "” (unknown status)", "BAD_STATUS")));
        }
        return out;
    }

}
