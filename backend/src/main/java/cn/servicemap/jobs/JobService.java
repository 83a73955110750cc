package cn.servicemap.jobs;

import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs long work (region imports) one at a time in the background and keeps each job's progress for people to watch:
 * stage, percent by the stages' weights, an estimate of the time left, and how it ended. Jobs live in memory (a
 * restart forgets them; what they were writing says for itself how it ended, e.g. a region marked FAILED) and the
 * finished ones are forgotten after {@value #KEEP_HOURS} hours.
 */
@Service
public class JobService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    static final long KEEP_HOURS = 24;

    /** One stage of a job and its share of the work (weights need not sum to anything). */
    public record Stage(String name, int weight) {
    }

    private final class Running implements Progress {
        final String id;
        final String kind;
        final String subject;
        final List<Stage> stages;
        final OffsetDateTime startedAt;
        volatile Job.Status status = Job.Status.QUEUED;
        volatile int stage;
        volatile long stageStartedNanos;
        volatile long startedNanos;
        volatile boolean cancelled;
        volatile double stageFraction;
        volatile OffsetDateTime endedAt;
        volatile List<FieldError> errors = List.of();
        volatile String result;
        volatile Future<?> future;

        Running(String kind, String subject, List<Stage> stages) {
            this.id = UUID.randomUUID().toString();
            this.kind = kind;
            this.subject = subject;
            this.stages = List.copyOf(stages);
            this.startedAt = OffsetDateTime.now(clock);
        }

        @Override
        public void stage(int index) {
            checkCancelled();
            stage = Math.min(index, stages.size() - 1);
            stageFraction = 0;
            stageStartedNanos = System.nanoTime();
        }

        @Override
        public void within(double fraction) {
            stageFraction = Math.max(0, Math.min(1, fraction));
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void checkCancelled() {
            if (cancelled) {
                throw new Progress.JobCancelledException();
            }
        }

        Job snapshot() {
            int total = stages.stream().mapToInt(Stage::weight).sum();
            double done = stages.subList(0, stage).stream().mapToInt(Stage::weight).sum() + stages.get(stage).weight() * stageFraction;
            int percent = status == Job.Status.SUCCEEDED ? 100 : total == 0 ? 0 : (int) Math.min(99, Math.floor(100.0 * done / total));
            Double left = null;
            if (status == Job.Status.RUNNING && percent > 0) {
                double elapsed = (System.nanoTime() - startedNanos) / 1e9;
                left = Math.round(elapsed / percent * (100 - percent) * 10) / 10.0;
            }
            return new Job(id, kind, subject, status, stage, stages.size(), stages.get(stage).name(), percent, left, startedAt,
                    endedAt, errors, result);
        }
    }

    private final Map<String, Running> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "servicemap-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;

    JobService(Clock clock) {
        this.clock = clock;
    }

    /** Queues the work; it runs after the jobs before it and returns what a person should read when it is done. */
    public Job start(String kind, String subject, List<Stage> stages, Function<Progress, String> work) {
        forgetOld();
        Running job = new Running(kind, subject, stages);
        jobs.put(job.id, job);
        job.future = worker.submit(() -> run(job, work));
        return job.snapshot();
    }

    private void run(Running job, Function<Progress, String> work) {
        job.startedNanos = System.nanoTime();
        job.status = Job.Status.RUNNING;
        try {
            job.stage(0);
            job.result = work.apply(job);
            job.status = Job.Status.SUCCEEDED;
        } catch (Progress.JobCancelledException e) {
            job.status = Job.Status.CANCELLED;
            job.errors = List.of(new FieldError("job", "任务已取消 (cancelled)", "CANCELLED"));
        } catch (InvalidRequestException e) {
            job.status = Job.Status.FAILED;
            job.errors = e.errors();
        } catch (RuntimeException e) {
            job.status = Job.Status.FAILED;
            job.errors = List.of(new FieldError("job", e.getMessage() == null ? "任务失败 (failed)" : e.getMessage(), "FAILED"));
            log.error("Job {} ({} {}) failed: {}", job.id, job.kind, job.subject, e.getMessage(), e);
        } finally {
            job.endedAt = OffsetDateTime.now(clock);
        }
    }

    public Job get(String id) {
        return running(id).snapshot();
    }

    /** Asks the job to stop at its next check; a queued job never starts. */
    public Job cancel(String id) {
        Running job = running(id);
        if (job.status == Job.Status.QUEUED || job.status == Job.Status.RUNNING) {
            job.cancelled = true;
            if (job.status == Job.Status.QUEUED && job.future.cancel(false)) {
                job.status = Job.Status.CANCELLED;
                job.endedAt = OffsetDateTime.now(clock);
            }
        }
        return job.snapshot();
    }

    private Running running(String id) {
        Running job = jobs.get(id);
        if (job == null) {
            throw new NotFoundException("没有编号为 " + id + " 的任务 (no job " + id + ")");
        }
        return job;
    }

    private void forgetOld() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(Duration.ofHours(KEEP_HOURS));
        jobs.values().removeIf(j -> j.endedAt != null && j.endedAt.isBefore(cutoff));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
