package cn.servicemap.coverage;

import cn.servicemap.gis.hours.HolidayCalendar;
import cn.servicemap.gis.coverage.WeekCoverage;
import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.MultiSourceSearch;
import cn.servicemap.gis.access.NearestStation;
import cn.servicemap.gis.access.NearestStations;
import cn.servicemap.gis.access.ServiceAreaOptions;
import cn.servicemap.gis.access.ServiceAreas;
import cn.servicemap.gis.coverage.Coverage;
import cn.servicemap.gis.coverage.CrossCoverage;
import cn.servicemap.gis.coverage.CrossCoverageState;
import cn.servicemap.gis.access.TwoNearestSearch;
import cn.servicemap.gis.coverage.CoverageGaps;
import cn.servicemap.gis.coverage.CoverageModel;
import cn.servicemap.gis.coverage.Gap;
import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.network.BoundingBox;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.stations.StationStatus;
import cn.servicemap.gis.districts.CensusRecord;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.region.Region;
import java.util.Map;
import cn.servicemap.stations.ServicePoint;
import cn.servicemap.stations.StationFeatures;
import cn.servicemap.stations.StationFilter;
import cn.servicemap.stations.StationRepository;
import cn.servicemap.stations.StationService;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.ServiceMapProperties;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * Coverage of the stored stations on the region's road network: one multi-source search per profile and
 * station selection gives every street node its time to the nearest open station; from it come the
 * report, the service-area bands, catchments and gaps. States are cached per data version (the audit
 * trail's last event) in {@link CoverageCache}, so any change to a station makes the next request compute
 * afresh. What-ifs start from the cached state and update it incrementally ({@link WhatIfComputation}),
 * never touching stored data.
 */
@Service
public class CoverageService {

    /**
     * Which stations count: open ones, optionally of some kinds only, optionally only those open right now, and
     * those of one region's districts when the instance holds several ({@code regionCode}, else null).
     */
    public record StationSelection(Set<String> kinds, Set<String> services, LocalDateTime openAt, String regionCode, String demand) {
        public StationSelection {
            demand = demand == null ? DemandSurfaces.RESIDENTS : demand;
            kinds = Set.copyOf(kinds);
            services = Set.copyOf(services);
        }
    }

    /**
     * What a state counts: the stations (the selection's kinds, services and region, and when it asks for a moment the
     * stations open then, by id, ascending) and whom (the demand: residents, or a worker group on the same cells). What
     * a state is cached by: two moments with the same open stations share one state, and "open now" is recomputed when
     * a station opens or closes, not every minute.
     *
     * @param openIds null when the selection does not ask for a moment (every open station counts, whatever its hours)
     */
    record Counted(Set<String> kinds, Set<String> services, String regionCode, long[] openIds, String demand) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Counted c && kinds.equals(c.kinds) && services.equals(c.services)
                    && java.util.Objects.equals(regionCode, c.regionCode) && java.util.Arrays.equals(openIds, c.openIds)
                    && java.util.Objects.equals(demand, c.demand);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(kinds, services, regionCode, demand) * 31 + java.util.Arrays.hashCode(openIds);
        }

        @Override
        public String toString() {
            return "Counted[" + kinds + ", " + services + ", " + regionCode + ", "
                    + (openIds == null ? "all" : openIds.length + " open") + ", " + demand + "]";
        }

        boolean counts(ServicePoint p) {
            return openIds == null || java.util.Arrays.binarySearch(openIds, p.id()) >= 0;
        }
    }

    /** A station that could not be used as it is, and why. */
    public record FlaggedStation(long stationId, String name, String problem, String reason, Double distanceInMeters,
                                 boolean used) {
    }

    /**
     * The computed coverage of one selection on one profile at one data version.
     *
     * @param sources the stations by source index of the coverage's field; a what-if's added stations have none
     */
    record State(RegionNetwork region, TravelProfile profile, Counted selection, long dataVersion,
                 List<ServicePoint> sources, List<Snap> snaps, List<FlaggedStation> flagged, Coverage coverage) {

        AccessField field() {
            return coverage.field();
        }

        /** The station of a source index, or null (a station added in a what-if). */
        ServicePoint station(int sourceIndex) {
            return sourceIndex < sources.size() ? sources.get(sourceIndex) : null;
        }

        String adcodeOfSource(int sourceIndex) {
            ServicePoint p = station(sourceIndex);
            return p == null ? null : p.adcode();
        }
    }

    private final RegionNetworks networks;
    private final StationService stations;
    private final StationRepository repository;
    private final StationFeatures features;
    private final CoverageCache cache;
    private final ServiceMapProperties.Network settings;
    private final Clock clock;
    private final DemandSurfaces demands;

    CoverageService(RegionNetworks networks, StationService stations, StationRepository repository, StationFeatures features,
                    CoverageCache cache, ServiceMapProperties properties, Clock clock, DemandSurfaces demands) {
        this.demands = demands;
        this.networks = networks;
        this.stations = stations;
        this.repository = repository;
        this.features = features;
        this.cache = cache;
        this.settings = properties.network();
        this.clock = clock;
    }

    public long dataVersion() {
        return repository.dataVersion();
    }

    /** A region's network built from an import's files, ready to serve once the import's data are committed. */
    public static final class PreparedNetwork {
        private final RegionNetwork network;

        private PreparedNetwork(RegionNetwork network) {
            this.network = network;
        }

        public int edges() {
            return network.network().edgeCount();
        }
    }

    /**
     * Builds a region's road network (the GraphHopper import of a new OSM file happens here), population surface and
     * coverage models from an import's districts and census, while the region's current version keeps serving: a
     * bad file fails the import, not the region.
     */
    public PreparedNetwork prepare(Region region, List<DistrictBoundary> boundaries, Map<String, CensusRecord> census) {
        try {
            return new PreparedNetwork(networks.build(region, boundaries, census));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new NetworkUnavailableException("路网构建失败 (the road network could not be built: " + e.getMessage() + ")", e);
        }
    }

    /** Serves the prepared network for the region as committed (its record as now stored). */
    public void install(PreparedNetwork prepared, Region committed) {
        RegionNetwork n = prepared.network;
        networks.install(new RegionNetwork(committed, networks.nextLoad(), n.network(), n.surface(), n.models()));
    }

    /** The given bands, or the configured defaults. */
    List<Integer> bands(Bands requested) {
        return requested == null ? new Bands(settings.bandsInMinutes()).minutes() : requested.minutes();
    }

    State state(Region where, TravelProfile profile, StationSelection selection, Bands bands) {
        RegionNetwork region = networks.require(where);
        long version = repository.dataVersion();
        List<Integer> minutes = bands(bands);
        Counted counted = new Counted(selection.kinds(), selection.services(), selection.regionCode(), null, selection.demand());
        if (selection.openAt() != null) { // the stations open then: unknown hours count as closed, as in "open now"
            counted = new Counted(selection.kinds(), selection.services(), selection.regionCode(), candidates(counted).stream()
                    .filter(p -> Boolean.TRUE.equals(features.openNow(p, selection.openAt()))).mapToLong(ServicePoint::id).sorted().toArray(),
                    selection.demand());
        }
        Counted key = counted;
        return cache.state(CoverageCache.Key.of(region, version, profile, key, minutes), () -> compute(region, profile, key, minutes, version));
    }

    /** The region's loaded network (waiting for a load under way), e.g. to put an uploaded demand on its cells. */
    RegionNetwork network(Region where) {
        return networks.require(where);
    }

    /** The open stations of the selection's kinds, services (each of them) and region, whatever their hours. */
    private List<ServicePoint> candidates(Counted selection) {
        return stations.find(new StationFilter(selection.kinds(), selection.services(), null, null, null, Set.of(StationStatus.OPEN),
                selection.regionCode()));
    }

    private State compute(RegionNetwork region, TravelProfile profile, Counted selection, List<Integer> bands, long version) {
        CoverageModel model = demands.model(region, profile, selection.demand());
        RoadNetwork network = region.network();
        List<ServicePoint> chosen = candidates(selection);
        List<ServicePoint> sources = new ArrayList<>();
        List<Snap> snaps = new ArrayList<>();
        List<FlaggedStation> flagged = new ArrayList<>();
        for (ServicePoint p : chosen) {
            if (!selection.counts(p)) {
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

    /**
     * Coverage by hour of the week (按小时覆盖) of the selection's stations within one band: the stations of the state
     * (every open station, snapped as for coverage) with their opening hours and the holiday calendar, counted
     * incrementally from hour to hour ({@link WeekCoverage}); unknown hours count as closed. Cached per data version,
     * week, band and calendar.
     */
    WeekCoverage week(State all, LocalDate monday, boolean cross, HolidayCalendar calendar) {
        int minutes = all.coverage().bandMinutes().get(0);
        String variant = "week " + monday + (cross ? " cross " : " ") + calendar.hashCode();
        return cache.week(CoverageCache.Key.of(all.region(), all.dataVersion(), all.profile(), all.selection(), List.of(minutes))
                .variant(variant), () -> {
            List<WeekCoverage.Station> stations = new ArrayList<>();
            for (int i = 0; i < all.sources().size(); i++) {
                stations.add(new WeekCoverage.Station(all.snaps().get(i), features.openingHours(all.sources().get(i))));
            }
            return WeekCoverage.compute(all.coverage().model(), minutes * 60, stations, monday, calendar, minutes, cross);
        });
    }

    /** 交叉覆盖 of a state: people and road-km reaching two or more stations within each band (cached with the state). */
    CrossCoverage cross(State state) {
        return crossState(state).report();
    }

    /**
     * 交叉覆盖 of a stored state as a whole (the two nearest stations of every node and place), cached with the state: a
     * what-if updates it change by change ({@link WhatIfComputation}) instead of searching again.
     */
    CrossCoverageState crossState(State state) {
        return cache.cross(CoverageCache.Key.of(state.region(), state.dataVersion(), state.profile(), state.selection(),
                state.coverage().bandMinutes()), () -> {
            int limit = state.field().timeLimitInMillis() / 1000;
            TwoNearestSearch.Result two = new TwoNearestSearch(state.region().network(), state.profile(), limit).run(state.field().sources());
            return CrossCoverageState.compute(state.coverage().model(), two, state.coverage().bandMinutes());
        });
    }

    /** Service-area bands (nested or as rings) and catchments of a state, optionally limited to a window. */
    ServiceAreas serviceAreas(State state, BoundingBox window) {
        ServiceAreaOptions options = ServiceAreaOptions.defaults()
                .withBands(state.coverage().bandMinutes().stream().map(m -> m * 60).toList());
        if (window != null) {
            options = options.withWindow(window);
        }
        return ServiceAreas.build(state.field(), options);
    }

    /** The gaps outside band {@code bandIndex}, largest first, each with the best of 16 street points for a new station. */
    List<Gap> gaps(State state, int bandIndex, int limit) {
        return CoverageGaps.find(state.coverage(), bandIndex, limit, 1, 16);
    }

    /** One station found by travel time from the worker's position. */
    record Found(ServicePoint station, NearestStation route) {
    }

    /** The worker's position as placed on the street network. */
    record Placed(Snap snap, List<Found> found, State stations) {
    }

    /**
     * The {@code k} stations nearest by travel time, among open stations matching the filter.
     *
     * @param crs the system of lon/lat (a phone's GPS gives WGS84; AMap's locator GCJ-02)
     */
    Placed nearest(Region where, String regionFilter, double lon, double lat, CoordinateSystem crs, TravelProfile profile, int k,
                   Set<String> kinds, Set<String> services, LocalDateTime openAt, cn.servicemap.stations.AccessFilter access) {
        if (!(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90)) {
            throw new InvalidRequestException("lon", "经纬度超出范围 (lon/lat out of range)");
        }
        State all = state(where, profile, new StationSelection(Set.of(), Set.of(), null, regionFilter, null), null);
        RoadNetwork network = all.region().network();
        LonLat wgs = ChinaCoordinates.toWgs84(crs, lon, lat);
        Snap from = network.snapToMainComponent(profile, wgs.lon(), wgs.lat(), settings.querySnapInMeters());
        if (!from.isSnapped()) {
            throw new InvalidRequestException("lon", "该位置距离最近的" + profile.chineseLabel() + "道路超过 "
                    + Math.round(settings.querySnapInMeters()) + " 米，或不在本区域路网内 (the position is farther than "
                    + Math.round(settings.querySnapInMeters()) + " m from any road of the region)");
        }
        NearestStations index = cache.nearest(CoverageCache.Key.of(all.region(), all.dataVersion(), profile, all.selection(),
                all.coverage().bandMinutes()), () -> new NearestStations(network, profile, all.snaps()));
        Predicate<ServicePoint> wanted = p -> (kinds.isEmpty() || kinds.contains(p.kind()))
                && p.services().containsAll(services)
                && access.test(p)
                && (openAt == null || Boolean.TRUE.equals(features.openNow(p, openAt)));
        List<NearestStation> routes = index.find(from, k, settings.searchLimitInMinutes() * 60,
                i -> wanted.test(all.sources().get(i)));
        return new Placed(from, routes.stream().map(r -> new Found(all.sources().get(r.sourceIndex()), r)).toList(), all);
    }

    /** The changes tried on the cached state of the selection, in order; nothing is stored. */
    WhatIfComputation.Result whatIf(State base, List<StationChange> changes) {
        return new WhatIfComputation(base, null, settings.stationSnapInMeters(), repository::findById).run(changes);
    }

    /** As {@link #whatIf}, updating 交叉覆盖 along (the what-if's {@code crossAfter}). */
    WhatIfComputation.Result whatIfWithCross(State base, List<StationChange> changes) {
        return new WhatIfComputation(base, crossState(base), settings.stationSnapInMeters(), repository::findById).run(changes);
    }
}
