package cn.servicemap.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merges the phases' figures into {@code benchmark-results.json}, prints them side by side with the ratios,
 * checks the answers (which fails the run) and the performance targets (which are reported, not enforced).
 */
final class Report {
    /** GraphHopper's union and our band may differ in method (triangulation vs raster), not in magnitude. */
    static final double AREA_RATIO_BOUND = 10;

    private final PrintStream out;
    private final List<Map<String, Object>> targets = new ArrayList<>();
    private boolean ok = true;

    private Report(PrintStream out) {
        this.out = out;
    }

    /** @return whether every cross-check passed */
    static boolean write(Options o) throws IOException {
        JsonNode prepare = read(o, "prepare"), ours = read(o, "ours"), peers = read(o, "peers");
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        Report r = new Report(new PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "ServiceMap coverage benchmark: 15-min walk (900 s) coverage of all stations at once, "
                + "nearest stations, what-if, heap; ours vs pgRouting pgr_drivingDistance (equicost), PostGIS KNN and "
                + "GraphHopper isochrones on the same graph");
        result.put("command", o.command());
        result.put("generated_at", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        result.put("units", "ms unless named otherwise; cold = first call in its process (pgRouting, KNN: first "
                + "call on a new backend of a freshly restarted server); warm = median (min, max) of the calls after it");
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", ours.at("/jvm/cores").asInt());
        machine.put("java", ours.at("/jvm/java").asText());
        machine.put("ours_jvm_args", ours.at("/jvm/jvm_args"));
        machine.put("peers_jvm_args", peers.at("/jvm/jvm_args"));
        Map<String, Object> load = new LinkedHashMap<>();
        for (String phase : List.of("prepare", "ours", "peers")) {
            JsonNode p = phase.equals("prepare") ? prepare : phase.equals("ours") ? ours : peers;
            load.put(phase, List.of(p.get("load_at_start"), p.get("load_at_end")));
        }
        machine.put("load_averages", load);
        machine.put("note", "shared 2-core machine: other builds may run at the same time; see the load averages");
        result.put("machine", machine);
        result.put("versions", peers.get("versions"));

        r.out.println();
        r.out.println("ServiceMap coverage benchmark — 15-min walk (900 s), all stations at once");
        r.out.printf(Locale.ROOT, "%s; %s; load avg (1/5/15 min) at the start of ours: %s, of peers: %s%n",
                ours.at("/jvm/java").asText(), ours.at("/jvm/cores").asInt() + " cores",
                ours.at("/load_at_start/load_1_5_15"), peers.at("/load_at_start/load_1_5_15"));
        r.out.printf(Locale.ROOT, "peers: %s%n", peers.get("versions"));
        r.out.println("times in ms; cold = first call; warm = median of the calls after it; ratio = peer / ours, the median of");
        r.out.println("the rounds in which the peer and ours were timed in turn (robust to other jobs on the machine)");

        List<Map<String, Object>> networks = new ArrayList<>();
        String last = null;
        for (Iterator<String> it = prepare.get("networks").fieldNames(); it.hasNext(); ) {
            String key = it.next();
            last = key;
            networks.add(r.network(key, prepare.at("/networks/" + key), ours.at("/networks/" + key),
                    peers.at("/networks/" + key)));
        }
        result.put("networks", networks);
        Map<String, Object> heap = new LinkedHashMap<>();
        heap.put("ours", ours.get("heap"));
        heap.put("peers_process", peers.get("heap"));
        heap.put("how", "ours ran in its own JVM with the heap cap in jvm_args; peak_live_after_gc is the most that "
                + "survived any collection (what the engine needed), peak_occupancy includes garbage not yet "
                + "collected, retained_after_full_gc is what is left when the phase ends (its networks released; "
                + "per network see retained_network_and_field_mb)");
        result.put("heap", heap);
        r.out.println();
        r.out.printf(Locale.ROOT, "heap, ours (own JVM, -Xmx %.0f MB): peak live after GC %.0f MB, peak occupancy %.0f MB (%s; "
                        + "%d collections, longest pause %d ms)%n",
                ours.at("/heap/max_heap_mb").asDouble(), ours.at("/heap/peak_live_after_gc_mb").asDouble(),
                ours.at("/heap/peak_occupancy_mb").asDouble(), ours.at("/heap/gc").asText(),
                ours.at("/heap/collections").asInt(), ours.at("/heap/max_gc_duration_ms").asLong());
        for (Iterator<String> it = ours.get("networks").fieldNames(); it.hasNext(); ) {
            String key = it.next();
            r.out.printf(Locale.ROOT, "  %s: network + one field retained %.0f MB%n", key,
                    ours.at("/networks/" + key + "/retained_network_and_field_mb").asDouble());
        }
        if (prepare.has("heap"))
            r.out.printf(Locale.ROOT, "  prepare (OSM writing, GraphHopper import, copy to arrays, COPY to PostGIS; -Xmx %.0f MB): "
                            + "peak live after GC %.0f MB%n", prepare.at("/heap/max_heap_mb").asDouble(),
                    prepare.at("/heap/peak_live_after_gc_mb").asDouble());
        heap.put("prepare", prepare.get("heap"));
        r.targets(last, ours.at("/networks/" + last), peers.at("/networks/" + last), ours.get("heap"),
                last.startsWith("city"));
        Path sitingFile = o.workDir().resolve("benchmark-siting.json");
        if (Files.isRegularFile(sitingFile)) {
            JsonNode siting = read(o, "siting");
            result.put("siting", siting);
            r.siting(siting);
        }
        Path weekFile = o.workDir().resolve("benchmark-week.json");
        if (Files.isRegularFile(weekFile)) {
            JsonNode week = read(o, "week");
            result.put("week", week);
            r.week(week);
        }
        Path metropolisFile = o.workDir().resolve("benchmark-metropolis.json");
        Path provinceFile = o.workDir().resolve("benchmark-province.json");
        if (Files.isRegularFile(metropolisFile) || Files.isRegularFile(provinceFile)) {
            JsonNode metropolis = Files.isRegularFile(metropolisFile) ? read(o, "metropolis") : null;
            JsonNode province = Files.isRegularFile(provinceFile) ? read(o, "province") : null;
            result.put("metropolis", metropolis);
            result.put("province", province);
            r.scale(metropolis, province);
        }
        result.put("targets", r.targets);
        result.put("checks_ok", r.ok);
        Path file = o.workDir().resolve("benchmark-results.json");
        CoverageBenchmark.JSON.writeValue(file.toFile(), result);
        r.out.println();
        r.out.println(r.ok ? "all cross-checks passed; figures in " + file
                : "A CROSS-CHECK FAILED (see above); figures in " + file);
        Files.write(o.workDir().resolve("benchmark-results.txt"), text.toByteArray());
        System.out.write(text.toByteArray());
        System.out.flush();
        return r.ok;
    }

    private static JsonNode read(Options o, String phase) throws IOException {
        Path file = o.workDir().resolve("benchmark-" + phase + ".json");
        if (!Files.isRegularFile(file))
            throw new IOException("missing " + file + ": run the " + phase + " phase first");
        return CoverageBenchmark.JSON.readTree(file.toFile());
    }

    private Map<String, Object> network(String key, JsonNode facts, JsonNode ours, JsonNode peers) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("key", key);
        n.put("facts", facts);
        n.put("ours", ours);
        n.put("peers", peers);
        out.println();
        out.printf(Locale.ROOT, "== %s: %,d nodes, %,d edges (%,d walkable), %,d stations, %,d query points ==%n",
                facts.get("title").asText(), facts.get("nodes").asInt(), facts.get("edges").asInt(),
                facts.get("walk_edges").asInt(), facts.get("stations").asInt(), facts.get("query_points").asInt());
        out.printf(Locale.ROOT, "   %s%n   prepared: %s%s; opened from the graph cache in %s ms; PostGIS: %s%n",
                facts.get("source").asText(),
                facts.has("osm_written_ms") ? "OSM XML written in " + fmt(facts.get("osm_written_ms").asDouble()) + " ms, " : "",
                facts.get("opened").asText().contains("imported") ? "GraphHopper import + copy " + fmt(facts.get("open_ms").asDouble()) + " ms"
                        : "graph cache reused", fmt(ours.get("open_ms").asDouble()),
                facts.at("/postgis_load/reused").asBoolean() ? "tables reused (same fingerprint)"
                        : "COPY " + fmt(facts.at("/postgis_load/copy_ms").asDouble()) + " ms, with indexes and VACUUM ANALYZE "
                        + fmt(facts.at("/postgis_load/copy_and_index_ms").asDouble()) + " ms");
        out.printf(Locale.ROOT, "%-58s %11s %11s %9s%n", "full coverage", "cold", "warm", "ratio");
        double search = warm(ours.get("coverage_search"));
        double pg = warm(peers.at("/pgrouting/coverage"));
        double band = warm(ours.get("coverage_band15"));
        double gh = warm(peers.at("/graphhopper/coverage"));
        row("ours: node times (MultiSourceSearch)", ours.get("coverage_search"), Double.NaN);
        row("bare multi-source Dijkstra (the limit), lazy heap", ours.get("bare_dijkstra_lazy_heap"), Double.NaN);
        row("bare multi-source Dijkstra (the limit), decrease-key", ours.get("bare_dijkstra_decrease_key"), Double.NaN);
        if (ours.has("two_nearest_search"))
            row("ours: two nearest stations per node (交叉覆盖)", ours.get("two_nearest_search"),
                    ours.get("two_nearest_over_nearest_per_round_median").asDouble());
        row("pgRouting pgr_drivingDistance, equicost, same graph", peers.at("/pgrouting/coverage"),
                peers.at("/pgrouting/paired_ratio_median").asDouble());
        row("ours: + 15-min band polygon (raster + trace)", ours.get("coverage_band15"), Double.NaN);
        row("ours: the 20 band tiles (PNG, z14) of one map view", ours.get("band_tiles_view20"), Double.NaN);
        row("GraphHopper: one isochrone per station + union", peers.at("/graphhopper/coverage"),
                peers.at("/graphhopper/paired_ratio_median").asDouble());
        out.printf(Locale.ROOT, "  %-56s %11s %11s%n", "of which isochrones / union (warm)",
                fmt(warm(peers.at("/graphhopper/isochrones"))), fmt(warm(peers.at("/graphhopper/union"))));
        out.printf(Locale.ROOT, "  ours / fastest bare Dijkstra = %.2f× (median of the per-round ratios, timed in turn); "
                        + "pgRouting backend peak RSS %s MB; %,d nodes within 15 min%n",
                ours.get("ours_over_fastest_bare_per_round_median").asDouble(), peers.at("/pgrouting/backend_peak_rss_mb").asText(), ours.get("reached_nodes").asInt());

        out.printf(Locale.ROOT, "%-58s %11s %11s %9s%n", "nearest 5 stations, per query", "p50", "p99", "ratio p50");
        JsonNode oursNearest = ours.at("/nearest5/warm");
        JsonNode knn = peers.at("/postgis_knn/warm_round_trip");
        out.printf(Locale.ROOT, "  %-56s %11s %11s%n", "ours: by walking time (snap + search), in process",
                fmt(oursNearest.get("p50_ms").asDouble()), fmt(oursNearest.get("p99_ms").asDouble()));
        out.printf(Locale.ROOT, "  %-56s %11s %11s%n", "  the same, CPU time of the querying thread",
                fmt(ours.at("/nearest5/warm_thread_cpu/p50_ms").asDouble()), fmt(ours.at("/nearest5/warm_thread_cpu/p99_ms").asDouble()));
        out.printf(Locale.ROOT, "  %-56s %11s %11s %8.2f×%n", "PostGIS KNN <-> straight line, JDBC round trip",
                fmt(knn.get("p50_ms").asDouble()), fmt(knn.get("p99_ms").asDouble()),
                knn.get("p50_ms").asDouble() / oursNearest.get("p50_ms").asDouble());
        out.printf(Locale.ROOT, "  %-56s %11s%n", "PostGIS KNN, in the server (mean of one batched statement)",
                fmt(peers.at("/postgis_knn/warm_in_server_mean_ms").asDouble()));
        out.printf(Locale.ROOT, "  cold first query: ours %s, KNN %s; nearest by walking time ≠ nearest by straight line in %s of queries%n",
                fmt(ours.at("/nearest5/cold_first_query_ms").asDouble()),
                fmt(peers.at("/postgis_knn/cold_first_query_ms").asDouble()),
                percent(peers.at("/postgis_knn/travel_time_vs_straight_line/share").asDouble()));

        out.printf(Locale.ROOT, "%-58s %11s %11s %9s %9s%n", "what-if (ours), per operation", "p50", "p99", "cold", "p99 CPU");
        for (String op : List.of("add", "move", "remove")) {
            JsonNode w = ours.at("/what_if/" + op);
            out.printf(Locale.ROOT, "  %-56s %11s %11s %9s %9s%n", op + " one station (" + w.get("changed_nodes_mean").asLong()
                            + " nodes change on average)", fmt(w.at("/warm/p50_ms").asDouble()),
                    fmt(w.at("/warm/p99_ms").asDouble()), fmt(w.get("cold_ms").asDouble()),
                    fmt(w.at("/warm_thread_cpu/p99_ms").asDouble()));
        }

        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("pgrouting_over_ours_paired", peers.at("/pgrouting/paired_ratio_median").asDouble());
        ratios.put("pgrouting_warm_over_ours_warm_separate_processes", round2(pg / search));
        ratios.put("pgrouting_cold_over_ours_cold", round2(cold(peers.at("/pgrouting/coverage")) / cold(ours.get("coverage_search"))));
        ratios.put("ours_over_fastest_bare_dijkstra_per_round", ours.get("ours_over_fastest_bare_per_round_median").asDouble());
        ratios.put("graphhopper_over_ours_search_and_band_paired", peers.at("/graphhopper/paired_ratio_median").asDouble());
        ratios.put("graphhopper_warm_over_ours_search_and_band_warm_separate_processes", round2(gh / (search + band)));
        ratios.put("graphhopper_warm_over_ours_search_warm", round2(gh / search));
        ratios.put("knn_round_trip_p50_over_ours_p50", round2(knn.get("p50_ms").asDouble() / oursNearest.get("p50_ms").asDouble()));
        n.put("ratios", ratios);
        n.put("checks", checks(facts, ours, peers));
        return n;
    }

    private Map<String, Object> checks(JsonNode facts, JsonNode ours, JsonNode peers) {
        Map<String, Object> c = new LinkedHashMap<>();
        out.println("checks");
        boolean bare = ours.get("bare_dijkstra_equals_ours").asBoolean();
        check(c, "bare_dijkstra_equals_ours", bare, "bare Dijkstra times equal ours exactly: " + bare);
        JsonNode pg = peers.at("/pgrouting/check");
        check(c, "pgrouting_times", pg.get("ok").asBoolean(), String.format(Locale.ROOT,
                "pgRouting per-station trees (min agg_cost per vertex) vs ours: %,d nodes reached by both, max |Δ| %.3f s, reached by ours only %d, "
                        + "by pgRouting only %d (%d of them not at the 900 s boundary)",
                pg.get("reached_by_both").asInt(), pg.get("max_abs_difference_s").asDouble(),
                pg.get("reached_by_ours_only").asInt(), pg.get("reached_by_peer_only").asInt(),
                pg.get("one_sided_not_at_limit").asInt()));
        JsonNode eq = peers.at("/pgrouting/equicost_check");
        check(c, "pgrouting_equicost_explained", eq.get("ok").asBoolean(), String.format(Locale.ROOT,
                "pgRouting equicost vs ours: %d nodes differ (equicost up to %.1f s longer, %d missing), %d of them "
                        + "where equicost also misses pgRouting's own per-station minimum (a pgRouting defect); "
                        + "equicost faster than ours: %d",
                eq.get("nodes_differing").asInt(), eq.get("max_equicost_excess_s").asDouble(),
                eq.get("equicost_missing_nodes").asInt(), eq.get("of_which_equicost_longer_than_pgroutings_own_minimum").asInt(),
                eq.get("equicost_faster_than_ours").asInt()));
        JsonNode gh = peers.at("/graphhopper/check");
        check(c, "graphhopper_times", gh.get("ok").asBoolean(), String.format(Locale.ROOT,
                "min over GraphHopper shortest-path trees vs ours: %,d nodes by both, max |Δ| %.3f s, ours only %d, "
                        + "GraphHopper only %d (%d not at the boundary)",
                gh.get("reached_by_both").asInt(), gh.get("max_abs_difference_s").asDouble(),
                gh.get("reached_by_ours_only").asInt(), gh.get("reached_by_peer_only").asInt(),
                gh.get("one_sided_not_at_limit").asInt()));
        int ghEdges = peers.at("/graphhopper/graph_edges").asInt();
        check(c, "same_graph", ghEdges == facts.get("edges").asInt()
                        && peers.at("/graphhopper/stations_snapped_elsewhere").asInt() == 0,
                String.format(Locale.ROOT, "GraphHopper graph has %,d edges (ours %,d); stations GraphHopper snapped to another node: %d",
                        ghEdges, facts.get("edges").asInt(), peers.at("/graphhopper/stations_snapped_elsewhere").asInt()));
        double ghArea = peers.at("/graphhopper/union_area_km2").asDouble();
        double ourArea = ours.get("band15_area_km2").asDouble();
        double ratio = ghArea / ourArea;
        check(c, "areas_same_order", ratio >= 1 / AREA_RATIO_BOUND && ratio <= AREA_RATIO_BOUND, String.format(Locale.ROOT,
                "15-min area: GraphHopper union %.2f km² (valid: %s) vs our band %.2f km² (%.1f m cells): ratio %.2f",
                ghArea, peers.at("/graphhopper/union_valid").asBoolean(), ourArea, ours.get("band15_cell_m").asDouble(), ratio));
        c.put("area_ratio_graphhopper_over_ours", round2(ratio));
        c.put("area_note", "GraphHopper interpolates times over a Delaunay triangulation of the nodes it explored "
                + "(to 1.14 x the limit) and contours it, so its polygon spans block interiors and can bridge a river "
                + "between two reached banks; our raster gives each place the time of its nearest street within "
                + "60 m and fills street-free holes up to 0.25 km², so a river without a bridge stays a gap");
        return c;
    }

    private void check(Map<String, Object> c, String name, boolean passed, String text) {
        c.put(name, passed);
        ok &= passed;
        out.printf(Locale.ROOT, "  [%s] %s%n", passed ? "ok" : "FAILED", text);
    }

    private void targets(String key, JsonNode ours, JsonNode peers, JsonNode heap, boolean city) {
        out.println();
        out.println("targets" + (city ? " (on " + key + ")" : " (QUICK RUN on " + key + ": the targets are set for the 1M-edge city)"));
        target("full coverage ≥ 20× faster than pgRouting (warm, timed in turn)",
                peers.at("/pgrouting/paired_ratio_median").asDouble(), ">=", 20, "×");
        target("full coverage ≥ 20× faster than pgRouting (warm, separate processes)",
                warm(peers.at("/pgrouting/coverage")) / warm(ours.get("coverage_search")), ">=", 20, "×");
        target("full coverage within 2× of a bare multi-source Dijkstra", ours.get("ours_over_fastest_bare_per_round_median").asDouble(),
                "<=", 2, "×");
        double whatIf = 0, whatIfCpu = 0;
        for (String op : List.of("add", "move", "remove")) {
            whatIf = Math.max(whatIf, ours.at("/what_if/" + op + "/warm/p99_ms").asDouble());
            whatIfCpu = Math.max(whatIfCpu, ours.at("/what_if/" + op + "/warm_thread_cpu/p99_ms").asDouble());
        }
        target("what-if (add / move / remove) p99 < 20 ms", whatIf, "<", 20, " ms (CPU time p99 " + fmt(whatIfCpu) + " ms)");
        if (ours.has("two_nearest_over_nearest_per_round_median"))
            target("交叉覆盖: two nearest stations within 2× of the nearest search", ours.get("two_nearest_over_nearest_per_round_median").asDouble(),
                    "<=", 2, "×");
        target("nearest by travel time p99 < 5 ms in process", ours.at("/nearest5/warm/p99_ms").asDouble(), "<", 5,
                " ms (CPU time p99 " + fmt(ours.at("/nearest5/warm_thread_cpu/p99_ms").asDouble()) + " ms)");
        target("≤ 1 GB heap (ours ran under this cap without running out)", heap.get("max_heap_mb").asDouble(), "<=", 1024,
                " MB cap");
        target("≤ 1 GB heap: peak live set", heap.get("peak_live_after_gc_mb").asDouble(), "<=", 1024, " MB");
    }

    /** Siting: greedy + interchange against SCIP's exact optimum. */
    private void siting(JsonNode s) {
        out.println();
        out.println("== Siting (maximal covering; " + s.get("instances").asText() + ") ==");
        out.println("  instance                         ours ms  ours covered   bound   gap   SCIP status     s   SCIP covered  SCIP bound  ours/SCIP");
        for (String key : List.of("small", "large")) {
            JsonNode i = s.get(key);
            out.printf(Locale.ROOT, "  %,6d places × %,5d, p = %3d  %8s  %12d  %6d  %4.1f%%  %-11s %5.1f  %12d  %10d  %6.2f%%%n",
                    i.get("places").asInt(), i.get("candidates").asInt(), i.get("p").asInt(), fmt(i.get("ours_ms").asDouble()),
                    i.get("ours_covered").asLong(), i.get("ours_bound").asLong(), i.get("ours_gap_percent").asDouble(),
                    i.get("exact_status").asText(), i.get("exact_seconds").asDouble(), i.get("exact_covered").asLong(),
                    i.get("exact_bound").asLong(), i.path("ours_share_of_exact_percent").asDouble(Double.NaN));
        }
        out.println();
        out.println("targets (siting)");
        target("siting: greedy + interchange ≥ 99 % of the proved optimum (small)",
                s.at("/small/ours_share_of_exact_percent").asDouble(), ">=", 99, " %");
        target("siting: 20,000 places × 2,000 candidates, p = 100, in < 2 s", s.at("/large/ours_ms").asDouble(), "<", 2000, " ms");
    }

    /** Coverage by hour of the week: the incremental week against full recomputations (issue "by hour of the week"). */
    private void week(JsonNode w) {
        out.println();
        out.printf(Locale.ROOT, "== Coverage by hour of the week (generated city: %,d edges, %,d stations, %,d cells, 15-min walk) ==%n",
                w.get("edges").asInt(), w.get("stations").asInt(), w.get("cells").asInt());
        out.println("  hours: " + w.get("hours_mix"));
        out.println("                     one full ms   week ms   168 full ms   week/one full   168 full/week   open sets   equal");
        for (String key : List.of("coverage", "with_cross")) {
            JsonNode m = w.get(key);
            out.printf(Locale.ROOT, "  %-18s %11s %9s %13s %15.2f %15.1f %11d   %s%n", key.equals("coverage") ? "coverage" : "with 交叉覆盖",
                    fmt(warm(m.get("one_full_coverage"))), fmt(warm(m.get("week"))), fmt(m.get("full_168_ms").asDouble()),
                    m.get("week_over_one_full").asDouble(), m.get("week_speedup_over_168_full").asDouble(), m.get("open_sets").asInt(),
                    m.get("week_equals_full").asBoolean());
        }
        JsonNode d = w.get("demand_surfaces");
        out.printf(Locale.ROOT, "  demand surfaces from the OSM file: %s ms (read %d, riders %d, sanitation %d, drivers %d ms)%n",
                fmt(d.at("/total/cold_ms").asDouble()), d.get("read_osm_ms").asLong(), d.get("riders_ms").asLong(),
                d.get("sanitation_ms").asLong(), d.get("drivers_ms").asLong());
        out.println();
        out.println("targets (week)");
        for (String key : List.of("coverage", "with_cross")) {
            JsonNode m = w.get(key);
            target("week" + (key.equals("with_cross") ? " with 交叉覆盖" : "") + " ≥ 10× faster than 168 full recomputes",
                    m.get("week_speedup_over_168_full").asDouble(), ">=", 10, "×");
            target("week" + (key.equals("with_cross") ? " with 交叉覆盖" : "") + " ≤ 10× one full coverage",
                    m.get("week_over_one_full").asDouble(), "<=", 10, "×");
        }
        if (!w.get("coverage").get("week_equals_full").asBoolean() || !w.get("with_cross").get("week_equals_full").asBoolean()) {
            ok = false; // the week disagrees with full recomputations: a wrong answer
        }
    }

    /** Whole city and whole province: the figures and their targets (issue "any city, many cities"). */
    private void scale(JsonNode m, JsonNode p) {
        if (m != null) {
            double millions = m.get("edges").asDouble() / 1e6;
            JsonNode cold = m.get("load_from_cache_fresh_jvm"), again = m.get("load_from_cache_again");
            out.println();
            out.printf(Locale.ROOT, "== Metropolis (synthetic): %,d nodes, %,d edges (%,d walkable), %,d stations, %d districts, "
                            + "%,d population cells, %,d people ==%n", m.get("nodes").asInt(), m.get("edges").asInt(),
                    m.get("walk_edges").asInt(), m.get("stations").asInt(), m.get("districts").asInt(),
                    m.get("population_cells").asInt(), m.get("people").asLong());
            out.println("   " + m.get("source").asText());
            out.printf(Locale.ROOT, "  import region (java -Xmx%s -jar servicemap.jar import region, fresh database and caches) %,.0f s"
                            + " (%.0f s per million edges)%n", m.get("import_jvm_heap").asText(), m.get("import_region_ms").asDouble() / 1000,
                    m.get("import_region_ms").asDouble() / 1000 / millions);
            out.printf(Locale.ROOT, "  import stations (%,d rows, --commit)                                     %,.0f s%n",
                    m.get("stations").asInt(), m.get("import_stations_ms").asDouble() / 1000);
            out.printf(Locale.ROOT, "  load from cache, fresh JVM: %,d ms (network %,d, population %,d, then models of 3 profiles %,d)%n",
                    cold.get("total_ms").asLong(), cold.get("network_ms").asLong(), cold.get("population_ms").asLong(),
                    cold.get("models_ms").asLong());
            out.printf(Locale.ROOT, "  load from cache again, same JVM (an evicted region returning): %,d ms (network %,d, population %,d, models %,d)%n",
                    again.get("total_ms").asLong(), again.get("network_ms").asLong(), again.get("population_ms").asLong(),
                    again.get("models_ms").asLong());
            out.printf(Locale.ROOT, "  live heap holding the region (network with walk, e-bike and car; population; models): %.0f MB; "
                    + "with one coverage field %.0f MB%n", m.get("live_heap_region_mb").asDouble(), m.get("live_heap_region_and_field_mb").asDouble());
            out.println("full coverage                                                     cold        warm");
            row("ours: node times (MultiSourceSearch), " + m.get("stations").asInt() + " stations", m.get("coverage_search"), Double.NaN);
            row("bare multi-source Dijkstra (the limit), lazy heap", m.get("bare_dijkstra_lazy_heap"), Double.NaN);
            row("bare multi-source Dijkstra (the limit), decrease-key", m.get("bare_dijkstra_decrease_key"), Double.NaN);
            out.printf(Locale.ROOT, "  first band tile (PNG, z14) once the field is there %s ms; the 20 tiles of one view %s ms warm%n",
                    fmt(m.get("first_band_tile_ms").asDouble()), fmt(warm(m.get("band_tiles_view20"))));
            Map<String, Object> c = new LinkedHashMap<>();
            check(c, "metropolis_bare_equals_ours", m.get("bare_dijkstra_equals_ours").asBoolean(),
                    "bare Dijkstra times equal ours exactly on the metropolis: " + m.get("bare_dijkstra_equals_ours").asBoolean());
        }
        if (p != null) {
            out.println();
            out.printf(Locale.ROOT, "== Province (synthetic): %d cities of %,d edges in one instance, -Xmx%s, memory budget %d MB ==%n",
                    p.get("cities").asInt(), p.get("edges_per_city").asInt(), p.get("server_heap").asText(),
                    p.get("memory_budget_mb").asInt());
            out.println("   " + p.get("source").asText());
            out.println("  visit  region  kind              status         ms  in memory after         live heap MB");
            int i = 0;
            Map<String, List<Double>> byKind = new LinkedHashMap<>();
            double maxLive = 0;
            for (JsonNode v : p.get("visits")) {
                out.printf(Locale.ROOT, "  %5d  %s  %-16s  %6d  %9s  %-22s  %6.0f%n", ++i, v.get("region").asText(),
                        v.get("kind").asText(), v.get("status").asInt(), fmt(v.get("ms").asDouble()), v.get("in_memory_after"),
                        v.get("live_heap_after_mb").asDouble());
                byKind.computeIfAbsent(v.get("kind").asText(), k -> new ArrayList<>()).add(v.get("ms").asDouble());
                maxLive = Math.max(maxLive, v.get("live_heap_after_mb").asDouble());
            }
            byKind.forEach((kind, ms) -> {
                double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                out.printf(Locale.ROOT, "  %-16s median %s ms, max %s ms (%d visits)%n", kind, fmt(a[a.length / 2]),
                        fmt(a[a.length - 1]), a.length);
            });
            out.printf(Locale.ROOT, "  server: live heap after GC at start %.0f MB, at most %.0f MB during the run; peak RSS %s MB; "
                            + "alive at the end: %s; OutOfMemoryError: %s%n", p.get("server_live_heap_at_start_mb").asDouble(), maxLive,
                    p.path("server_peak_rss_mb").isNull() ? "-" : fmt(p.get("server_peak_rss_mb").asDouble()),
                    p.get("server_alive_at_end").asBoolean(), p.get("out_of_memory").asBoolean() ? "YES" : "none");
            Map<String, Object> c = new LinkedHashMap<>();
            check(c, "province_answers", p.get("all_answers_200").asBoolean(), "every coverage request of the province run answered 200");
        }
        out.println();
        out.println("targets (scale)");
        if (m != null) {
            double millions = m.get("edges").asDouble() / 1e6;
            target("metropolis: full coverage within 2× of a bare multi-source Dijkstra",
                    m.get("ours_over_fastest_bare_per_round_median").asDouble(), "<=", 2, "×");
            target("metropolis: live heap ≤ 300 MB per million edges (region + one field)",
                    m.get("live_heap_region_and_field_mb").asDouble() / millions, "<=", 300, " MB");
            target("metropolis: load from cache ≤ 5 s per million edges (fresh JVM)",
                    m.at("/load_from_cache_fresh_jvm/total_ms").asDouble() / 1000 / millions, "<=", 5, " s");
        }
        if (p != null)
            target("province: no OutOfMemoryError at any point", p.get("out_of_memory").asBoolean() ? 1 : 0, "<=", 0,
                    p.get("out_of_memory").asBoolean() ? " (ran out)" : " (none)");
    }

    private void target(String name, double value, String op, double bound, String unit) {
        boolean met = switch (op) {
            case ">=" -> value >= bound;
            case "<=" -> value <= bound;
            default -> value < bound;
        };
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("target", name);
        t.put("value", round2(value));
        t.put("bound", op + " " + bound);
        t.put("met", met);
        targets.add(t);
        out.printf(Locale.ROOT, "  [%s] %-62s %s%n", met ? "met" : "MISSED", name,
                unit.equals("×") ? String.format(Locale.ROOT, "%.1f×", value) : fmt(value) + unit);
    }

    private void row(String name, JsonNode timing, double ratio) {
        out.printf(Locale.ROOT, "  %-56s %11s %11s %9s%n", name, fmt(cold(timing)), fmt(warm(timing)),
                Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.1f×", ratio));
    }

    private static double warm(JsonNode timing) {
        return timing.get("warm_median_ms").asDouble();
    }

    private static double cold(JsonNode timing) {
        return timing.get("cold_ms").asDouble();
    }

    static String fmt(double ms) {
        if (Double.isNaN(ms))
            return "-";
        if (ms >= 1000)
            return String.format(Locale.ROOT, "%,.0f", ms);
        if (ms >= 10)
            return String.format(Locale.ROOT, "%.1f", ms);
        return String.format(Locale.ROOT, "%.3f", ms);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
