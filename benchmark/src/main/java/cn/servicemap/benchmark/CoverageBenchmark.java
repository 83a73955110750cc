package cn.servicemap.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ServiceMap's coverage benchmark: on the Nanjing core and on a generated city of a million edges, 15-minute walk
 * coverage of all stations at once — ours against pgRouting {@code pgr_drivingDistance} (equicost) on the same
 * graph in PostGIS and against one GraphHopper isochrone per station, unioned; nearest stations against PostGIS
 * KNN on the same points; what-if latency; heap. Run by {@code scripts/benchmark.sh}, one phase per process:
 *
 * <ol>
 *   <li>{@code prepare}: writes the generated city as OSM XML and imports both networks with GraphHopper into
 *       caches under {@code benchmark/target/networks} (kept for later runs), loads the same edges into PostGIS;</li>
 *   <li>{@code ours}: our engine alone, in a JVM capped at 1 GB of heap;</li>
 *   <li>{@code peers}: pgRouting, PostGIS and GraphHopper, and the cross-checks of their answers against ours;</li>
 *   <li>{@code metropolis} and {@code province}: whole-city and whole-province scale through the app itself
 *       ({@link ScaleBenchmark});</li>
 *   <li>{@code siting}: maximal covering, ours against SCIP's exact optimum ({@link SitingBenchmark});</li>
 *   <li>{@code report}: prints the table, writes {@code benchmark/target/benchmark-results.json}, and exits 1 if
 *       a cross-check failed.</li>
 * </ol>
 *
 * Usage: {@code CoverageBenchmark prepare|ours|peers|metropolis|province|siting|report [--quick] [--city-edges N]
 * [--stations N] [--warm N] [--queries N] [--what-ifs N] [--work-dir DIR] [--repo-root DIR] [--jdbc-url URL]
 * [--metropolis-edges N] [--metropolis-stations N] [--province-cities N] [--province-edges N] [--province-heap SIZE]
 * [--province-budget-mb N] [--import-heap SIZE]}.
 */
public final class CoverageBenchmark {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CoverageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: CoverageBenchmark prepare|ours|peers|metropolis|province|siting|report [--quick] "
                    + "[--city-edges N] [--stations N] [--warm N] [--queries N] [--what-ifs N] [--work-dir DIR] [--repo-root DIR] "
                    + "[--jdbc-url URL] [--metropolis-edges N] [--metropolis-stations N] [--province-cities N] "
                    + "[--province-edges N] [--province-heap SIZE] [--province-budget-mb N] [--import-heap SIZE]");
            System.exit(2);
        }
        Options o;
        try {
            o = Options.parse(args, 1);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(o.workDir());
        switch (args[0]) {
            case "prepare" -> write(o, "prepare", prepare(o));
            case "ours" -> write(o, "ours", ours(o));
            case "peers" -> write(o, "peers", peers(o));
            case "metropolis" -> write(o, "metropolis", scale(() -> ScaleBenchmark.metropolis(o)));
            case "province" -> write(o, "province", scale(() -> ScaleBenchmark.province(o)));
            case "siting" -> write(o, "siting", scale(() -> SitingBenchmark.run(o)));
            case "week" -> write(o, "week", scale(() -> WeekBenchmark.run(o)));
            case "report" -> System.exit(Report.write(o) ? 0 : 1);
            default -> {
                System.err.println("benchmark: unknown phase " + args[0]);
                System.exit(2);
            }
        }
    }

    private static Map<String, Object> prepare(Options o) throws Exception {
        HeapWatch heap = HeapWatch.start();
        Map<String, Object> out = phase();
        Map<String, Object> networks = new LinkedHashMap<>();
        try (PostgisPeer db = o.jdbcUrl() == null ? null : new PostgisPeer(o.jdbcUrl())) {
            for (String key : Networks.keys(o)) {
                BenchmarkNetwork bn = Networks.open(key, o);
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("title", bn.title());
                n.put("synthetic", bn.synthetic());
                n.putAll(bn.facts());
                n.put("query_points", bn.points().size());
                if (db != null)
                    n.put("postgis_load", db.load(bn));
                networks.put(key, n);
            }
            if (db != null)
                out.put("versions", db.versions());
        }
        out.put("networks", networks);
        out.put("heap", heap.toJson(HeapWatch.liveAfterFullGc()));
        return done(out);
    }

    private static Map<String, Object> ours(Options o) throws Exception {
        HeapWatch heap = HeapWatch.start();
        Map<String, Object> out = phase();
        Map<String, Object> networks = new LinkedHashMap<>();
        for (String key : Networks.keys(o)) {
            BenchmarkNetwork bn = Networks.open(key, o);
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("open_ms", bn.facts().get("open_ms"));
            n.putAll(OursBenchmark.run(bn, o));
            networks.put(key, n);
        }
        out.put("networks", networks);
        out.put("heap", heap.toJson(HeapWatch.liveAfterFullGc()));
        return done(out);
    }

    private static Map<String, Object> peers(Options o) throws Exception {
        HeapWatch heap = HeapWatch.start();
        Map<String, Object> out = phase();
        Map<String, Object> networks = new LinkedHashMap<>();
        try (PostgisPeer db = new PostgisPeer(o.jdbcUrl())) {
            out.put("versions", db.versions());
            for (String key : Networks.keys(o)) {
                BenchmarkNetwork bn = Networks.open(key, o);
                networks.put(key, PeersBenchmark.run(bn, db, o));
            }
        }
        out.put("networks", networks);
        out.put("heap", heap.toJson(HeapWatch.liveAfterFullGc()));
        return done(out);
    }

    private interface Scale {
        Map<String, Object> run() throws Exception;
    }

    private static Map<String, Object> scale(Scale run) throws Exception {
        HeapWatch heap = HeapWatch.start();
        Map<String, Object> out = phase();
        out.putAll(run.run());
        out.put("heap", heap.toJson(HeapWatch.liveAfterFullGc()));
        return done(out);
    }

    private static Map<String, Object> phase() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jvm", Machine.jvm());
        m.put("load_at_start", Machine.load());
        return m;
    }

    private static Map<String, Object> done(Map<String, Object> m) {
        m.put("load_at_end", Machine.load());
        return m;
    }

    private static void write(Options o, String phase, Map<String, Object> result) throws Exception {
        Path file = o.workDir().resolve("benchmark-" + phase + ".json");
        JSON.writeValue(file.toFile(), result);
        System.err.println("benchmark: " + phase + " done, " + file);
    }
}
