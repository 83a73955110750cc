package cn.servicemap.benchmark;

import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.MultiSourceSearch;
import cn.servicemap.gis.access.ServiceAreaTile;
import cn.servicemap.gis.basemap.TileId;
import cn.servicemap.gis.coverage.RegionModel;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.districts.CensusRecord;
import cn.servicemap.gis.districts.CensusTable;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.districts.DistrictBoundaryReader;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.network.BoundingBox;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.population.PopulationSurface;
import cn.servicemap.gis.population.PopulationSurfaceStore;
import cn.servicemap.gis.stations.StationField;
import cn.servicemap.gis.stations.StationInput;
import cn.servicemap.gis.synthetic.SyntheticCity;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Whole-city and whole-province scale, on generated regions that go through the app exactly as a union's files do
 * ({@link SyntheticCity}: a street grid with ≥ 8 districts, census, stations, written as files and imported with
 * {@code java -jar servicemap.jar import region / import stations}).
 *
 * <ul>
 *   <li>{@link #metropolis}: a city of at least {@link Options#metropolisEdges()} walk edges and
 *       {@link Options#metropolisStations()} stations: the import (a whole command, fresh database and caches), then,
 *       in this process, the region loaded from the app's caches as the app loads it ({@link RegionModel}: the
 *       network with the app's three profiles, the stored population surface, the per-profile models), the live heap
 *       that holds it, full coverage against the bare multi-source Dijkstra, and the first band tile after the
 *       field.</li>
 *   <li>{@link #province}: {@link Options#provinceCities()} cities in one app instance under a fixed {@code -Xmx} and
 *       memory budget, visited in turn and at random over HTTP: each answer's time (a first load, a switch back to a
 *       city the budget evicted, or a city in memory), the regions in memory and the server's live heap after each
 *       visit, and whether it ever ran out of memory.</li>
 * </ul>
 */
final class ScaleBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(ScaleBenchmark.class);
    /** The app's defaults (servicemap.network.*): the caches the app wrote are read back only with the same inputs. */
    static final Set<TravelProfile> APP_PROFILES = EnumSet.of(TravelProfile.WALK, TravelProfile.EBIKE, TravelProfile.CAR);
    static final double APP_CELL_METERS = 100;
    static final double APP_MAX_OFF_ROAD_METERS = 200;
    static final double APP_DISTRICT_TOLERANCE_METERS = 200;
    static final String METROPOLIS_CODE = "990100";
    static final long METROPOLIS_SEED = 20261201L;
    static final int PROVINCE_STATIONS = 200;

    private ScaleBenchmark() {
    }

    /** A generated region's files, written once and kept under {@code benchmark/target/networks}. */
    record RegionFiles(SyntheticCity city, Path osm, Path districts, Path census, Path stations, long segments,
                       Double writtenMs) {

        static RegionFiles write(SyntheticCity city, Path dir, int stations) throws IOException {
            Files.createDirectories(dir);
            Path osm = dir.resolve("city.osm");
            Double writtenMs = null;
            if (!Files.isRegularFile(osm)) {
                long start = System.nanoTime();
                Path tmp = dir.resolve("city.osm.tmp");
                city.writeOsm(tmp, Networks.BRIDGE_EVERY);
                Files.move(tmp, osm, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                writtenMs = (System.nanoTime() - start) / 1e6;
                LOG.info("wrote {} ({} MB) in {} s", osm, Files.size(osm) >> 20, Math.round(writtenMs / 1000));
            }
            city.writeDistricts(dir.resolve("districts.json"));
            city.writeCensus(dir.resolve("census.csv"));
            city.writeStations(dir.resolve("stations.csv"), stations);
            return new RegionFiles(city, osm, dir.resolve("districts.json"), dir.resolve("census.csv"),
                    dir.resolve("stations.csv"), Networks.gridEdges(city.blocksX()), writtenMs);
        }

        /** {@code import region} then {@code import stations --commit}, each timed as a whole command. */
        AppProcess.Run[] importInto(AppProcess app, String name) throws IOException, InterruptedException {
            AppProcess.Run region = app.importCommand("region", "--code=" + city.cityAdcode(), "--name=" + name,
                    "--osm=" + osm.toAbsolutePath(), "--districts=" + districts.toAbsolutePath(), "--crs=WGS84",
                    "--census=" + census.toAbsolutePath());
            AppProcess.Run stationRun = app.importCommand("stations", "--file=" + stations.toAbsolutePath(), "--crs=WGS84",
                    "--commit");
            return new AppProcess.Run[]{region, stationRun};
        }
    }

    static Map<String, Object> metropolis(Options o) throws Exception {
        int side = Networks.citySide(o.metropolisEdges());
        SyntheticCity city = new SyntheticCity(METROPOLIS_SEED, 112.0, 27.0, side, side, Networks.BLOCK_METERS, 4, 4,
                METROPOLIS_CODE);
        RegionFiles files = RegionFiles.write(city, o.workDir().resolve("networks/metropolis-" + side + "x" + side),
                o.metropolisStations());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", "SYNTHETIC metropolis (" + SyntheticCity.LABEL + "): " + side + " x " + side + " blocks of "
                + (int) Networks.BLOCK_METERS + " m, 16 districts with census, " + o.metropolisStations()
                + " stations; files written as a union would import them; seed " + METROPOLIS_SEED);
        out.put("osm_file_mb", Files.size(files.osm()) >> 20);
        if (files.writtenMs() != null)
            out.put("osm_written_ms", Timing.round(files.writtenMs()));

        // 1. the import, as a city union runs it: fresh database, fresh caches
        Path home = o.workDir().resolve("scale/metropolis");
        org.apache.commons.io.FileUtils.deleteDirectory(home.toFile());
        AppProcess.Run[] runs;
        try (AppProcess app = new AppProcess(o.repoRoot(), home, o.importHeap(), List.of())) {
            runs = files.importInto(app, "合成大都市（synthetic）");
        }
        out.put("import_jvm_heap", o.importHeap());
        out.put("import_region_ms", Timing.round(runs[0].ms()));
        out.put("import_stations_ms", Timing.round(runs[1].ms()));
        LOG.info("metropolis: import region {} s, stations {} s", Math.round(runs[0].ms() / 1000), Math.round(runs[1].ms() / 1000));

        // 2. the region loaded from the app's caches, as the app loads it: first in this fresh JVM, then again
        List<DistrictBoundary> districts;
        try (InputStream in = Files.newInputStream(files.districts())) {
            districts = DistrictBoundaryReader.read(in, CoordinateSystem.WGS84);
        }
        Map<String, CensusRecord> census;
        try (InputStream in = Files.newInputStream(files.census())) {
            census = CensusTable.read(in).records();
        }
        long baseline = HeapWatch.liveAfterFullGc();
        Path cache = home.resolve("network").resolve(METROPOLIS_CODE);
        RegionModel first = load(files.osm(), cache, districts, census);
        out.put("load_from_cache_fresh_jvm", timings(first));
        first = null; // NOPMD: dropped so the second load is measured alone
        HeapWatch.settle();
        RegionModel region = load(files.osm(), cache, districts, census);
        out.put("load_from_cache_again", timings(region));
        RoadNetwork net = region.network();
        out.put("nodes", net.nodeCount());
        out.put("edges", net.edgeCount());
        out.put("walk_edges", BenchmarkNetwork.usableEdges(net));
        out.put("population_cells", region.surface().size());
        out.put("people", region.surface().totalPeople());
        out.put("districts", districts.size());
        out.put("live_heap_region_mb", HeapWatch.mb(HeapWatch.liveAfterFullGc() - baseline));

        // 3. full coverage of all stations (walk, 15 min) against the bare multi-source Dijkstra, in turn
        List<Snap> stations = stations(net, city, o.metropolisStations());
        out.put("stations", stations.size());
        int limit = Options.WALK_LIMIT_SECONDS;
        MultiSourceSearch search = new MultiSourceSearch(net, BenchmarkNetwork.PROFILE, limit);
        List<Timing.Measured<Object>> timed = Timing.interleaved(o.warmRuns(), List.of(
                () -> search.run(stations),
                () -> BareDijkstra.lazyHeap(net.graph(BenchmarkNetwork.PROFILE), stations, limit * 1000),
                () -> BareDijkstra.decreaseKey(net.graph(BenchmarkNetwork.PROFILE), stations, limit * 1000)));
        AccessField field = (AccessField) timed.get(0).first();
        double[] fastestBare = new double[timed.get(1).warmMs().length];
        for (int i = 0; i < fastestBare.length; i++)
            fastestBare[i] = Math.min(timed.get(1).warmMs()[i], timed.get(2).warmMs()[i]);
        out.put("coverage_search", timed.get(0).timing().toJson());
        out.put("bare_dijkstra_lazy_heap", timed.get(1).timing().toJson());
        out.put("bare_dijkstra_decrease_key", timed.get(2).timing().toJson());
        out.put("ours_over_fastest_bare_per_round_median",
                Math.round(Timing.medianRatio(timed.get(0).warmMs(), fastestBare) * 100) / 100.0);
        out.put("bare_dijkstra_equals_ours", Arrays.equals(field.timesInMillis(), (int[]) timed.get(1).first()));
        out.put("reached_nodes", field.reachedNodeCount());

        // 4. the planner's map once the field is there: the first band tile (cold in this process), a view of 20
        HeapWatch.settle();
        BoundingBox box = net.bbox();
        TileId centre = TileId.containing((box.minLon() + box.maxLon()) / 2, (box.minLat() + box.maxLat()) / 2, 14);
        int[] colours = {0x1a9850, 0x91cf60, 0xfee08b};
        List<Integer> bands = List.of(300, 600, 900);
        long t = System.nanoTime();
        ServiceAreaTile.png(field, bands, centre, colours);
        out.put("first_band_tile_ms", Timing.round((System.nanoTime() - t) / 1e6));
        Timing.Measured<byte[]> view = Timing.measure(o.warmRuns(), () -> {
            byte[] last = null;
            for (int dy = -2; dy < 2; dy++)
                for (int dx = -2; dx < 3; dx++)
                    last = ServiceAreaTile.png(field, bands, new TileId(14, centre.x() + dx, centre.y() + dy + 10), colours);
            return last;
        });
        out.put("band_tiles_view20", view.timing().toJson());
        out.put("live_heap_region_and_field_mb", HeapWatch.mb(HeapWatch.liveAfterFullGc() - baseline));
        java.lang.ref.Reference.reachabilityFence(field);
        java.lang.ref.Reference.reachabilityFence(region);
        LOG.info("metropolis: {} edges, coverage {} ms warm (bare {} ms), live heap {} MB", net.edgeCount(),
                timed.get(0).timing().warmMedianMs(), timed.get(1).timing().warmMedianMs(), out.get("live_heap_region_and_field_mb"));
        return out;
    }

    private static RegionModel load(Path osm, Path cache, List<DistrictBoundary> districts, Map<String, CensusRecord> census)
            throws IOException {
        PopulationSurface.Options options = PopulationSurface.Options.defaults().withCellSizeInMeters(APP_CELL_METERS);
        return RegionModel.load(osm, cache, APP_PROFILES,
                () -> PopulationSurfaceStore.fromOsm(osm, districts, census, options, cache.resolve("population")),
                new DistrictLocator(districts, APP_DISTRICT_TOLERANCE_METERS), APP_MAX_OFF_ROAD_METERS, 2);
    }

    private static Map<String, Object> timings(RegionModel m) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("total_ms", m.timings().totalMs());
        t.put("network_ms", m.timings().networkMs());
        t.put("population_ms", m.timings().surfaceMs());
        t.put("models_ms", m.timings().modelsMs());
        t.put("opened", m.network().description());
        return t;
    }

    /** The city's stations, each on the walk network's nearest node (distinct nodes). */
    private static List<Snap> stations(RoadNetwork net, SyntheticCity city, int count) {
        List<Snap> out = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (StationInput s : city.stations(count)) {
            Snap snap = net.snap(BenchmarkNetwork.PROFILE, Double.parseDouble(s.get(StationField.LON)),
                    Double.parseDouble(s.get(StationField.LAT)), 50).requireSnapped();
            Snap node = BenchmarkNetwork.toNearestNode(net, snap);
            if (used.add(BenchmarkNetwork.nodeOf(node)))
                out.add(node);
        }
        return out;
    }

    static Map<String, Object> province(Options o) throws Exception {
        int side = Networks.citySide(o.provinceEdges());
        List<RegionFiles> cities = new ArrayList<>();
        for (int i = 0; i < o.provinceCities(); i++) {
            // side by side 1° apart (a city is about half a degree wide): no station can fall in two regions
            SyntheticCity city = new SyntheticCity(METROPOLIS_SEED + 1 + i, 100.0 + i, 24.0, side, side,
                    Networks.BLOCK_METERS, 3, 3, String.format("99%02d00", 10 + i));
            cities.add(RegionFiles.write(city, o.workDir().resolve("networks/province-" + side + "x" + side + "-" + i),
                    PROVINCE_STATIONS));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", "SYNTHETIC province (" + SyntheticCity.LABEL + "): " + cities.size() + " cities of " + side + " x "
                + side + " blocks, 9 districts and " + PROVINCE_STATIONS + " stations each, imported into one instance");
        out.put("cities", cities.size());
        out.put("edges_per_city", cities.get(0).segments());
        out.put("server_heap", o.provinceHeap());
        out.put("memory_budget_mb", o.provinceBudgetMb());

        Path home = o.workDir().resolve("scale/province");
        Path marker = home.resolve("imported.txt");
        String wanted = "cities=" + cities.size() + " side=" + side + " stations=" + PROVINCE_STATIONS + " jar="
                + Files.getLastModifiedTime(o.repoRoot().resolve("backend/target/servicemap.jar")).toMillis();
        List<String> settings = List.of("--servicemap.network.memory-budget-mb=" + o.provinceBudgetMb(),
                "--servicemap.network.warm-up=false", "--management.endpoint.health.show-details=always");
        boolean reuse = Files.isRegularFile(marker) && Files.readString(marker).equals(wanted);
        if (!reuse) {
            org.apache.commons.io.FileUtils.deleteDirectory(home.toFile());
            List<Double> importMs = new ArrayList<>();
            try (AppProcess app = new AppProcess(o.repoRoot(), home, o.importHeap(), settings)) {
                for (int i = 0; i < cities.size(); i++) {
                    AppProcess.Run[] runs = cities.get(i).importInto(app, "合成第" + (i + 1) + "市（synthetic）");
                    importMs.add(Timing.round(runs[0].ms() + runs[1].ms()));
                }
            }
            out.put("imports_ms", importMs);
            Files.writeString(marker, wanted);
        } else {
            out.put("imports_ms", "reused from an earlier run (same cities, same app jar)");
        }

        List<Map<String, Object>> visits = new ArrayList<>();
        boolean alive;
        boolean outOfMemory;
        try (AppProcess app = new AppProcess(o.repoRoot(), home, o.provinceHeap(), settings)) {
            app.start();
            out.put("server_live_heap_at_start_mb", HeapWatch.mb(app.liveHeapAfterFullGc()));
            List<Integer> order = new ArrayList<>();
            for (int round = 0; round < 2; round++)
                for (int i = 0; i < cities.size(); i++)
                    order.add(i);
            Random r = new Random(5);
            for (int k = 0; k < 2 * cities.size(); k++)
                order.add(r.nextInt(cities.size()));
            Set<String> visited = new HashSet<>();
            for (int i : order) {
                String code = cities.get(i).city().cityAdcode();
                Set<String> before = loadedRegions(app);
                AppProcess.Answer a = app.get("/api/coverage?region=" + code);
                String kind = !visited.contains(code) ? "first_load" : before.contains(code) ? "in_memory" : "evicted_reload";
                visited.add(code);
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("region", code);
                v.put("kind", kind);
                v.put("status", a.status());
                v.put("ms", Timing.round(a.ms()));
                if (a.status() == 200) {
                    JsonNode total = a.json().path("total");
                    JsonNode bands = total.path("bands");
                    v.put("people", total.path("people").asLong());
                    v.put("people_within_last_band", bands.path(bands.size() - 1).path("peopleCovered").asLong());
                }
                v.put("in_memory_after", new ArrayList<>(loadedRegions(app)));
                v.put("estimated_mb_after", health(app).path("estimatedMb").asLong());
                v.put("live_heap_after_mb", HeapWatch.mb(app.liveHeapAfterFullGc()));
                visits.add(v);
                LOG.info("province: {} {} {} in {} ms, in memory {}", code, kind, a.status(), Math.round(a.ms()),
                        v.get("in_memory_after"));
            }
            out.put("server_peak_rss_mb", app.peakRssMb());
            alive = app.alive();
            outOfMemory = app.ranOutOfMemory();
        }
        out.put("visits", visits);
        out.put("server_alive_at_end", alive);
        out.put("out_of_memory", outOfMemory || !alive);
        out.put("all_answers_200", visits.stream().allMatch(v -> Integer.valueOf(200).equals(v.get("status"))));
        return out;
    }

    /** The RegionNetworks health details: {@code region CODE → state}, estimatedMb, budgetMb. */
    private static JsonNode health(AppProcess app) throws IOException, InterruptedException {
        JsonNode h = app.get("/actuator/health").json();
        for (Iterator<JsonNode> it = h.path("components").elements(); it.hasNext(); ) {
            JsonNode c = it.next().path("details");
            if (c.has("budgetMb"))
                return c;
        }
        throw new IOException("no region network details in /actuator/health: " + h);
    }

    private static Set<String> loadedRegions(AppProcess app) throws IOException, InterruptedException {
        Set<String> loaded = new java.util.TreeSet<>();
        JsonNode details = health(app);
        for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("region ") && e.getValue().asText().startsWith("loaded"))
                loaded.add(e.getKey().substring("region ".length()));
        }
        return loaded;
    }
}
