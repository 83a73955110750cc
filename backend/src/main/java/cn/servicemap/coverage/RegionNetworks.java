package cn.servicemap.coverage;

import cn.servicemap.districts.District;
import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.districts.DistrictsChanged;
import cn.servicemap.districts.RegionIndex;
import cn.servicemap.gis.coverage.CoverageModel;
import cn.servicemap.gis.districts.CensusRecord;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.population.PopulationSurface;
import cn.servicemap.gis.synthetic.SyntheticCity;
import cn.servicemap.region.Region;
import cn.servicemap.region.RegionRepository;
import cn.servicemap.system.ServiceMapProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
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
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Loads the region's road network (GraphHopper import cached on disk per region), its population
 * surface and the per-profile coverage models once, in the background after start-up, and hands the
 * result to every request. Requests arriving while it loads wait for it; a failure is reported to
 * the API (503 with the reason) and to /actuator/health.
 */
@Component
class RegionNetworks implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(RegionNetworks.class);
    private static final long WAIT_SECONDS = 300;

    private final RegionRepository regions;
    private final DistrictRepository districts;
    private final RegionIndex regionIndex;
    private final ServiceMapProperties.Network settings;
    private final AtomicReference<CompletableFuture<RegionNetwork>> loading = new AtomicReference<>();
    private final AtomicLong loads = new AtomicLong();

    RegionNetworks(RegionRepository regions, DistrictRepository districts, RegionIndex regionIndex, ServiceMapProperties properties) {
        this.regions = regions;
        this.districts = districts;
        this.regionIndex = regionIndex;
        this.settings = properties.network();
    }

    /** Starts loading in the background once the app (and the demo region) is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (settings.warmUp() && regions.current().isPresent()) {
            start();
        }
    }

    /** The loaded network, waiting for a load under way. */
    RegionNetwork require() {
        CompletableFuture<RegionNetwork> f = start();
        try {
            return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NetworkUnavailableException n) {
                throw n;
            }
            throw new NetworkUnavailableException("路网加载失败 (the road network failed to load: " + cause.getMessage() + ")", cause);
        } catch (TimeoutException e) {
            throw new NetworkUnavailableException("路网仍在加载，请稍后再试 (the road network is still loading; try again shortly)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkUnavailableException("interrupted while waiting for the road network");
        }
    }

    /**
     * Drops the loaded network once new district boundaries or census figures are committed: the population
     * surface and the coverage models are built from them, so the next request loads afresh.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void districtsChanged(DistrictsChanged event) {
        if (loading.getAndSet(null) != null) {
            log.info("Districts changed ({}): the road network and population surface load again on the next request", event.source());
        }
    }

    private CompletableFuture<RegionNetwork> start() {
        while (true) {
            CompletableFuture<RegionNetwork> current = loading.get();
            if (current != null && !failedBecauseNoRegion(current)) {
                return current;
            }
            CompletableFuture<RegionNetwork> fresh = new CompletableFuture<>();
            if (loading.compareAndSet(current, fresh)) {
                Thread t = new Thread(() -> {
                    try {
                        fresh.complete(load());
                    } catch (NoRegionYet e) {
                        fresh.completeExceptionally(e);
                    } catch (Throwable e) {
                        log.error("Road network could not be loaded: {}. Coverage, nearest and what-if answer 503 until this is "
                                + "fixed (check servicemap.network.osm-file and the region's OSM file).", e.getMessage(), e);
                        fresh.completeExceptionally(e);
                    }
                }, "region-network-loader");
                t.setDaemon(true);
                t.start();
                return fresh;
            }
        }
    }

    private static boolean failedBecauseNoRegion(CompletableFuture<RegionNetwork> f) {
        if (!f.isCompletedExceptionally()) {
            return false;
        }
        try {
            f.join();
            return false;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() instanceof NoRegionYet;
        }
    }

    /** Loading found no region: retried on the next request (a region may be loaded by then). */
    private static final class NoRegionYet extends NetworkUnavailableException {
        NoRegionYet() {
            super("尚未加载区域 (no region loaded yet: import districts and an OSM extract, or start with the demo)");
        }
    }

    private RegionNetwork load() throws Exception {
        long started = System.nanoTime();
        Region region = regions.current().orElseThrow(NoRegionYet::new);
        String osmSetting = settings.osmFile() == null || settings.osmFile().isBlank() ? region.osmSource() : settings.osmFile();
        if (osmSetting == null || osmSetting.isBlank() || !Files.isRegularFile(Path.of(osmSetting))) {
            throw new NetworkUnavailableException("区域 " + region.nameZh() + " 没有可用的 OSM 路网文件 (no OSM extract for region "
                    + region.code() + ": set servicemap.network.osm-file to a .osm or .pbf file; was '" + osmSetting + "')");
        }
        Path osm = Path.of(osmSetting);
        Set<TravelProfile> profiles = EnumSet.noneOf(TravelProfile.class);
        for (String p : settings.profiles()) {
            profiles.add(TravelProfile.valueOf(p.trim().toUpperCase()));
        }
        Path cache = Path.of(settings.cacheDir()).resolve(region.code());
        Files.createDirectories(cache);
        RoadNetwork network = RoadNetwork.open(osm, cache, profiles);
        List<District> stored = districts.findAll();
        List<DistrictBoundary> boundaries = stored.stream()
                .map(d -> new DistrictBoundary(d.adcode(), d.nameZh(), d.parentAdcode(), d.level(), d.geometry(), d.areaKm2()))
                .toList();
        Map<String, CensusRecord> census = new LinkedHashMap<>();
        for (District d : stored) {
            if (d.population() != null) {
                census.put(d.adcode(), new CensusRecord(d.adcode(), d.nameZh(), d.population(), d.urbanShare()));
            }
        }
        PopulationSurface.Options options = PopulationSurface.Options.defaults().withCellSizeInMeters(settings.populationCellInMeters());
        PopulationSurface surface = region.synthetic()
                ? PopulationSurface.synthetic(SyntheticCity.demo(), options)
                : PopulationSurface.fromOsm(osm, boundaries, census, options);
        Map<TravelProfile, CoverageModel> models = new EnumMap<>(TravelProfile.class);
        for (TravelProfile p : profiles) {
            models.put(p, CoverageModel.build(network, p, surface, regionIndex.locator(), settings.maxOffRoadInMeters()));
        }
        log.info("Road network for region {} loaded in {} ms: {} nodes, {} edges, profiles {}, {} population cells ({} people in the study area of {} km²)",
                region.code(), (System.nanoTime() - started) / 1_000_000, network.nodeCount(), network.edgeCount(), profiles,
                surface.size(), surface.totalPeople(), Math.round(surface.studyArea().areaKm2() * 10) / 10.0);
        return new RegionNetwork(region, loads.incrementAndGet(), network, surface, models);
    }

    /**
     * The network's state for operators. Never DOWN: the registry works without it, and a probe must not
     * restart the app over it; a failed load shows its reason here and was logged as an error.
     */
    @Override
    public Health health() {
        CompletableFuture<RegionNetwork> f = loading.get();
        if (f == null) {
            return Health.up().withDetail("network", "not loaded yet (loads on first use)").build();
        }
        if (!f.isDone()) {
            return Health.up().withDetail("network", "loading").build();
        }
        try {
            RegionNetwork n = f.join();
            return Health.up().withDetail("network", "loaded").withDetail("region", n.region().code())
                    .withDetail("nodes", n.network().nodeCount()).withDetail("edges", n.network().edgeCount()).build();
        } catch (java.util.concurrent.CompletionException e) {
            return Health.up().withDetail("network", "unavailable").withDetail("reason", e.getCause().getMessage()).build();
        }
    }
}
