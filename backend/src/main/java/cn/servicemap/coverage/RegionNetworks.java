package cn.servicemap.coverage;

import cn.servicemap.districts.District;
import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.districts.DistrictsChanged;
import cn.servicemap.districts.RegionIndex;
import cn.servicemap.gis.coverage.RegionModel;
import cn.servicemap.gis.districts.CensusRecord;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.population.PopulationSurface;
import cn.servicemap.gis.population.PopulationSurfaceStore;
import cn.servicemap.gis.synthetic.SyntheticCity;
import cn.servicemap.region.Region;
import cn.servicemap.region.RegionRepository;
import cn.servicemap.region.RegionStatus;
import cn.servicemap.system.ServiceMapProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Loads each region's road network (GraphHopper import cached on disk per region), its population surface (also kept
 * on disk, {@link PopulationSurfaceStore}) and the per-profile coverage models ({@link RegionModel}) on first use, in the background, and hands the result to every request for that
 * region. Requests arriving while a region loads wait for it; loading one region never blocks requests to another.
 * A failure is reported to the API (503 with the reason) and to /actuator/health. A loaded region is loaded again
 * when its revision moved on (its districts or census changed, or it was imported again, through any instance on
 * the database: the request's region, at most 2 s old, says so).
 *
 * <p>Memory: loaded regions are kept least-recently-used under {@code servicemap.network.memory-budget-mb}; when a load
 * pushes the estimate over the budget, the regions used longest ago are dropped (never the one just loaded) and load
 * again on their next request, and the coverage results computed on them are dropped with them (they would keep the
 * network alive). The estimate is {@value #BYTES_PER_EDGE} bytes per network edge plus {@value #BYTES_PER_CELL} per
 * population cell: the benchmark's metropolis (3 million edges, 1.5 million cells, three profiles) holds 286 MB per
 * million edges with one coverage field, so the estimate leaves a little room for cached results.
 */
@Component
class RegionNetworks implements HealthIndicator, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(RegionNetworks.class);
    private static final long WAIT_SECONDS = 300;
    static final long BYTES_PER_EDGE = 300;
    static final long BYTES_PER_CELL = 120;
    /** Threads of one region load: network and population side by side, then the profiles' models. */
    private static final int LOAD_THREADS = 2;

    private final RegionRepository regions;
    private final DistrictRepository districts;
    private final ServiceMapProperties.Network settings;
    /** Results computed on a network; dropped with it, or they would keep it in memory. */
    private final CoverageCache cache;
    /** The worker groups' and uploaded demand surfaces on a network's cells; dropped with it too. */
    private final DemandSurfaces demands;
    /** by region code, in access order (least recently used first); guarded by itself */
    private final LinkedHashMap<String, CompletableFuture<RegionNetwork>> loaded = new LinkedHashMap<>(16, 0.75f, true);
    /** by region code: the region's revision the load in {@link #loaded} reads; guarded by {@link #loaded} */
    private final Map<String, Long> revisions = new java.util.HashMap<>();
    private final AtomicLong loads = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();

    RegionNetworks(RegionRepository regions, DistrictRepository districts, ServiceMapProperties properties, CoverageCache cache,
                   DemandSurfaces demands) {
        this.regions = regions;
        this.cache = cache;
        this.demands = demands;
        this.districts = districts;
        this.settings = properties.network();
    }

    /** Starts loading the region loaded last in the background once the app (and the demo region) is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (settings.warmUp()) {
            regions.current().filter(r -> r.status() == RegionStatus.READY).ifPresent(this::start);
        }
    }

    /** The region's loaded network, waiting for a load under way. */
    RegionNetwork require(Region region) {
        if (region.status() != RegionStatus.READY) {
            throw new NetworkUnavailableException("区域 " + region.nameZh() + " 尚不可用（" + region.status() + "）"
                    + (region.statusReason() == null ? "" : "：" + region.statusReason()) + " (region " + region.code()
                    + " is not ready: " + region.status() + ")");
        }
        CompletableFuture<RegionNetwork> f = start(region);
        try {
            return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NetworkUnavailableException n) {
                throw n;
            }
            throw new NetworkUnavailableException("路网加载失败 (the road network of region " + region.code() + " failed to load: "
                    + cause.getMessage() + ")", cause);
        } catch (TimeoutException e) {
            throw new NetworkUnavailableException("路网仍在加载，请稍后再试 (the road network is still loading; try again shortly)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkUnavailableException("interrupted while waiting for the road network");
        }
    }

    /**
     * Drops a region's loaded network once its district boundaries or census figures are committed (all regions when
     * the event does not say which): the population surface and coverage models are built from them.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void districtsChanged(DistrictsChanged event) {
        synchronized (loaded) {
            boolean dropped = event.regionCode() == null ? !loaded.isEmpty() : loaded.containsKey(event.regionCode());
            if (event.regionCode() == null) {
                loaded.keySet().forEach(this::forget);
                loaded.clear();
                revisions.clear();
            } else {
                loaded.remove(event.regionCode());
                revisions.remove(event.regionCode());
                forget(event.regionCode());
            }
            if (dropped) {
                log.info("Districts changed ({}): region {} loads its road network and population surface again on the next request",
                        event.source(), event.regionCode() == null ? "(all)" : event.regionCode());
            }
        }
    }

    /** Makes a built network the region's loaded one (its data were just committed), making room for it. */
    void install(RegionNetwork network) {
        CompletableFuture<RegionNetwork> done = CompletableFuture.completedFuture(network);
        evictOverBudget(network.region().code(), estimatedBytes(network));
        synchronized (loaded) {
            loaded.put(network.region().code(), done);
            revisions.put(network.region().code(), network.region().revision());
            forget(network.region().code());
        }
    }

    /** Drops what was computed on a region's network (every load of it): results and demand surfaces. */
    private void forget(String regionCode) {
        cache.forget(regionCode);
        demands.forget(regionCode);
    }

    /** The next load number: results computed on an earlier load of a region are stale. */
    long nextLoad() {
        return loads.incrementAndGet();
    }

    private CompletableFuture<RegionNetwork> start(Region region) {
        CompletableFuture<RegionNetwork> fresh;
        synchronized (loaded) {
            CompletableFuture<RegionNetwork> current = loaded.get(region.code());
            long loadedRevision = revisions.getOrDefault(region.code(), Long.MIN_VALUE);
            if (current != null && loadedRevision >= region.revision()) {
                return current; // a failed load stays failed until the region's data change
            }
            if (current != null) {
                forget(region.code());
                log.info("Region {} changed (revision {} → {}, through this or another instance): loading its road network and "
                        + "population surface again", region.code(), loadedRevision, region.revision());
            }
            fresh = new CompletableFuture<>();
            loaded.put(region.code(), fresh);
            revisions.put(region.code(), region.revision());
        }
        Thread t = new Thread(() -> {
            try {
                RegionNetwork network = load(region);
                // make room before answering, so that what is in memory never exceeds the budget for long
                evictOverBudget(region.code(), estimatedBytes(network));
                fresh.complete(network);
            } catch (Throwable e) {
                log.error("Road network of region {} could not be loaded: {}. Coverage, nearest and what-if of that region answer "
                        + "503 until this is fixed (check the region's OSM file and servicemap.network settings).", region.code(),
                        e.getMessage(), e);
                fresh.completeExceptionally(e);
            }
        }, "region-network-loader-" + region.code());
        t.setDaemon(true);
        t.start();
        return fresh;
    }

    /**
     * Drops the least recently used loaded regions, never {@code keep} (just loaded, {@code keepBytes}), until the
     * estimate fits the budget.
     */
    private void evictOverBudget(String keep, long keepBytes) {
        long budget = settings.memoryBudgetMb() * 1024 * 1024;
        synchronized (loaded) {
            long total = keepBytes;
            for (CompletableFuture<RegionNetwork> f : loaded.values()) {
                total += estimatedBytes(f);
            }
            var it = loaded.entrySet().iterator();
            while (total > budget && it.hasNext()) {
                var e = it.next();
                if (e.getKey().equals(keep) || !e.getValue().isDone()) {
                    continue;
                }
                total -= estimatedBytes(e.getValue());
                it.remove();
                forget(e.getKey());
                evictions.incrementAndGet();
                log.info("Region {} dropped from memory (budget servicemap.network.memory-budget-mb={}): it loads again on its "
                        + "next request", e.getKey(), settings.memoryBudgetMb());
            }
        }
    }

    /** What a loaded region is estimated to hold in memory; 0 while loading or failed. */
    static long estimatedBytes(CompletableFuture<RegionNetwork> f) {
        return !f.isDone() || f.isCompletedExceptionally() ? 0 : estimatedBytes(f.join());
    }

    static long estimatedBytes(RegionNetwork n) {
        return n.network().edgeCount() * BYTES_PER_EDGE + (long) n.surface().size() * BYTES_PER_CELL;
    }

    private RegionNetwork load(Region asked) throws Exception {
        // the request's copy of the region may be a moment old: build on, and label the load with, the stored one
        Region region = regions.find(asked.code()).orElse(asked);
        synchronized (loaded) {
            revisions.merge(region.code(), region.revision(), Math::max);
        }
        List<District> stored = districts.findAll(regions.findAll().size() > 1 ? region.code() : null);
        List<DistrictBoundary> boundaries = stored.stream()
                .map(d -> new DistrictBoundary(d.adcode(), d.nameZh(), d.parentAdcode(), d.level(), d.geometry(), d.areaKm2()))
                .toList();
        Map<String, CensusRecord> census = new LinkedHashMap<>();
        for (District d : stored) {
            if (d.population() != null) {
                census.put(d.adcode(), new CensusRecord(d.adcode(), d.nameZh(), d.population(), d.urbanShare()));
            }
        }
        return build(region, boundaries, census);
    }

    /**
     * Builds a region's network, population surface and coverage models from the given districts and census (the
     * stored ones, or those of an import not yet committed), without making it the region's loaded network.
     */
    RegionNetwork build(Region region, List<DistrictBoundary> boundaries, Map<String, CensusRecord> census) throws Exception {
        String osmSetting = region.osmSource();
        if (osmSetting == null || osmSetting.isBlank() || !Files.isRegularFile(Path.of(osmSetting))) {
            throw new NetworkUnavailableException("区域 " + region.nameZh() + " 没有可用的 OSM 路网文件 (no OSM extract for region "
                    + region.code() + ": import it again with import region --osm=F.osm.pbf; was '" + osmSetting + "')");
        }
        Path osm = Path.of(osmSetting);
        Set<TravelProfile> profiles = EnumSet.noneOf(TravelProfile.class);
        for (String p : settings.profiles()) {
            profiles.add(TravelProfile.valueOf(p.trim().toUpperCase()));
        }
        Path cache = Path.of(settings.cacheDir()).resolve(region.code());
        Files.createDirectories(cache);
        PopulationSurface.Options options = PopulationSurface.Options.defaults().withCellSizeInMeters(settings.populationCellInMeters());
        // the region's own districts: an import not yet committed is not in the shared index
        DistrictLocator locator = new DistrictLocator(boundaries, RegionIndex.BOUNDARY_TOLERANCE_IN_METERS);
        RegionModel m = RegionModel.load(osm, cache, profiles, () -> region.synthetic()
                        ? PopulationSurface.synthetic(SyntheticCity.demo(), options)
                        : PopulationSurfaceStore.fromOsm(osm, boundaries, census, options, cache.resolve("population")),
                locator, settings.maxOffRoadInMeters(), LOAD_THREADS);
        PopulationSurface surface = m.surface();
        log.info("Road network for region {} loaded in {} ms (network {} ms, population {} ms, then coverage models {} ms): {} nodes, "
                        + "{} edges, profiles {}, {} population cells ({} people in the study area of {} km²)",
                region.code(), m.timings().totalMs(), m.timings().networkMs(), m.timings().surfaceMs(), m.timings().modelsMs(),
                m.network().nodeCount(), m.network().edgeCount(), profiles, surface.size(), surface.totalPeople(),
                Math.round(surface.studyArea().areaKm2() * 10) / 10.0);
        return new RegionNetwork(region, loads.incrementAndGet(), m.network(), surface, m.models());
    }

    /**
     * Metrics for operators (/actuator/metrics): regions in memory and loading, the memory estimate against the budget,
     * loads and evictions so far (many evictions: the budget is too small for how the regions are used).
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("servicemap.regions.loaded", this, r -> r.count(true)).description("Regions whose road network is in memory")
                .register(registry);
        Gauge.builder("servicemap.regions.loading", this, r -> r.count(false)).description("Regions whose road network is loading")
                .register(registry);
        Gauge.builder("servicemap.regions.memory.estimated", this, RegionNetworks::estimatedTotal).baseUnit("bytes")
                .description("Memory estimate of the loaded regions (servicemap.network.memory-budget-mb bounds it)").register(registry);
        Gauge.builder("servicemap.regions.memory.budget", settings, s -> s.memoryBudgetMb() * 1024.0 * 1024.0).baseUnit("bytes")
                .description("servicemap.network.memory-budget-mb").register(registry);
        FunctionCounter.builder("servicemap.regions.loads", loads, AtomicLong::get)
                .description("Road network loads and installs since start").register(registry);
        FunctionCounter.builder("servicemap.regions.evictions", evictions, AtomicLong::get)
                .description("Regions dropped from memory to stay within the budget").register(registry);
    }

    private double count(boolean done) {
        synchronized (loaded) {
            return loaded.values().stream().filter(f -> done ? f.isDone() && !f.isCompletedExceptionally() : !f.isDone()).count();
        }
    }

    private double estimatedTotal() {
        synchronized (loaded) {
            return loaded.values().stream().mapToLong(RegionNetworks::estimatedBytes).sum();
        }
    }

    /**
     * The loaded regions for operators: per region loading / loaded (nodes, edges, estimated MB) / unavailable (why),
     * and the memory estimate against the budget. Never DOWN: the registry works without networks, and a probe must
     * not restart the app over one.
     */
    @Override
    public Health health() {
        Health.Builder h = Health.up();
        long total = 0;
        synchronized (loaded) {
            if (loaded.isEmpty()) {
                h.withDetail("network", "not loaded yet (loads on first use)");
            }
            for (var e : loaded.entrySet()) {
                CompletableFuture<RegionNetwork> f = e.getValue();
                String state;
                if (!f.isDone()) {
                    state = "loading";
                } else if (f.isCompletedExceptionally()) {
                    String reason;
                    try {
                        f.join();
                        reason = "";
                    } catch (java.util.concurrent.CompletionException ex) {
                        reason = ex.getCause().getMessage();
                    }
                    state = "unavailable: " + reason;
                } else {
                    RegionNetwork n = f.join();
                    long bytes = estimatedBytes(f);
                    total += bytes;
                    state = "loaded: " + n.network().nodeCount() + " nodes, " + n.network().edgeCount() + " edges, about "
                            + bytes / (1024 * 1024) + " MB";
                }
                h.withDetail("region " + e.getKey(), state);
            }
        }
        return h.withDetail("estimatedMb", total / (1024 * 1024)).withDetail("budgetMb", settings.memoryBudgetMb()).build();
    }
}
