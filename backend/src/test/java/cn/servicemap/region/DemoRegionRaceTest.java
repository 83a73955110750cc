package cn.servicemap.region;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.districts.DistrictService;
import cn.servicemap.stations.StationRepository;
import cn.servicemap.stations.StationService;
import cn.servicemap.support.FixedClockConfig;
import cn.servicemap.support.RequiresPostgis;
import cn.servicemap.support.TestDatabases;
import cn.servicemap.system.ServiceMapProperties;
import cn.servicemap.system.SharedData;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances started at once on one empty PostgreSQL database both find it empty and load the demo region: the
 * one that writes second waits on the region's key, then rolls back and starts with the other's region — it does not
 * fail its start, and nothing is loaded twice.
 */
@RequiresPostgis
@SpringBootTest(properties = {"servicemap.demo.enabled=false", "servicemap.data-dir=${servicemap.repo-root:..}/../shared/data",
        "servicemap.network.warm-up=false", "servicemap.network.cache-dir=target/network-cache"})
@Import(FixedClockConfig.class)
class DemoRegionRaceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshPostgisUrl);
    }

    @Autowired ServiceMapProperties properties;
    @Autowired SharedData sharedData;
    @Autowired RegionRepository regions;
    @Autowired DistrictRepository districts;
    @Autowired DistrictService districtService;
    @Autowired StationRepository stations;
    @Autowired StationService stationService;
    @Autowired TransactionTemplate tx;
    @Autowired JsonMapper json;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldStartWithTheOtherInstancesDemoWhenBothLoadItAtOnce() throws Exception {
        assertThat(districts.count()).as("an empty database").isZero();
        ServiceMapProperties p = properties;
        DemoRegionLoader ours = new DemoRegionLoader(new ServiceMapProperties(p.dataDir(), new ServiceMapProperties.Demo(true),
                p.timeZone(), p.network(), p.regionsDir(), p.security(), p.instanceName(), p.publicUrl(), p.photos()),
                sharedData, regions, districts, districtService, stations, stationService, tx, json, clock);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // the other instance: its load has written the region's row and not committed yet
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Future<?> other = threads.submit(() -> tx.executeWithoutResult(s -> {
                jdbc.sql("INSERT INTO region (code, name_zh, synthetic, description, loaded_at, status) "
                        + "VALUES ('nanjing-core', '南京新街口核心区（另一实例）', FALSE, 'the other instance', now(), 'READY')").update();
                written.countDown();
                try {
                    commit.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();

            Future<?> load = threads.submit(() -> {
                ours.run(null);
                return null;
            });
            // ours finds the database empty (the other's row is not committed) and waits on the region's key
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                    .query(Long.class).single() == 0) {
                assertThat(System.nanoTime()).as("our load waits on the other's row").isLessThan(deadline);
                assertThat(load.isDone()).as("our load is still running").isFalse();
                Thread.sleep(50);
            }
            commit.countDown();
            other.get(30, TimeUnit.SECONDS);
            load.get(60, TimeUnit.SECONDS); // no exception: this instance starts

            assertThat(regions.find("nanjing-core")).get().extracting(Region::description).isEqualTo("the other instance");
            assertThat(districts.count()).as("nothing of ours was kept").isZero();
            assertThat(stations.count()).isZero();
        } finally {
            threads.shutdownNow();
        }
    }
}
