package cn.servicemap.benchmark;

import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.stations.StationField;
import cn.servicemap.gis.stations.StationInput;
import cn.servicemap.gis.synthetic.SyntheticCity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark's networks: the real Nanjing Xinjiekou core (OSM, © OpenStreetMap contributors, ODbL) and a
 * generated city ({@link SyntheticCity#writeOsm}: a street grid with arterials, one-ways and a river crossed at
 * bridges) of at least {@link Options#cityEdges()} edges. Both go through GraphHopper's OSM import exactly as a
 * real region does; the OSM file and the graph cache stay under {@code benchmark/target/networks} so that later
 * runs load them from disk (they are made again when absent).
 */
final class Networks {
    private static final Logger LOG = LoggerFactory.getLogger(Networks.class);
    /** Generated city: 100 m blocks, a bridge every 10th street, in an unpopulated corner of the map. */
    static final double BLOCK_METERS = 100;
    static final int BRIDGE_EVERY = 10;
    static final long CITY_SEED = 20260101L;
    static final int NANJING_STATIONS = 50;

    private Networks() {
    }

    /** The networks to measure, in order: the Nanjing core, then (unless quick) the generated city. */
    static List<String> keys(Options o) {
        List<String> keys = new ArrayList<>();
        keys.add("nanjing-core");
        if (!o.quick())
            keys.add(cityKey(o));
        return keys;
    }

    static String cityKey(Options o) {
        int side = citySide(o.cityEdges());
        return "city-" + side + "x" + side;
    }

    /**
     * The smallest square grid whose street segments reach {@code minEdges}: east-west streets give
     * {@code (n+1)·n} segments, north-south ones {@code (n+1)·(n-1)} (their block across the river is missing)
     * plus one per bridge.
     */
    static int citySide(int minEdges) {
        int n = 2;
        while (gridEdges(n) < minEdges)
            n++;
        return n;
    }

    static long gridEdges(int n) {
        return (long) (n + 1) * n + (long) (n + 1) * (n - 1) + (n / BRIDGE_EVERY + 1);
    }

    static BenchmarkNetwork open(String key, Options o) throws IOException {
        return key.equals("nanjing-core") ? nanjing(o) : city(o);
    }

    static BenchmarkNetwork nanjing(Options o) throws IOException {
        Path osm = o.repoRoot().resolve("../shared/data/osm-cn-fixtures/nanjing-xinjiekou.osm").normalize();
        if (!Files.isRegularFile(osm))
            throw new IOException("the Nanjing core is read from ../shared/data beside the repository; not found: " + osm);
        Path cache = o.workDir().resolve("networks/nanjing-core");
        long start = System.nanoTime();
        RoadNetwork net = RoadNetwork.open(osm, cache, EnumSet.of(BenchmarkNetwork.PROFILE));
        double openMs = (System.nanoTime() - start) / 1e6;
        // stations: random places in the dense core, each moved to the nearer end of its street (distinct nodes)
        Random r = new Random(1);
        List<Snap> stations = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        while (stations.size() < NANJING_STATIONS) {
            Snap s = net.snap(BenchmarkNetwork.PROFILE, 118.765 + 0.031 * r.nextDouble(), 32.030 + 0.024 * r.nextDouble(), 100);
            if (!s.isSnapped())
                continue;
            Snap node = BenchmarkNetwork.toNearestNode(net, s);
            if (used.add(BenchmarkNetwork.nodeOf(node)))
                stations.add(node);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("source", "OpenStreetMap extract " + osm.getFileName() + " (© OpenStreetMap contributors, ODbL)");
        facts.putAll(BenchmarkNetwork.sizeFacts(net));
        facts.put("stations", stations.size());
        facts.put("open_ms", Timing.round(openMs));
        facts.put("opened", net.description());
        return new BenchmarkNetwork("nanjing-core", "Nanjing core (real OSM)", false,
                cache.resolve("graph"), net, stations, points(net, Math.max(100, o.queries() / 2)), facts);
    }

    static BenchmarkNetwork city(Options o) throws IOException {
        int side = citySide(o.cityEdges());
        String key = cityKey(o);
        SyntheticCity city = new SyntheticCity(CITY_SEED, 115.50, 29.50, side, side, BLOCK_METERS, 4, 4);
        Path dir = o.workDir().resolve("networks").resolve(key);
        Path osm = dir.resolve("city.osm");
        Files.createDirectories(dir);
        double writeMs = Double.NaN;
        if (!Files.isRegularFile(osm)) {
            long start = System.nanoTime();
            Path tmp = dir.resolve("city.osm.tmp");
            long segments = city.writeOsm(tmp, BRIDGE_EVERY);
            Files.move(tmp, osm, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            writeMs = (System.nanoTime() - start) / 1e6;
            LOG.info("wrote {} ({} street segments, {} MB) in {} s", osm, segments, Files.size(osm) >> 20,
                    Math.round(writeMs / 1000));
        }
        long start = System.nanoTime();
        RoadNetwork net = RoadNetwork.open(osm, dir.resolve("cache"), EnumSet.of(BenchmarkNetwork.PROFILE));
        double openMs = (System.nanoTime() - start) / 1e6;
        List<Snap> stations = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (StationInput s : city.stations(o.stations())) {
            Snap snap = net.snap(BenchmarkNetwork.PROFILE, Double.parseDouble(s.get(StationField.LON)),
                    Double.parseDouble(s.get(StationField.LAT)), 50).requireSnapped();
            Snap node = BenchmarkNetwork.toNearestNode(net, snap);
            if (used.add(BenchmarkNetwork.nodeOf(node)))
                stations.add(node);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("source", "SYNTHETIC city (" + SyntheticCity.LABEL + "): " + side + " x " + side + " blocks of "
                + (int) BLOCK_METERS + " m, arterials every 5th street, one-ways, a river crossed every "
                + BRIDGE_EVERY + "th street; written as OSM XML and imported by GraphHopper; seed " + CITY_SEED);
        facts.put("osm_file_mb", Files.size(osm) >> 20);
        facts.put("street_segments_written", gridEdges(side));
        facts.putAll(BenchmarkNetwork.sizeFacts(net));
        facts.put("stations", stations.size());
        if (!Double.isNaN(writeMs))
            facts.put("osm_written_ms", Timing.round(writeMs));
        facts.put("open_ms", Timing.round(openMs));
        facts.put("opened", net.description());
        return new BenchmarkNetwork(key, "Generated city " + side + "x" + side + " (synthetic)", true,
                dir.resolve("cache").resolve("graph"), net, stations, points(net, o.queries()), facts);
    }

    /** Random points in the network's box, kept where they lie within 500 m of the main component. */
    static List<double[]> points(RoadNetwork net, int count) {
        Random r = new Random(2);
        List<double[]> out = new ArrayList<>(count);
        double lon0 = net.bbox().minLon(), lat0 = net.bbox().minLat();
        double dLon = net.bbox().maxLon() - lon0, dLat = net.bbox().maxLat() - lat0;
        int tries = 0;
        while (out.size() < count) {
            if (++tries > 100 * count)
                throw new IllegalStateException("too few query points near the main component");
            double lon = lon0 + dLon * r.nextDouble(), lat = lat0 + dLat * r.nextDouble();
            if (net.snapToMainComponent(BenchmarkNetwork.PROFILE, lon, lat, 500).isSnapped())
                out.add(new double[]{lon, lat});
        }
        return out;
    }
}
