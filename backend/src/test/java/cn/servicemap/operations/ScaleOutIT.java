package cn.servicemap.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.gis.synthetic.SyntheticCity;
import cn.servicemap.support.RequiresPostgis;
import cn.servicemap.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Scale-out as the README describes it: two instances of the packaged app on one PostGIS database, each with its own
 * network cache, sharing the uploaded region files, behind nginx with {@code scripts/nginx/servicemap.conf}. A login
 * works whichever instance answers; an edit through one is in the other's next coverage answer; a region imported
 * through one serves from the other (its job watched there); killing one loses no request the other could answer.
 */
@RequiresPostgis
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    /** Xinjiekou, Nanjing (WGS84): inside the demo region's stations. */
    private static final double LON = 118.7841;
    private static final double LAT = 32.0415;

    /** Each instance's folder, nginx's, the shared region files; kept under target for reading the logs after a failure. */
    private final Path dir = AppProcess.freshFolder("scale-out");
    private AppProcess a;
    private AppProcess b;
    private Nginx nginx;

    @BeforeAll
    void startTwoInstancesBehindNginx() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Nginx.BINARY) || "true".equals(System.getenv("CI")),
                "nginx is not installed (scripts/test.sh installs it)");
        String db = TestDatabases.freshPostgisUrl();
        List<String> shared = List.of("--servicemap.regions-dir=" + dir.resolve("regions"), "--server.forward-headers-strategy=native");
        // the first start loads the demo region into the empty database; the second finds it there
        a = new AppProcess("a", dir.resolve("a"), db, true, shared).start();
        b = new AppProcess("b", dir.resolve("b"), db, true, shared).start();
        nginx = new Nginx(dir.resolve("nginx"), List.of(a.port(), b.port()));
    }

    @AfterAll
    void stopAll() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {nginx, a, b}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    @Order(1)
    void shouldKeepASignedInSessionWhicheverInstanceAnswers() throws Exception {
        Http browserOnA = Http.to(a.uri(""));
        browserOnA.get("/login.html"); // sets the CSRF cookie the page sends back
        Http.Answer login = browserOnA.form("/login", Map.of("username", AppProcess.ADMIN, "password", AppProcess.ADMIN_PASSWORD,
                "next", "/plan"));
        assertThat(login.status()).as(login.body()).isEqualTo(302);
        assertThat(login.location()).endsWith("/plan");
        assertThat(browserOnA.get("/api/me").json().path("user").path("username").asText()).isEqualTo(AppProcess.ADMIN);

        Http sameBrowserOnB = browserOnA.sameCookiesTo(b.uri(""));
        JsonNode me = sameBrowserOnB.get("/api/me").json();
        assertThat(me.path("signedIn").asBoolean()).as("the session made on a, asked on b").isTrue();
        assertThat(me.path("user").path("username").asText()).isEqualTo(AppProcess.ADMIN);

        Http browserViaNginx = Http.to(nginx.uri());
        browserViaNginx.get("/login.html");
        assertThat(browserViaNginx.form("/login", Map.of("username", AppProcess.ADMIN, "password", AppProcess.ADMIN_PASSWORD,
                "next", "/plan")).status()).isEqualTo(302);
        for (int i = 0; i < 6; i++) { // round robin: both instances answer in turn
            assertThat(browserViaNginx.get("/api/me").json().path("signedIn").asBoolean()).isTrue();
        }
        assertThat(Http.to(b.uri("")).get("/api/me").json().path("signedIn").asBoolean()).as("another browser").isFalse();
    }

    @Test
    @Order(2)
    void shouldShowAnEditThroughOneInstanceInTheOthersNextCoverageAnswer() throws Exception {
        Http onA = Http.to(a.uri("")).as(AppProcess.ADMIN, AppProcess.ADMIN_PASSWORD);
        Http onB = Http.to(b.uri(""));
        JsonNode before = onB.get("/api/coverage?profile=WALK").json();
        JsonNode nearestBefore = onB.get("/api/nearest?profile=WALK&k=1&lon=" + LON + "&lat=" + LAT).json();
        long nearest = nearestBefore.path("stations").get(0).path("id").asLong();

        Http.Answer closed = onA.json("DELETE", "/api/stations/" + nearest + "?reason=" + java.net.URLEncoder.encode("测试：多实例",
                java.nio.charset.StandardCharsets.UTF_8), "", Map.of());
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);

        JsonNode after = onB.get("/api/coverage?profile=WALK").json();
        assertThat(after.path("dataVersion").asLong()).isGreaterThan(before.path("dataVersion").asLong());
        assertThat(after.path("stations").path("counted").asInt()).isEqualTo(before.path("stations").path("counted").asInt() - 1);
        JsonNode nearestAfter = onB.get("/api/nearest?profile=WALK&k=1&lon=" + LON + "&lat=" + LAT).json();
        assertThat(nearestAfter.path("stations").get(0).path("id").asLong()).as("the closed station is no longer the nearest on b")
                .isNotEqualTo(nearest);
    }

    @Test
    @Order(3)
    void shouldServeARegionImportedThroughOneFromTheOther() throws Exception {
        Http onA = Http.to(a.uri("")).as(AppProcess.ADMIN, AppProcess.ADMIN_PASSWORD);
        Http.Answer started = onA.importCity(new SyntheticCity(42L, 116.0, 30.0, 24, 16, 150, 4, 2), dir.resolve("upload"), "990100",
                "合成第二城");
        assertThat(started.status()).as(started.body()).isEqualTo(202);

        Http onB = Http.to(b.uri(""));
        JsonNode watched = onB.awaitJob(started.location(), java.time.Duration.ofMinutes(3)); // runs on a; b answers from the database
        assertThat(watched.path("status").asText()).as(watched.toString()).isEqualTo("SUCCEEDED");

        Http.Answer coverage = onB.get("/api/coverage?profile=WALK&region=990100");
        assertThat(coverage.status()).as(coverage.body()).isEqualTo(200);
        assertThat(coverage.json().path("districts")).hasSize(8);
        assertThat(coverage.json().path("total").path("people").asLong()).isPositive();
        assertThat(onB.get("/api/regions").body()).contains("990100", "合成第二城");
    }

    @Test
    @Order(4)
    void shouldLoseNoRequestWhenOneInstanceIsKilled() throws Exception {
        Http viaNginx = Http.to(nginx.uri());
        assertThat(viaNginx.get("/api/nearest?region=nanjing-core&profile=WALK&k=3&lon=" + LON + "&lat=" + LAT).status()).isEqualTo(200);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger answered = new AtomicInteger();
        long stopAt = System.nanoTime() + 8_000_000_000L;
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            running.add(clients.submit(() -> {
                while (System.nanoTime() < stopAt) {
                    double lon = LON + ThreadLocalRandom.current().nextDouble(-0.01, 0.01);
                    double lat = LAT + ThreadLocalRandom.current().nextDouble(-0.01, 0.01);
                    try {
                        Http.Answer r = viaNginx.get("/api/nearest?region=nanjing-core&profile=WALK&k=3&lon=" + lon + "&lat=" + lat);
                        if (r.status() == 200) {
                            answered.incrementAndGet();
                        } else {
                            failures.add(r.status() + " " + r.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
                return null;
            }));
        }
        Thread.sleep(2_500);
        a.kill();
        for (Future<?> f : running) {
            f.get();
        }
        clients.shutdown();
        assertThat(failures).as("requests lost while instance a was killed").isEmpty();
        assertThat(answered.get()).isGreaterThan(20);
        assertThat(viaNginx.get("/api/regions").status()).isEqualTo(200); // b alone answers
    }
}
