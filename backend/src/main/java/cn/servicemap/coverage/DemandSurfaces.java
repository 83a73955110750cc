package cn.servicemap.coverage;

import cn.servicemap.gis.coverage.CoverageModel;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.population.DemandKind;
import cn.servicemap.gis.population.OutdoorWorkerDemand;
import cn.servicemap.gis.population.PopulationSurface;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.population.DemandFileException;
import cn.servicemap.gis.population.PointDemand;
import cn.servicemap.gis.table.ReadLimits;
import cn.servicemap.gis.table.RowSource;
import cn.servicemap.gis.table.RowSources;
import cn.servicemap.system.InvalidRequestException;
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
 * ({@link OutdoorWorkerDemand}) on first use, once per load of the region (under a second on a city core, about 20 s on a
 * city of a million edges), or a planner's uploaded points ({@link PointDemand}, the stored file put on the cells of the
 * loaded region once per load); each counted by the profile's model sharing its snapped cells
 * ({@link CoverageModel#withSurface}). Keys: {@value #RESIDENTS}, a {@link DemandKind} name, or {@value #UPLOAD}id.
 */
@Component
class DemandSurfaces {

    private static final Logger log = LoggerFactory.getLogger(DemandSurfaces.class);

    /** A region load's worker-group surfaces. */
    private record Built(long load, CompletableFuture<OutdoorWorkerDemand> surfaces) {
    }

    static final String RESIDENTS = "RESIDENTS";
    static final String UPLOAD = "UPLOAD:";

    /** An uploaded surface put on one load of its region. */
    private record Placed(String region, long load, CompletableFuture<PopulationSurface> surface) {
    }

    private final Map<String, Built> byRegion = new ConcurrentHashMap<>();
    private final Map<Long, Placed> uploaded = new ConcurrentHashMap<>();
    private final DemandUploadRepository uploads;

    DemandSurfaces(DemandUploadRepository uploads) {
        this.uploads = uploads;
    }

    /** The model of the profile counting the demand (a key, see the class comment); residents are the region's own model. */
    CoverageModel model(RegionNetwork region, TravelProfile profile, String key) {
        CoverageModel residents = region.model(profile);
        if (key == null || key.equals(RESIDENTS)) {
            return residents;
        }
        if (key.startsWith(UPLOAD)) {
            return residents.withSurface(uploaded(region, Long.parseLong(key.substring(UPLOAD.length()))));
        }
        DemandKind demand = DemandKind.valueOf(key);
        OutdoorWorkerDemand surfaces = surfaces(region);
        PopulationSurface surface = switch (demand) {
            case RIDERS -> surfaces.riders();
            case SANITATION -> surfaces.sanitation();
            case DRIVERS -> surfaces.drivers();
            default -> throw new IllegalStateException("no surface for " + demand);
        };
        return residents.withSurface(surface);
    }

    /**
     * Puts a planner's points on the region's cells: {@code name} and the weights' unit in the answer; a file that
     * does not fit is a 400 naming its rows, a limit passed a 400 naming it.
     */
    static PointDemand.Result place(RegionNetwork region, String fileName, byte[] content, CoordinateSystem crs) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("servicemap-demand", ".upload");
            Files.write(tmp, content);
            try (RowSource rows = RowSources.open(tmp, fileName, ReadLimits.DEFAULTS)) {
                return PointDemand.read(region.surface(), rows, crs, null, null);
            }
        } catch (DemandFileException e) {
            throw new InvalidRequestException("file", String.join("；", e.problems().subList(0, Math.min(20, e.problems().size()))));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new InvalidRequestException("file", "需求文件无法读取 (the demand file cannot be read): " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (java.io.IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    private PopulationSurface uploaded(RegionNetwork region, long id) {
        Placed p = uploaded.compute(id, (k, old) -> old != null && old.load() == region.load() ? old
                : new Placed(region.region().code(), region.load(), CompletableFuture.supplyAsync(() -> {
                    DemandUploadRepository.Upload u = uploads.find(id).filter(x -> x.regionCode().equals(region.region().code()))
                            .orElseThrow(() -> new InvalidRequestException("demand", "本区域没有编号为 " + id + " 的上传需求 (no uploaded demand "
                                    + id + " in region " + region.region().code() + ")"));
                    return place(region, u.fileName(), u.content(), u.crs() == null ? null : CoordinateSystem.valueOf(u.crs())).surface();
                })));
        try {
            return p.surface().join();
        } catch (java.util.concurrent.CompletionException e) {
            uploaded.remove(id, p);
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Drops the surfaces built on a region's network: it was dropped from memory or loads again. */
    void forget(String regionCode) {
        byRegion.remove(regionCode);
        uploaded.values().removeIf(p -> p.region().equals(regionCode));
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
