package cn.servicemap.gis.coverage;

import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.population.PopulationSurface;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Everything coverage computes on for one region, loaded from its files: the road network (GraphHopper's cached graph
 * or a fresh import), the population surface and, per travel profile, how the two meet ({@link CoverageModel}).
 *
 * <p>Loading ({@link #load}): the network and the surface do not depend on each other and run at the same time
 * (each is mostly one thread: GraphHopper's reader, the surface's OSM scan and cell measuring); the districts of the
 * edges ({@link EdgeDistricts}) need both and are worked out once for all profiles; then the per-profile models run,
 * one per profile, at most {@code threads} at once. On a 2-core machine a million-edge city
 * loads in about the time of its slower half. Memory: the caller's heap must hold the network, the surface and the
 * models at once (see the benchmark's live-heap figures per million edges).
 *
 * @param network     the road network with the requested profiles
 * @param surface     people per cell over the region's study area, or another demand on its cells ({@link #withSurface})
 * @param models      one per profile
 * @param timings     how long each part took, for logs and the benchmark
 */
public record RegionModel(RoadNetwork network, PopulationSurface surface, Map<TravelProfile, CoverageModel> models,
                          Timings timings) {

    /**
     * Milliseconds per part of a load; the parts overlap in time, so they do not add up to {@code totalMs}.
     *
     * @param networkMs the road network: graph cache read, or OSM import on a first load
     * @param surfaceMs the population surface (reads the OSM file for buildings, land and roads)
     * @param modelsMs  the edges' districts and the per-profile coverage models, after both
     * @param totalMs   the whole load, wall clock
     */
    public record Timings(long networkMs, long surfaceMs, long modelsMs, long totalMs) {
    }

    /** Builds the population surface; may read files. */
    @FunctionalInterface
    public interface SurfaceSource {
        PopulationSurface build() throws IOException;
    }

    public RegionModel {
        models = Collections.unmodifiableMap(new EnumMap<>(models));
    }

    /**
     * Loads a region (see the class comment).
     *
     * @param osm                the region's OSM extract
     * @param cacheDir           the region's graph cache ({@link RoadNetwork#open})
     * @param profiles           the travel profiles to load, at least one
     * @param surface            builds the region's population surface
     * @param locator            the region's districts, to give each street edge its district
     * @param maxOffRoadInMeters a place farther than this from any street is not reachable
     * @param threads            at most this many threads at once (1: one part after another)
     * @throws IOException when the OSM file cannot be read or the cache not written: a
     *                     {@link cn.servicemap.gis.CacheDiskFullException} when the disk of the cache filled up (the
     *                     network's first if both parts failed); thrown once both parts have stopped
     */
    public static RegionModel load(Path osm, Path cacheDir, Set<TravelProfile> profiles, SurfaceSource surface,
                                   DistrictLocator locator, double maxOffRoadInMeters, int threads)
            throws IOException {
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("no travel profile to load");
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "region-model-" + osm.getFileName());
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<Timed<RoadNetwork>> network = CompletableFuture.supplyAsync(
                    () -> timed(() -> RoadNetwork.open(osm, cacheDir, profiles)), pool);
            CompletableFuture<Timed<PopulationSurface>> cells = CompletableFuture.supplyAsync(() -> timed(surface::build), pool);
            // both may write into the cache: when one fails, wait for the other, so that nothing is written after the
            // failure has reached the caller (on a full disk the caller may free space or delete the folder at once)
            CompletableFuture.allOf(network, cells).handle((done, failure) -> null).join();
            Timed<RoadNetwork> n = join(network);
            Timed<PopulationSurface> s = join(cells);
            long modelsStarted = System.nanoTime();
            EdgeDistricts edgeDistricts = EdgeDistricts.of(n.value(), s.value(), locator);
            Map<TravelProfile, CompletableFuture<CoverageModel>> building = new EnumMap<>(TravelProfile.class);
            for (TravelProfile p : profiles) {
                building.put(p, CompletableFuture.supplyAsync(
                        () -> CoverageModel.build(n.value(), p, s.value(), edgeDistricts, maxOffRoadInMeters), pool));
            }
            Map<TravelProfile, CoverageModel> models = new EnumMap<>(TravelProfile.class);
            for (var e : building.entrySet()) {
                models.put(e.getKey(), join(e.getValue()));
            }
            long now = System.nanoTime();
            return new RegionModel(n.value(), s.value(), models, new Timings(n.ms(), s.ms(),
                    (now - modelsStarted) / 1_000_000, (now - started) / 1_000_000));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The region counting another demand on the surface's cells ({@link PopulationSurface#withDemand}): the same network
     * and timings, each profile's model {@linkplain CoverageModel#withSurface sharing its snapped cells}. O(profiles).
     *
     * @throws IllegalArgumentException when {@code demand} does not have the surface's cells
     */
    public RegionModel withSurface(PopulationSurface demand) {
        Map<TravelProfile, CoverageModel> counting = new EnumMap<>(TravelProfile.class);
        models.forEach((profile, model) -> counting.put(profile, model.withSurface(demand)));
        return new RegionModel(network, demand, counting, timings);
    }

    private record Timed<T>(T value, long ms) {
    }

    private interface Work<T> {
        T run() throws IOException;
    }

    private static <T> Timed<T> timed(Work<T> work) {
        long start = System.nanoTime();
        try {
            T value = work.run();
            return new Timed<>(value, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    /** The value, or the task's own exception (an IOException or unchecked one) rather than a wrapper. */
    private static <T> T join(CompletableFuture<T> f) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
