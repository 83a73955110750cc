package cn.servicemap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A job's percent counts the part of the current stage done, and a cancel is seen by work that only asks. */
class JobServiceTest {

    @Test
    void shouldCountThePartOfAStageDoneAndLetWorkAskWhetherItWasCancelled() throws Exception {
        try (JobService jobs = new JobService(Clock.systemUTC())) {
            CountDownLatch halfway = new CountDownLatch(1);
            CountDownLatch cancelled = new CountDownLatch(1);
            Job started = jobs.start("test", "x", List.of(new JobService.Stage("a", 20), new JobService.Stage("b", 80)), progress -> {
                progress.stage(1);
                progress.within(0.5);
                halfway.countDown();
                while (!progress.isCancelled()) {
                    Thread.onSpinWait();
                }
                cancelled.countDown();
                progress.checkCancelled();
                return "never";
            });
            assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(jobs.get(started.id()).percent()).isEqualTo(60); // 20 + half of 80
            jobs.cancel(started.id());
            assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (jobs.get(started.id()).status() != Job.Status.CANCELLED && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(jobs.get(started.id()).status()).isEqualTo(Job.Status.CANCELLED);
        }
    }
}
