package cn.servicemap.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.servicemap.gis.network.TravelProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The coverage cache computes a key once however many requests miss it together, and forgets failures and stale keys. */
class CoverageCacheTest {

    private static final CoverageService.Counted ALL = new CoverageService.Counted(Set.of(), Set.of(), null, null, "RESIDENTS");

    private static CoverageCache.Key key(long load, long version) {
        return new CoverageCache.Key("320100", load, version, TravelProfile.WALK, ALL, List.of(5, 10, 15), "");
    }

    @Test
    void shouldComputeOnceUnderConcurrentMisses() throws Exception {
        CoverageCache cache = new CoverageCache();
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CoverageService.State>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return cache.state(key(1, 7), () -> {
                        computed.incrementAndGet();
                        sleep(200); // long enough for every other thread to miss meanwhile
                        return null;
                    });
                }));
            }
            start.countDown();
            for (Future<CoverageService.State> a : answers) {
                a.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(computed).hasValue(1);
    }

    @Test
    void shouldForgetAFailureAndComputeAgain() {
        CoverageCache cache = new CoverageCache();
        assertThatThrownBy(() -> cache.state(key(1, 7), () -> {
            throw new IllegalStateException("network gone");
        })).hasMessage("network gone");
        AtomicInteger computed = new AtomicInteger();
        cache.state(key(1, 7), () -> {
            computed.incrementAndGet();
            return null;
        });
        assertThat(computed).hasValue(1);
    }

    /** A region dropped from memory takes its results with it (they would keep its network alive); others stay. */
    @Test
    void shouldForgetEverythingOfARegionAndNothingElse() {
        CoverageCache cache = new CoverageCache();
        AtomicInteger computed = new AtomicInteger();
        CoverageCache.Key other = new CoverageCache.Key("990100", 3, 7, TravelProfile.WALK, ALL, List.of(15), "");
        cache.state(key(1, 7), () -> count(computed));
        cache.nearest(key(1, 7), () -> null);
        cache.state(other, () -> count(computed));

        cache.forget("320100");

        cache.state(other, () -> count(computed)); // kept
        assertThat(computed).hasValue(2);
        cache.state(key(1, 7), () -> count(computed)); // computed again
        assertThat(computed).hasValue(3);
        AtomicInteger built = new AtomicInteger();
        cache.nearest(key(1, 7), () -> {
            built.incrementAndGet();
            return null;
        });
        assertThat(built).hasValue(1);
    }

    @Test
    void shouldDropOlderDataVersionsAndLoadsOfTheRegion() {
        CoverageCache cache = new CoverageCache();
        AtomicInteger computed = new AtomicInteger();
        cache.state(key(1, 7), () -> count(computed));
        cache.state(key(1, 8), () -> count(computed));
        cache.state(key(1, 7), () -> count(computed)); // version 7 was dropped when 8 arrived
        assertThat(computed).hasValue(3);
        cache.state(key(2, 7), () -> count(computed));
        cache.state(key(2, 7), () -> count(computed)); // kept
        assertThat(computed).hasValue(4);
    }

    private static CoverageService.State count(AtomicInteger computed) {
        computed.incrementAndGet();
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
