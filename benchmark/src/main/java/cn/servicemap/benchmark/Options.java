package cn.servicemap.benchmark;

import java.nio.file.Path;

/**
 * Command-line options shared by every phase of the benchmark.
 *
 * @param quick         only the Nanjing core (seconds instead of minutes)
 * @param cityEdges     the generated city has at least this many edges after GraphHopper's import
 * @param stations      stations in the generated city
 * @param warmRuns      warm repetitions of the heavy measurements (pgRouting, GraphHopper, our polygons), default 10;
 *                      cheap ones repeat at least 20 times
 * @param queries       random query points per network for the nearest-station comparison
 * @param whatIfs       operations of each kind (add, move, remove) for the what-if latency
 * @param workDir       where generated cities, graph caches and results go ({@code benchmark/target})
 * @param repoRoot      the repository root (the Nanjing core is read from {@code ../shared/data} beside it)
 * @param jdbcUrl       the PostGIS + pgRouting database, for the peers phase
 * @param command       the command line to quote in the results
 * @param metropolisEdges    the generated metropolis has at least this many walk edges (default 3,000,000)
 * @param metropolisStations stations in the metropolis (default 5,000)
 * @param provinceCities     generated cities in the province run (default 5)
 * @param provinceEdges      edges of each of them (default 600,000)
 * @param provinceHeap       the {@code -Xmx} of the province's app instance (default 1536m)
 * @param provinceBudgetMb   its {@code servicemap.network.memory-budget-mb} (default 600: about two such cities)
 * @param importHeap         the {@code -Xmx} of the import commands (default 6g)
 */
record Options(boolean quick, int cityEdges, int stations, int warmRuns, int queries, int whatIfs, Path workDir,
               Path repoRoot, String jdbcUrl, String command, int metropolisEdges, int metropolisStations,
               int provinceCities, int provinceEdges, String provinceHeap, int provinceBudgetMb, String importHeap) {

    static final int WALK_LIMIT_SECONDS = 900;

    static Options parse(String[] args, int from) {
        boolean quick = false;
        int cityEdges = 1_000_000, stations = 1_000, warm = 10, queries = 2_000, whatIfs = 100;
        Path workDir = Path.of("benchmark", "target");
        Path repoRoot = Path.of(".");
        String jdbcUrl = System.getenv("SERVICEMAP_BENCH_POSTGIS_URL");
        String command = "scripts/benchmark.sh";
        int metropolisEdges = 3_000_000, metropolisStations = 5_000, provinceCities = 5, provinceEdges = 600_000;
        int provinceBudgetMb = 600;
        String provinceHeap = "1536m", importHeap = "6g";
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> quick = true;
                case "--city-edges" -> cityEdges = positive(a, args, ++i);
                case "--stations" -> stations = positive(a, args, ++i);
                case "--warm" -> warm = positive(a, args, ++i);
                case "--queries" -> queries = positive(a, args, ++i);
                case "--what-ifs" -> whatIfs = positive(a, args, ++i);
                case "--work-dir" -> workDir = Path.of(value(a, args, ++i));
                case "--repo-root" -> repoRoot = Path.of(value(a, args, ++i));
                case "--jdbc-url" -> jdbcUrl = value(a, args, ++i);
                case "--command" -> command = value(a, args, ++i);
                case "--metropolis-edges" -> metropolisEdges = positive(a, args, ++i);
                case "--metropolis-stations" -> metropolisStations = positive(a, args, ++i);
                case "--province-cities" -> provinceCities = positive(a, args, ++i);
                case "--province-edges" -> provinceEdges = positive(a, args, ++i);
                case "--province-heap" -> provinceHeap = heap(a, args, ++i);
                case "--province-budget-mb" -> provinceBudgetMb = positive(a, args, ++i);
                case "--import-heap" -> importHeap = heap(a, args, ++i);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (stations < 2)
            throw new IllegalArgumentException("--stations must be at least 2");
        if (provinceCities > 40)
            throw new IllegalArgumentException("--province-cities must be at most 40");
        return new Options(quick, cityEdges, stations, warm, queries, whatIfs, workDir, repoRoot, jdbcUrl, command,
                metropolisEdges, metropolisStations, provinceCities, provinceEdges, provinceHeap, provinceBudgetMb, importHeap);
    }

    private static String value(String option, String[] args, int i) {
        if (i >= args.length)
            throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static String heap(String option, String[] args, int i) {
        String v = value(option, args, i);
        if (!v.matches("\\d+[mMgG]"))
            throw new IllegalArgumentException(option + " needs a heap size such as 1536m or 2g, not " + v);
        return v;
    }

    private static int positive(String option, String[] args, int i) {
        String v = value(option, args, i).replace("_", "").replace(",", "");
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not " + args[i]);
        }
        if (n <= 0)
            throw new IllegalArgumentException(option + " must be positive: " + n);
        return n;
    }

    /** Warm repetitions of a cheap measurement. */
    int cheapRuns() {
        return Math.max(20, warmRuns);
    }
}
