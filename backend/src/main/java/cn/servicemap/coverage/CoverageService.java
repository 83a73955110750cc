package cn.servicemap.coverage;

import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.AccessUpdate;
import cn.servicemap.gis.access.MultiSourceSearch;
import cn.servicemap.gis.access.NearestStation;
import cn.servicemap.gis.access.NearestStations;
import cn.servicemap.gis.access.ServiceAreaOptions;
import cn.servicemap.gis.access.ServiceAreas;
import cn.servicemap.gis.coverage.Coverage;
import cn.servicemap.gis.coverage.CoverageComparison;
import cn.servicemap.gis.coverage.CoverageDelta;
import cn.servicemap.gis.coverage.CoverageGaps;
import cn.servicemap.gis.coverage.CoverageModel;
import cn.servicemap.gis.coverage.Gap;
import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.stations.StationStatus;
import cn.servicemap.stations.ServicePoint;
import cn.servicemap.stations.StationFeatures;
import cn.servicemap.stations.StationFilter;
import cn.servicemap.stations.StationRepository;
import cn.servicemap.stations.StationService;
import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.ServiceMapProperties;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Service;

/**
 * Coverage of the stored stations on the region's road network: one multi-source search per profile and
 * station selection gives every street node its time to the nearest open station; from it come the
 * report, the service-area bands, catchments and gaps. Results are cached per data version (the audit
 * trail's last event), so any change to a station makes the next request compute afresh.
 * What-ifs start from the cached state and update it incrementally, never touching stored data.
 */
@Service
public class CoverageService {

    private static final int MAX_CACHED = 24;

    /** Which stations count: open ones, optionally of some kinds only, optionally only those open right now. */
    public record StationSelection(Set<String> kinds, boolean openNow) {
        public StationSelection {
            kinds = Set.copyOf(kinds);
        }
    }

    /** A station that could not be used as it is, and why. */
    public record FlaggedStation(long stationId, String name, String problem, String reason, Double distanceInMeters,
                                 boolean used) {
    }

    /** The computed coverage of one selection on one profile at one data version. */
    record State(RegionNetwork region, TravelProfile profile, StationSelection selection, long dataVersion,
                 List<ServicePoint> sources, List<Snap> snaps, List<FlaggedStation> flagged, Coverage coverage) {
        AccessField field() {
            return coverage.field();
        }
    }

    private record Key(TravelProfile profile, StationSelection selection, List<Integer> bands, long dataVersion) {
    }

    private final RegionNetworks networks;
    private final StationService stations;
    private final StationRepository repository;
    private final StationFeatures features;
    private final ServiceMapProperties.Network settings;
    private final Clock clock;
    private final Map<Key, State> cache = new ConcurrentHashMap<>();
    private final Map<String, NearestStations> nearestIndexes = new ConcurrentHashMap<>();

    CoverageService(RegionNetworks networks, StationService stations, StationRepository repository, StationFeatures features,
                    ServiceMapProperties properties, Clock clock) {
        this.networks = networks;
        this.stations = stations;
        this.repository = repository;
        this.features = features;
        this.settings = properties.network();
        this.clock = clock;
    }

    public long dataVersion() {
        return repository.dataVersion();
    }

    /** The bands to use: the given ones checked, or the configured defaults. */
    public List<Integer> bands(List<Integer> requested) {
        List<Integer> bands = requested == null || requested.isEmpty() ? settings.bandsInMinutes() : requested;
        if (bands.size() > 6) {
            throw new InvalidRequestException("bands", "最多 6 个时间圈 (at most 6 bands)");
        }
        for (int i = 0; i < bands.size(); i++) {
            int b = bands.get(i);
            if (b < 1 || b > 120 || (i > 0 && b <= bands.get(i - 1))) {
                throw new InvalidRequestException("bands", "时间圈应为 1–120 分钟且递增，如 5,10,15 (bands must ascend within 1..120 minutes)");
            }
        }
        return List.copyOf(bands);
    }

    State state(TravelProfile profile, StationSelection selection, List<Integer> bands) {
        RegionNetwork region = networks.require();
        long version = repository.dataVersion();
        Key key = new Key(profile, selection, bands, version);
        State cached = cache.get(key);
        if (cached != null && cached.region() == region) {
            return cached;
        }
        State fresh = compute(region, profile, selection, bands, version);
        if (cache.size() >= MAX_CACHED) {
            cache.keySet().removeIf(k -> k.dataVersion() < version);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        cache.put(key, fresh);
        return fresh;
    }

    private State compute(RegionNetwork region, TravelProfile profile, StationSelection selection, List<Integer> bands, long version) {
        CoverageModel model = region.model(profile);
        RoadNetwork network = region.network();
        LocalDateTime now = LocalDateTime.now(clock);
        List<ServicePoint> chosen = stations.find(new StationFilter(selection.kinds(), Set.of(), null, null, null,
                Set.of(StationStatus.OPEN)));
        List<ServicePoint> sources = new ArrayList<>();
        List<Snap> snaps = new ArrayList<>();
        List<FlaggedStation> flagged = new ArrayList<>();
        for (ServicePoint p : chosen) {
            if (selection.openNow() && !Boolean.TRUE.equals(features.openNow(p, now))) {
                continue;
            }
            Snap s = network.snap(profile, p.lon(), p.lat(), settings.stationSnapInMeters());
            if (!s.isSnapped()) {
                flagged.add(new FlaggedStation(p.id(), p.name(), "TOO_FAR_FROM_ROAD",
                        "距离最近的" + profile.chineseLabel() + "道路 " + Math.round(s.distanceInMeters()) + " 米，未计入覆盖 (farther than "
                                + Math.round(settings.stationSnapInMeters()) + " m from any road; not counted)",
                        Double.isFinite(s.distanceInMeters()) ? s.distanceInMeters() : null, false));
                continue;
            }
            if (s.isOnSmallComponent()) {
                flagged.add(new FlaggedStation(p.id(), p.name(), "ISOLATED_NETWORK_PIECE",
                        "站点位于与主路网不连通的小片路网上（" + s.component().edgeCount() + " 段路，"
                                + Math.round(s.component().lengthInMeters()) + " 米），只覆盖这一小片 (on a small piece of network cut off from the rest)",
                        s.distanceInMeters(), true));
            }
            sources.add(p);
            snaps.add(s);
        }
        int limit = Math.max(settings.searchLimitInMinutes(), bands.get(bands.size() - 1)) * 60;
        AccessField field = new MultiSourceSearch(network, profile, limit).run(snaps);
        Coverage coverage = Coverage.compute(model, field, bands);
        return new State(region, profile, selection, version, List.copyOf(sources), List.copyOf(snaps), List.copyOf(flagged), coverage);
    }

    /** Service-area bands (nested or as rings) and catchments of a state, optionally limited to a window. */
    ServiceAreas serviceAreas(State state, Envelope window) {
        ServiceAreaOptions options = ServiceAreaOptions.defaults()
                .withBands(state.coverage().bandMinutes().stream().map(m -> m * 60).toList());
        if (window != null) {
            options = options.withWindow(new cn.servicemap.gis.network.BoundingBox(window.getMinX(), window.getMinY(), window.getMaxX(), window.getMaxY()));
        }
        return ServiceAreas.build(state.field(), options);
    }

    List<Gap> gaps(State state, int bandIndex, int limit) {
        return CoverageGaps.find(state.coverage(), bandIndex, limit, 1, 16);
    }

    /** One station found by travel time from the worker's position. */
    public record Found(ServicePoint station, NearestStation route) {
    }

    /** The worker's position as placed on the street network. */
    public record Placed(Snap snap, List<Found> found, long dataVersion, RegionNetwork region) {
    }

    /**
     * The {@code k} stations nearest by travel time, among open stations matching the filter.
     *
     * @param crs the system of lon/lat (a phone's GPS gives WGS84; AMap's locator GCJ-02)
     */
    Placed nearest(double lon, double lat, CoordinateSystem crs, TravelProfile profile, int k, Set<String> kinds,
                   Set<String> services, boolean openNow) {
        RegionNetwork region = networks.require();
        List<FieldError> errors = new ArrayList<>();
        if (!(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90)) {
            errors.add(new FieldError("lon", "经纬度超出范围 (lon/lat out of range)", "OUT_OF_RANGE"));
        }
        if (k < 1 || k > 20) {
            errors.add(new FieldError("k", "k 应在 1 到 20 之间 (k must be within 1..20)", "OUT_OF_RANGE"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        LonLat wgs = ChinaCoordinates.toWgs84(crs, lon, lat);
        RoadNetwork network = region.network();
        Snap from = network.snapToMainComponent(profile, wgs.lon(), wgs.lat(), settings.querySnapInMeters());
        if (!from.isSnapped()) {
            throw new InvalidRequestException("lon", "该位置距离最近的" + profile.chineseLabel() + "道路超过 "
                    + Math.round(settings.querySnapInMeters()) + " 米，或不在本区域路网内 (the position is farther than "
                    + Math.round(settings.querySnapInMeters()) + " m from any road of the region)");
        }
        State all = state(profile, new StationSelection(Set.of(), false), bands(null));
        NearestStations index = nearestIndexes.computeIfAbsent(profile + "@" + all.dataVersion() + "@" + System.identityHashCode(region),
                key -> {
                    nearestIndexes.keySet().removeIf(old -> old.startsWith(profile + "@") && !old.equals(key));
                    return new NearestStations(network, profile, all.snaps());
                });
        LocalDateTime now = LocalDateTime.now(clock);
        Predicate<ServicePoint> wanted = p -> (kinds.isEmpty() || kinds.contains(p.kind()))
                && p.services().containsAll(services)
                && (!openNow || Boolean.TRUE.equals(features.openNow(p, now)));
        List<NearestStation> routes = index.find(from, k, settings.searchLimitInMinutes() * 60,
                i -> wanted.test(all.sources().get(i)));
        List<Found> found = routes.stream().map(r -> new Found(all.sources().get(r.sourceIndex()), r)).toList();
        return new Placed(from, found, all.dataVersion(), region);
    }

    /**
     * One change of a what-if: {@code add} (lon, lat), {@code move} (stationId, lon, lat) or {@code close}
     * (stationId). {@code name} and {@code kind} of an added station matter only when a saved scenario is applied.
     */
    public record Change(String op, Long stationId, Double lon, Double lat, String crs, String name, String kind) {
    }

    /** The outcome of a what-if: the new coverage, its difference to the stored stations', and how long it took. */
    record WhatIf(State baseline, Coverage coverage, CoverageDelta delta, List<Snap> addedOrMoved, double computedInMillis) {
    }

    WhatIf whatIf(TravelProfile profile, StationSelection selection, List<Integer> bands, List<Change> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new InvalidRequestException("changes", "至少需要一项变更 (at least one change is required)");
        }
        if (changes.size() > 50) {
            throw new InvalidRequestException("changes", "一次最多 50 项变更 (at most 50 changes)");
        }
        State base = state(profile, selection, bands);
        long started = System.nanoTime();
        RoadNetwork network = base.region().network();
        Map<Long, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < base.sources().size(); i++) {
            indexOf.put(base.sources().get(i).id(), i);
        }
        List<Snap> snaps = new ArrayList<>(base.snaps());
        Coverage coverage = base.coverage();
        List<Snap> placed = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            String at = "changes[" + i + "]";
            String op = c.op() == null ? "" : c.op().trim().toLowerCase();
            AccessUpdate update;
            int touchedBefore = -1;
            int touchedAfter = -1;
            switch (op) {
                case "add" -> {
                    Snap s = place(network, profile, c, at);
                    update = coverage.field().withSourceAdded(s);
                    snaps.add(s);
                    placed.add(s);
                    touchedAfter = s.edge();
                }
                case "move" -> {
                    int index = sourceIndex(indexOf, c, at);
                    Snap s = place(network, profile, c, at);
                    touchedBefore = snaps.get(index).edge();
                    update = coverage.field().withSourceMoved(index, s);
                    snaps.set(index, s);
                    placed.add(s);
                    touchedAfter = s.edge();
                }
                case "close" -> {
                    int index = sourceIndex(indexOf, c, at);
                    if (snaps.get(index) == null) {
                        throw new InvalidRequestException(at + ".stationId", "该站点在本方案中已关闭 (already closed in this what-if)");
                    }
                    touchedBefore = snaps.get(index).edge();
                    update = coverage.field().withSourceRemoved(index);
                    snaps.set(index, null);
                }
                default -> throw new InvalidRequestException(at + ".op", "变更类型应为 add、move 或 close (op must be add, move or close)");
            }
            coverage = coverage.apply(update, touchedBefore, touchedAfter);
        }
        CoverageDelta delta = CoverageComparison.compare(coverage, base.coverage());
        return new WhatIf(base, coverage, delta, placed, (System.nanoTime() - started) / 1e6);
    }

    private Snap place(RoadNetwork network, TravelProfile profile, Change c, String at) {
        if (c.lon() == null || c.lat() == null || !(Math.abs(c.lon()) <= 180) || !(Math.abs(c.lat()) <= 90)) {
            throw new InvalidRequestException(at + ".lon", "需要有效的经纬度 (lon and lat are required)");
        }
        CoordinateSystem crs;
        try {
            crs = c.crs() == null || c.crs().isBlank() ? CoordinateSystem.WGS84 : CoordinateSystem.parse(c.crs());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(at + ".crs", e.getMessage());
        }
        LonLat wgs = ChinaCoordinates.toWgs84(crs, c.lon(), c.lat());
        Snap s = network.snapToMainComponent(profile, wgs.lon(), wgs.lat(), settings.stationSnapInMeters());
        if (!s.isSnapped()) {
            throw new InvalidRequestException(at + ".lon", "该位置距离道路超过 " + Math.round(settings.stationSnapInMeters())
                    + " 米，不能作为站点 (farther than " + Math.round(settings.stationSnapInMeters()) + " m from any road)");
        }
        return s;
    }

    private static int sourceIndex(Map<Long, Integer> indexOf, Change c, String at) {
        if (c.stationId() == null) {
            throw new InvalidRequestException(at + ".stationId", "需要站点编号 (stationId is required)");
        }
        Integer index = indexOf.get(c.stationId());
        if (index == null) {
            throw new InvalidRequestException(at + ".stationId", "站点 #" + c.stationId()
                    + " 不在当前计算的开放站点中 (station is not among the open stations of this selection)");
        }
        return index;
    }
}
