package cn.servicemap.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.gis.synthetic.SyntheticCity;
import cn.servicemap.support.RequiresPostgis;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Faults on the packaged app with its own PostGIS cluster: killed ({@code kill -9}) in the middle of a region import and
 * of a station import's commit — after a restart nothing is half written and the job shows FAILED; PostgreSQL stopped
 * and started under load with an editor at work — 503 problem details meanwhile, never 500, recovery without a restart,
 * no acknowledged edit lost; the network cache's disk full during a region's re-import — a clear error, the old
 * network keeps serving.
 */
@RequiresPostgis
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final String NANJING = "320100";
    /** Xinjiekou, Nanjing (WGS84), where the OSM fixture has streets. */
    private static final double LON = 118.7841;
    private static final double LAT = 32.0415;

    private final Path dir = AppProcess.freshFolder("faults");
    /** The network cache: a small tmpfs of its own when this machine lets the test mount one (root), else a folder. */
    private Path cache;
    private boolean cacheIsTmpfs;
    private PostgresCluster postgres;
    private AppProcess app;

    @BeforeAll
    void startTheAppOnItsOwnCluster() throws Exception {
        postgres = new PostgresCluster(Path.of(System.getProperty("java.io.tmpdir"), "servicemap-faults-" + ProcessHandle.current().pid()),
                "servicemap_faults");
        cache = Files.createDirectories(dir.resolve("network-cache"));
        cacheIsTmpfs = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256m", "tmpfs", cache.toString()).redirectErrorStream(true)
                .start().waitFor() == 0;
        app = new AppProcess("faults", dir.resolve("app"), postgres.url(), false, List.of(
                "--servicemap.regions-dir=" + dir.resolve("regions"), "--servicemap.network.cache-dir=" + cache)).start();
    }

    @AfterAll
    void stopAll() throws Exception {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (cacheIsTmpfs) {
            new ProcessBuilder("umount", cache.toString()).start().waitFor();
        }
    }

    private Http admin() {
        return Http.to(app.uri("")).as(AppProcess.ADMIN, AppProcess.ADMIN_PASSWORD);
    }

    @Test
    @Order(1)
    void shouldLeaveNoHalfImportedRegionAndAFailedJobWhenKilledDuringTheImport() throws Exception {
        // a city big enough that building its network takes seconds
        Http.Answer started = admin().importCity(new SyntheticCity(11L, 116.0, 30.0, 220, 220, 150, 4, 4), dir.resolve("big-city"),
                "990900", "被中断的城");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.location();
        JsonNode running = admin().get(job).json();
        long until = System.nanoTime() + 60_000_000_000L;
        while (!"RUNNING".equals(running.path("status").asText()) && System.nanoTime() < until) {
            Thread.sleep(50);
            running = admin().get(job).json();
        }
        Thread.sleep(1_500); // into the network build
        running = admin().get(job).json();
        assertThat(running.path("status").asText()).as("still building when killed: " + running).isEqualTo("RUNNING");
        assertThat(postgres.number("SELECT COUNT(*) FROM region WHERE code = '990900' AND status = 'IMPORTING'")).isEqualTo(1);

        app.kill();
        app.start();

        JsonNode after = admin().get(job).json();
        assertThat(after.path("status").asText()).as(after.toString()).isEqualTo("FAILED");
        assertThat(after.path("errors").get(0).path("code").asText()).isEqualTo("INTERRUPTED");
        assertThat(postgres.number("SELECT COUNT(*) FROM region WHERE code = '990900' AND status = 'FAILED'")).isEqualTo(1);
        assertThat(postgres.number("SELECT COUNT(*) FROM district WHERE region_code = '990900'")).as("no half import").isZero();
    }

    @Test
    @Order(2)
    void shouldLeaveNoHalfImportedStationsWhenKilledDuringTheCommit() throws Exception {
        importNanjing(osmFixture());
        int rows = 40_000;
        StringBuilder csv = new StringBuilder("名称,类型,经度,纬度,地址,电话,开放时间,服务项目\n");
        for (int i = 0; i < rows; i++) { // a lattice of points ~5 m apart around Xinjiekou
            csv.append("中断测试驿站-").append(i).append(",爱心驿站,").append(String.format("%.6f", 118.772 + (i % 400) * 0.00005)).append(',')
                    .append(String.format("%.6f", 32.030 + (i / 400) * 0.00005)).append(",,,24/7,饮水\n");
        }
        Path file = dir.resolve("stations.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        long before = postgres.number("SELECT COUNT(*) FROM station");
        long eventsBefore = postgres.number("SELECT COUNT(*) FROM station_event");

        CompletableFuture<Http.Answer> commit = CompletableFuture.supplyAsync(() -> {
            try {
                return admin().multipart("/api/stations/imports?crs=WGS84&commit=true", Map.of(), Map.of("file", file));
            } catch (Exception e) {
                return null; // the app died under the request
            }
        });
        // the app's transaction has written rows (it holds a transaction id) and not committed yet
        long until = System.nanoTime() + 120_000_000_000L;
        while (postgres.number("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL "
                + "AND pid <> pg_backend_pid()") == 0 && !commit.isDone() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(commit).as("the commit was still running when the app was killed").isNotDone();
        app.kill();
        assertThat(commit.get()).as("no answer from a killed app").isNull();
        app.start();

        assertThat(postgres.number("SELECT COUNT(*) FROM station")).as("no half import").isEqualTo(before);
        assertThat(postgres.number("SELECT COUNT(*) FROM station_event")).isEqualTo(eventsBefore);
        // and the same file commits whole after the restart
        Http.Answer again = admin().multipart("/api/stations/imports?crs=WGS84&commit=true", Map.of(), Map.of("file", file));
        assertThat(again.status()).as(again.body().substring(0, Math.min(400, again.body().length()))).isEqualTo(200);
        assertThat(postgres.number("SELECT COUNT(*) FROM station")).isEqualTo(before + rows);
    }

    @Test
    @Order(3)
    void shouldAnswer503WhilePostgresRestartsAndRecoverWithoutLosingAnAcknowledgedEdit() throws Exception {
        Http anonymous = Http.to(app.uri(""));
        Http editor = admin();
        long station = anonymous.get("/api/nearest?region=" + NANJING + "&profile=WALK&k=1&lon=" + LON + "&lat=" + LAT).json().path("stations").get(0)
                .path("id").asLong();
        ConcurrentHashMap<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicReference<String> lastAcknowledged = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 3; c++) {
            clients.submit(() -> {
                while (!stop.get()) {
                    double lon = LON + ThreadLocalRandom.current().nextDouble(-0.005, 0.005);
                    double lat = LAT + ThreadLocalRandom.current().nextDouble(-0.005, 0.005);
                    record(anonymous.get("/api/nearest?region=" + NANJING + "&profile=WALK&k=3&lon=" + lon + "&lat=" + lat), statuses, wrong);
                }
                return null;
            });
        }
        clients.submit(() -> {
            int n = 0;
            while (!stop.get()) {
                Http.Answer current = editor.get("/api/stations/" + station);
                record(current, statuses, wrong);
                if (current.status() != 200) {
                    Thread.sleep(200);
                    continue;
                }
                String name = "重启测试驿站 " + (++n);
                JsonNode feature = current.json();
                String body = "{\"name\":\"" + name + "\",\"kind\":\"" + feature.path("properties").path("kind").asText() + "\",\"lon\":"
                        + feature.path("geometry").path("coordinates").get(0).asDouble() + ",\"lat\":"
                        + feature.path("geometry").path("coordinates").get(1).asDouble() + "}";
                Http.Answer put = editor.json("PUT", "/api/stations/" + station, body,
                        Http.headers("If-Match", "\"" + feature.path("properties").path("version").asInt() + "\""));
                record(put, statuses, wrong);
                if (put.status() == 200) {
                    lastAcknowledged.set(name);
                }
            }
            return null;
        });
        Thread.sleep(3_000);
        postgres.stop();
        Thread.sleep(8_000);
        int unavailable = statuses.getOrDefault(503, 0);
        postgres.start();
        long recoveredBy = System.nanoTime() + 60_000_000_000L;
        boolean recovered = false;
        while (!recovered && System.nanoTime() < recoveredBy) {
            Thread.sleep(500);
            recovered = anonymous.get("/api/nearest?region=" + NANJING + "&profile=WALK&k=1&lon=" + LON + "&lat=" + LAT).status() == 200;
        }
        Thread.sleep(3_000); // edits go on after the recovery
        stop.set(true);
        clients.shutdown();
        clients.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(wrong).as("answers other than 200 or a 503 problem detail").isEmpty();
        assertThat(unavailable).as("requests answered 503 while the database was down").isPositive();
        assertThat(recovered).as("answers again without a restart").isTrue();
        assertThat(lastAcknowledged.get()).isNotNull();
        String stored = anonymous.get("/api/stations/" + station).json().path("properties").path("name").asText();
        assertThat(stored).as("the last acknowledged edit").isEqualTo(lastAcknowledged.get());
    }

    private static void record(Http.Answer r, Map<Integer, Integer> statuses, ConcurrentLinkedQueue<String> wrong) {
        statuses.merge(r.status(), 1, Integer::sum);
        boolean problem503 = r.status() == 503 && r.contentType().startsWith("application/problem+json")
                && r.body().contains("database-unavailable");
        if (r.status() != 200 && !problem503) {
            wrong.add(r.status() + " " + r.body().substring(0, Math.min(300, r.body().length())));
        }
    }

    @Test
    @Order(4)
    void shouldSayTheCacheDiskIsFullAndKeepServingTheOldNetwork() throws Exception {
        Assumptions.assumeTrue(cacheIsTmpfs, "cannot mount a small tmpfs here (not root): the full-disk case needs one");
        Http anonymous = Http.to(app.uri(""));
        assertThat(anonymous.get("/api/coverage?profile=WALK&region=" + NANJING).status()).isEqualTo(200);
        Path filler = cache.resolve("filler");
        try {
            byte[] block = new byte[1 << 20];
            try (OutputStream out = Files.newOutputStream(filler)) {
                while (true) {
                    out.write(block);
                }
            } catch (IOException full) {
                // the disk is full now
            }
            JsonNode failed = importRegion(nanjingWithMoreStreets(), NANJING);
            assertThat(failed.path("status").asText()).as(failed.toString()).isEqualTo("FAILED");
            assertThat(failed.path("errors").get(0).path("reason").asText()).contains("磁盘").contains(cache.toString());

            Http.Answer coverage = anonymous.get("/api/coverage?profile=WALK&region=" + NANJING);
            assertThat(coverage.status()).as("the old network keeps serving").isEqualTo(200);
            assertThat(anonymous.get("/api/nearest?region=" + NANJING + "&profile=WALK&k=1&lon=" + LON + "&lat=" + LAT).status()).isEqualTo(200);
        } finally {
            Files.deleteIfExists(filler);
        }
    }

    /**
     * The fixture's streets and many more (a generated grid south-west of Xinjiekou, inside 南京's districts): a new
     * network much larger than the one it replaces, so that deleting the old cache cannot make room for it.
     */
    private Path nanjingWithMoreStreets() throws IOException {
        Path grid = dir.resolve("grid.osm");
        new SyntheticCity(3L, 118.70, 31.98, 120, 120, 150, 2, 2).writeOsm(grid, 4);
        String extra = Files.readString(grid, StandardCharsets.UTF_8);
        String extraNodes = extra.substring(extra.indexOf("<node"), extra.indexOf("<way"));
        String extraWays = extra.substring(extra.indexOf("<way"), extra.lastIndexOf("</osm>"));
        String osm = Files.readString(osmFixture(), StandardCharsets.UTF_8);
        int ways = osm.indexOf("<way");
        int relations = osm.indexOf("<relation");
        Path changed = dir.resolve("nanjing-more-streets.osm");
        // OSM order: every node, then every way, then the relations
        Files.writeString(changed, osm.substring(0, ways) + extraNodes + osm.substring(ways, relations) + extraWays
                + osm.substring(relations), StandardCharsets.UTF_8);
        return changed;
    }

    private Path osmFixture() {
        return AppProcess.repoRoot().resolve("../shared/data/osm-cn-fixtures/nanjing-xinjiekou.osm").normalize();
    }

    private void importNanjing(Path osm) throws Exception {
        JsonNode done = importRegion(osm, NANJING);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
    }

    /** Imports Nanjing's districts and census with the given streets; the job as it ended. */
    private JsonNode importRegion(Path osm, String code) throws Exception {
        Path data = AppProcess.repoRoot().resolve("../shared/data").normalize();
        Http.Answer started = admin().multipart("/api/regions", Map.of("code", code, "name", "南京市", "crs", "GCJ02"),
                Map.of("osm", osm, "districts", data.resolve("admin-boundaries-datav/320100_full.json"), "census",
                        data.resolve("census2020-county/population.csv")));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return admin().awaitJob(started.location(), java.time.Duration.ofMinutes(5));
    }
}
