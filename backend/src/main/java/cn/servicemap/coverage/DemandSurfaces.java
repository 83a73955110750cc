package cn.servicemap.coverage;

import cn.servicemap.gis.coverage.CoverageModel;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.population.DemandKind;
import cn.servicemap.gis.population.OutdoorWorkerDemand;
import cn.servicemap.gis.population.PopulationSurface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whom coverage counts (需求): residents (the census population surface), or a worker group's demand surface on the
 * same cells — delivery riders (food and retail outlets, parcel points), sanitation workers (the streets they sweep),
 * drivers (fuel and charging, truck parking, logistics land) — built from the region's OSM file
 * ({@link OutdoorWorkerDemand}) on first use, once per load of the region (under a second on a city core, seconds on a
 * city), and counted by the profile's model sharing its snapped cells ({@link CoverageModel#withSurface}).
 */
@Component
class DemandSurfaces {

    private static final Logger log = LoggerFactory.getLogger(DemandSurfaces.class);

    /** A region load's worker-group surfaces. */
    private record Built(long load, CompletableFuture<OutdoorWorkerDemand> surfaces) {
    }

    private final Map<String, Built> byRegion = new ConcurrentHashMap<>();

    /** The model of the profile counting the demand; residents are the region's own model. */
    CoverageModel model(RegionNetwork region, TravelProfile profile, DemandKind demand) {
        CoverageModel residents = region.model(profile);
        if (demand == null || demand == DemandKind.RESIDENTS) {
            return residents;
        }
        if (demand == DemandKind.CUSTOM) {
            throw new cn.servicemap.system.InvalidRequestException("demand", "上传的需求分布尚不支持 (uploaded demand surfaces are not "
                    + "supported yet: use residents, riders, sanitation or drivers)");
        }
        OutdoorWorkerDemand surfaces = surfaces(region);
        PopulationSurface surface = switch (demand) {
            case RIDERS -> surfaces.riders();
            case SANITATION -> surfaces.sanitation();
            case DRIVERS -> surfaces.drivers();
            default -> throw new IllegalStateException("no surface for " + demand);
        };
        return residents.withSurface(surface);
    }

    private OutdoorWorkerDemand surfaces(RegionNetwork region) {
        Built b = byRegion.compute(region.region().code(), (code, old) -> old != null && old.load() == region.load() ? old
                : new Built(region.load(), CompletableFuture.supplyAsync(() -> build(region))));
        try {
            return b.surfaces().join();
        } catch (java.util.concurrent.CompletionException e) {
            byRegion.remove(region.region().code(), b); // try again on the next request
            throw new NetworkUnavailableException("职工群体需求分布无法生成 (the worker groups' demand could not be built: "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()) + ")", e.getCause());
        }
    }

    private static OutdoorWorkerDemand build(RegionNetwork region) {
        String osm = region.region().osmSource();
        if (osm == null || !Files.isRegularFile(Path.of(osm))) {
            throw new NetworkUnavailableException("区域没有 OSM 文件，无法生成职工群体需求 (the region has no OSM file to build the worker "
                    + "groups' demand from)");
        }
        OutdoorWorkerDemand d = OutdoorWorkerDemand.fromOsm(Path.of(osm), region.surface(), OutdoorWorkerDemand.Options.defaults());
        log.info("Worker groups' demand for region {} built from {} in {} ms (read {} ms, riders {} ms, sanitation {} ms, drivers {} ms)",
                region.region().code(), osm, d.timings().readMs() + d.timings().ridersMs() + d.timings().sanitationMs()
                        + d.timings().driversMs(), d.timings().readMs(), d.timings().ridersMs(), d.timings().sanitationMs(),
                d.timings().driversMs());
        return d;
    }
}
