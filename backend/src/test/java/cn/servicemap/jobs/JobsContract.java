package cn.servicemap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.MigratedDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jobs as two instances on one database see them: a job's percent counts the part of its stage done; the other instance
 * reads its progress and answer and can stop it; a job whose instance restarted or fell silent is FAILED, not running
 * for ever.
 */
abstract class JobsContract {

    /** What a job may make: any record, handed out by any instance. */
    record Answer(String name, List<Integer> numbers) {
    }

    private static final List<JobService.Stage> STAGES = List.of(new JobService.Stage("a", 20), new JobService.Stage("b", 80));

    private final MigratedDatabase db = database();
    private final JobRepository repository = new JobRepository(db.jdbc(), JsonMapper.builder().build());
    private final JobService a = new JobService(repository, Clock.systemUTC(), "host-a:8080");
    private final JobService b = new JobService(repository, Clock.systemUTC(), "host-b:8080");

    abstract MigratedDatabase database();

    @AfterEach
    void stopInstances() {
        a.close();
        b.close();
    }

    @Test
    void shouldShowProgressOnEveryInstanceAndStopAJobThroughTheOther() throws Exception {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Job started = a.start("test", "x", STAGES, progress -> {
            progress.stage(1);
            progress.within(0.5);
            halfway.countDown();
            while (!progress.isCancelled()) {
                Thread.onSpinWait();
            }
            stopped.countDown();
            progress.checkCancelled();
            return JobService.Outcome.of("never");
        });
        assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(a.get(started.id()).percent()).isEqualTo(60); // 20 + half of 80
        Job seenByB = b.get(started.id());
        assertThat(seenByB.status()).isEqualTo(Job.Status.RUNNING);
        assertThat(seenByB.stage()).isEqualTo(1); // stored when the stage began
        assertThat(seenByB.stageName()).isEqualTo("b");

        b.cancel(started.id()); // reaches the work at its instance's next heartbeat
        assertThat(stopped.await(JobService.HEARTBEAT_SECONDS * 3, TimeUnit.SECONDS)).isTrue();
        assertThat(eventually(() -> b.get(started.id()).status(), Job.Status.CANCELLED)).isEqualTo(Job.Status.CANCELLED);
        assertThat(b.get(started.id()).errors()).extracting(e -> e.code()).containsExactly("CANCELLED");
    }

    @Test
    void shouldHandOutWhatAJobMadeOnTheOtherInstance() throws Exception {
        Job started = a.start("test", "x", STAGES, progress -> new JobService.Outcome("made one", new Answer("南京", List.of(5, 10, 15))));
        assertThat(eventually(() -> b.get(started.id()).status(), Job.Status.SUCCEEDED)).isEqualTo(Job.Status.SUCCEEDED);
        Job done = b.get(started.id());
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.result()).isEqualTo("made one");
        assertThat(b.answer(started.id(), Answer.class)).contains(new Answer("南京", List.of(5, 10, 15)));
        assertThat(b.answer("no-such-job", Answer.class)).isEmpty();
    }

    @Test
    void shouldFailTheJobsOfAnInstanceThatRestartedOrFellSilent() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Job running = new Job("job-of-a", "region-import", "320100", Job.Status.RUNNING, 0, 3, "构建路网", 40, 12.0, now, null,
                List.of(), null);
        repository.insert(running, "host-a:8080", now); // host-a was killed while it ran this
        Job silent = new Job("job-of-c", "siting", "320100", Job.Status.RUNNING, 1, 3, "选择站点", 50, null, now, null, List.of(), null);
        repository.insert(silent, "host-c:8080", now.minusSeconds(JobService.STALE_SECONDS + 5)); // host-c died a while ago
        Job fresh = new Job("job-of-d", "siting", "320100", Job.Status.RUNNING, 1, 3, "选择站点", 50, null, now, null, List.of(), null);
        repository.insert(fresh, "host-d:8080", now); // host-d is alive

        assertThat(b.get("job-of-c").status()).isEqualTo(Job.Status.FAILED); // found dead on reading
        assertThat(b.get("job-of-c").errors()).extracting(e -> e.code()).containsExactly("INTERRUPTED");
        assertThat(b.get("job-of-a").status()).isEqualTo(Job.Status.RUNNING); // its heartbeat is recent

        try (JobService restartedA = new JobService(repository, Clock.systemUTC(), "host-a:8080")) {
            restartedA.failJobsOfStoppedInstances();
        }
        Job failed = b.get("job-of-a");
        assertThat(failed.status()).isEqualTo(Job.Status.FAILED);
        assertThat(failed.endedAt()).isNotNull();
        assertThat(failed.errors().get(0).reason()).contains("中断");
        assertThat(b.get("job-of-d").status()).isEqualTo(Job.Status.RUNNING);
    }

    private static <T> T eventually(Supplier<T> value, T wanted) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T v = value.get();
        while (!v.equals(wanted) && System.nanoTime() < until) {
            Thread.sleep(20);
            v = value.get();
        }
        return v;
    }
}
