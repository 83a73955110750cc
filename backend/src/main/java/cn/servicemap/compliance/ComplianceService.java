package cn.servicemap.compliance;

import cn.servicemap.coverage.CoverageFigures;
import cn.servicemap.coverage.StationChange;
import cn.servicemap.districts.RegionIndex;
import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.gis.catalog.StationKind;
import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.stations.StationStatus;
import cn.servicemap.region.RegionScope;
import cn.servicemap.stations.ServicePoint;
import cn.servicemap.stations.StationFilter;
import cn.servicemap.stations.StationService;
import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The compliance table of a region now, or after a list of station changes (a scenario, a siting result): the coverage
 * of the outdoor-worker stations on foot within the walk-time target and its 交叉覆盖 (from {@link CoverageFigures}), and
 * the open stations per district counted from the registry with the changes applied; see {@link ComplianceTable}.
 *
 * <p>Changes to outdoor-worker stations (an added station without a kind counts as one) go into the coverage what-if,
 * checked by its rules; changes to other kinds only change the counts.
 */
@Service
public class ComplianceService {

    /** The kind the service circle counts (户外劳动者服务站点). */
    static final String OUTDOOR_STATION = "OUTDOOR_STATION";

    private final CoverageFigures figures;
    private final TargetService targets;
    private final StationService stations;
    private final StationCatalog catalog;
    private final RegionIndex districts;
    private final RegionScope scope;

    ComplianceService(CoverageFigures figures, TargetService targets, StationService stations, StationCatalog catalog,
                      RegionIndex districts, RegionScope scope) {
        this.figures = figures;
        this.targets = targets;
        this.stations = stations;
        this.catalog = catalog;
        this.districts = districts;
        this.scope = scope;
    }

    /** A compliance table with the coverage figures it was made from. */
    public record Assessment(Compliance compliance, CoverageFigures.Figures figures) {
    }

    /**
     * What the service circle of a compliance table counts: the stations open at {@code openAt} (null: every open station)
     * offering every one of {@code services} (null or empty: any), and the people of {@code demand} (null: residents) —
     * e.g. the walk-time target at 23:00 for sanitation workers, from stations with a toilet. The station counts per
     * district are not narrowed: they are the targets' own measures (open stations of each kind).
     */
    public record Basis(java.time.LocalDateTime openAt, String demand, List<String> services) {
        /** Every open station, residents. */
        public static final Basis ALL = new Basis(null, null, null);

        boolean narrowed() {
            return openAt != null || demand != null || services != null && !services.isEmpty();
        }
    }

    public Compliance current(String region) {
        return current(region, Basis.ALL);
    }

    /** The compliance table now on a {@link Basis}. */
    public Compliance current(String region, Basis basis) {
        return assess(region, List.of(), basis).compliance();
    }

    /** The compliance table and figures after the changes, in order (none: now); a change that does not fit is a 400 naming it. */
    public Assessment assess(String region, List<StationChange> changes) {
        return assess(region, changes, Basis.ALL);
    }

    private Assessment assess(String region, List<StationChange> changes, Basis basis) {
        java.time.LocalDateTime openAt = basis.openAt();
        RegionScope.Scope where = scope.resolve(region);
        Map<String, Compliance.TargetInUse> inUse = new LinkedHashMap<>();
        for (Compliance.TargetInUse t : targets.inUse(where.region().code())) {
            inUse.put(t.code(), t);
        }
        Compliance.TargetInUse walkTarget = inUse.get(TargetService.WALK_TIME);
        int walk = walkTarget == null || walkTarget.value() == null ? 15 : (int) Math.round(walkTarget.value());
        Map<Long, ServicePoint> registry = new HashMap<>();
        for (ServicePoint p : stations.find(new StationFilter(Set.of(), Set.of(), null, null, null,
                Set.of(StationStatus.values()), where.filterCode()))) {
            registry.put(p.id(), p);
        }
        List<StationChange> outdoor = new ArrayList<>();
        List<Integer> index = new ArrayList<>(); // position of each in the caller's list, to name a refused one
        List<StationChange> all = changes == null ? List.of() : changes;
        for (int i = 0; i < all.size(); i++) {
            StationChange c = all.get(i);
            // an unknown station goes to the what-if too, which refuses it by name
            if (c == null || !(c instanceof StationChange.Add) && !registry.containsKey(c.stationId())
                    || OUTDOOR_STATION.equals(kindOf(c, registry))) {
                outdoor.add(c);
                index.add(i);
            }
        }
        CoverageFigures.Figures f;
        try {
            f = figures.of(where.region().code(), TravelProfile.WALK, walk, List.of(OUTDOOR_STATION), basis.services(), outdoor, openAt,
                    basis.demand());
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(e.errors().stream().map(err -> renumber(err, index)).toList());
        }
        String kindName = catalog.resolveKind(OUTDOOR_STATION).map(StationKind::nameZh).orElse(OUTDOOR_STATION);
        return new Assessment(ComplianceTable.build(new ComplianceTable.Inputs(f.report(), f.cross(), counts(registry, changes), inUse, walk, kindName,
                "人口为路网覆盖部分的估算人口，与覆盖率报告一致；服务圈与交叉覆盖只计" + kindName + "；站点数只计开放站点。"
                        + "标为“未核实”的目标未见原始文件，或为本系统的默认值，请按本地规划设定。"
                        + " (People are the estimated people of the part each district's road network covers, as in the coverage "
                        + "report; only open stations count; targets marked unverified were not seen in a source document or are "
                        + "this system's defaults: set the region's own.)"
                        + (openAt == null ? "" : " 服务圈只计 " + openAt + " 开放的站点 (only stations open at " + openAt + " count).")
                        + (f.report().stations() == null || basis.services() == null || basis.services().isEmpty() ? ""
                        : " 服务圈只计提供所选服务的站点（" + f.report().stations().counted() + " 个），站点数仍计全部开放站点 (the service "
                        + "circle counts only the " + f.report().stations().counted() + " stations offering the chosen services; the "
                        + "station counts are of every open station).")
                        + (f.report().demand().code().equals("RESIDENTS") ? "" : " 服务对象：" + f.report().demand().name() + "，"
                        + f.report().demand().unit() + " (counting " + f.report().demand().code().toLowerCase(java.util.Locale.ROOT) + ")."))), f);
    }

    /** {@code changes[k]…} of the what-if's list as the caller's {@code changes[index[k]]…}. */
    private static FieldError renumber(FieldError e, List<Integer> index) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^changes\\[(\\d+)]").matcher(e.field() == null ? "" : e.field());
        if (!m.find()) {
            return e;
        }
        int k = Integer.parseInt(m.group(1));
        return k < index.size() ? new FieldError("changes[" + index.get(k) + "]" + e.field().substring(m.end()), e.reason(), e.code()) : e;
    }

    /** The kind a change is about: the added station's (outdoor when it names none), or the registry station's. */
    private String kindOf(StationChange c, Map<Long, ServicePoint> registry) {
        if (c instanceof StationChange.Add add) {
            return add.kind() == null || add.kind().isBlank() ? OUTDOOR_STATION
                    : catalog.resolveKind(add.kind()).map(StationKind::code).orElse(add.kind());
        }
        ServicePoint p = c == null ? null : registry.get(c.stationId());
        return p == null ? null : p.kind();
    }

    /** Open stations per district and kind group, from the registry with the changes applied in order. */
    private Map<String, ComplianceTable.Counts> counts(Map<Long, ServicePoint> registry, List<StationChange> changes) {
        Set<String> integrated = catalog.kinds().stream().filter(StationKind::integratedPoint).map(StationKind::code)
                .collect(Collectors.toSet());
        Map<String, int[]> perDistrict = new HashMap<>();
        Map<Long, String> openIn = new HashMap<>(); // station id → district where it is open now
        for (ServicePoint p : registry.values()) {
            if (p.status() == StationStatus.OPEN && p.adcode() != null) {
                openIn.put(p.id(), p.adcode());
                add(perDistrict, p.adcode(), p.kind(), integrated, 1);
            }
        }
        for (StationChange c : changes == null ? List.<StationChange>of() : changes) {
            if (c instanceof StationChange.Add add) {
                String kind = kindOf(c, registry);
                locate(add.lon(), add.lat(), add.crs()).ifPresent(d -> add(perDistrict, d, kind, integrated, 1));
                continue;
            }
            ServicePoint p = registry.get(c.stationId());
            if (p == null) {
                continue;
            }
            String was = openIn.get(p.id());
            if (c instanceof StationChange.Close && was != null) {
                add(perDistrict, was, p.kind(), integrated, -1);
                openIn.remove(p.id());
            } else if (c instanceof StationChange.Reopen && was == null && p.adcode() != null) {
                add(perDistrict, p.adcode(), p.kind(), integrated, 1);
                openIn.put(p.id(), p.adcode());
            } else if (c instanceof StationChange.Move move && was != null) {
                add(perDistrict, was, p.kind(), integrated, -1);
                openIn.remove(p.id());
                locate(move.lon(), move.lat(), move.crs()).ifPresent(d -> {
                    add(perDistrict, d, p.kind(), integrated, 1);
                    openIn.put(p.id(), d);
                });
            }
        }
        Map<String, ComplianceTable.Counts> out = new HashMap<>();
        perDistrict.forEach((d, n) -> out.put(d, new ComplianceTable.Counts(n[0], n[1], n[2])));
        return out;
    }

    private java.util.Optional<String> locate(Double lon, Double lat, cn.servicemap.gis.crs.CoordinateSystem crs) {
        if (lon == null || lat == null) {
            return java.util.Optional.empty();
        }
        LonLat wgs = ChinaCoordinates.toWgs84(crs, lon, lat);
        return districts.locator().locate(wgs.lon(), wgs.lat());
    }

    private static void add(Map<String, int[]> perDistrict, String adcode, String kind, Set<String> integrated, int sign) {
        int[] n = perDistrict.computeIfAbsent(adcode, k -> new int[3]);
        if (OUTDOOR_STATION.equals(kind)) {
            n[0] += sign;
        }
        if ("CULTURAL_PALACE".equals(kind)) {
            n[1] += sign;
        }
        if (integrated.contains(kind)) {
            n[2] += sign;
        }
    }
}
