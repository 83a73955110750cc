package cn.servicemap.jobs;

import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.NotFoundException;
import cn.servicemap.system.ServiceMapProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Runs long work (region imports, siting) one at a time per instance in the background and keeps each job's progress
 * for people to watch: stage, percent by the stages' weights, an estimate of the time left, how it ended, and what it
 * made (an answer any instance hands out).
 *
 * <p>Jobs are kept in the database ({@code job}), so that with several instances on one database any of them answers
 * for a job, and a cancel sent to any reaches it. The instance running a job writes its state at every stage and every
 * {@value #HEARTBEAT_SECONDS} s (its heartbeat), and reads there whether someone asked it to stop. A job not ended
 * whose instance restarted (the same instance name) or fell silent for {@value #STALE_SECONDS} s died with its
 * instance: it is reported and stored as FAILED, never left running for ever; what it was writing says for itself how
 * it ended (a region import writes in one transaction at its end, and the region is marked FAILED on start). Ended
 * jobs are deleted after {@value #KEEP_DAYS} days. Limit: a job whose instance lost the database for longer than
 * {@value #STALE_SECONDS} s is declared dead by the others even if it then finishes.
 */
@Service
public class JobService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    static final long KEEP_DAYS = 7;
    static final long HEARTBEAT_SECONDS = 5;
    static final long STALE_SECONDS = 60;

    /** One stage of a job and its share of the work (weights need not sum to anything). */
    public record Stage(String name, int weight) {
    }

    /**
     * How a job ended well: a line for a person, and what it made for {@link #answer} (null when the line says it all).
     */
    public record Outcome(String summary, Object answer) {
        public static Outcome of(String summary) {
            return new Outcome(summary, null);
        }
    }

    private final class Running implements Progress {
        final String id;
        final String kind;
        final String subject;
        final List<Stage> stages;
        final OffsetDateTime startedAt;
        volatile Job.Status status = Job.Status.QUEUED;
        volatile int stage;
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
            this.startedAt = now();
        }

        @Override
        public void stage(int index) {
            checkCancelled();
            stage = Math.min(index, stages.size() - 1);
            stageFraction = 0;
            write(this);
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

    /** This instance's jobs until they end and their end is stored. */
    private final Map<String, Running> local = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "servicemap-jobs"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "servicemap-jobs-heartbeat"));
    private final JobRepository repository;
    private final Clock clock;
    private final String instance;

    @Autowired
    JobService(JobRepository repository, Clock clock, ServiceMapProperties properties, Environment environment) {
        this(repository, clock, instanceName(properties, environment));
    }

    /** @param instance the name this instance's jobs are stored with: the same after a restart, different from the others' */
    JobService(JobRepository repository, Clock clock, String instance) {
        this.repository = repository;
        this.clock = clock;
        this.instance = instance;
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** servicemap.instance-name, else this host's name and the configured port (stable across restarts). */
    private static String instanceName(ServiceMapProperties properties, Environment environment) {
        if (properties.instanceName() != null && !properties.instanceName().isBlank()) {
            return properties.instanceName().trim();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + environment.getProperty("server.port", "8080");
    }

    /**
     * On start: the jobs this instance was running when it stopped died with it (and those of instances silent for
     * {@value #STALE_SECONDS} s): they are stored as FAILED. Old ended jobs are deleted.
     */
    @EventListener(ApplicationStartedEvent.class)
    public void failJobsOfStoppedInstances() {
        OffsetDateTime now = now();
        int failed = repository.failAbandoned(instance, now.minusSeconds(STALE_SECONDS), now, interrupted());
        if (failed > 0) {
            log.warn("{} job(s) were still running when their instance ({} or a silent one) stopped: stored as FAILED. Start them "
                    + "again (a region import: upload the region again).", failed, instance);
        }
        repository.deleteEndedBefore(now.minusDays(KEEP_DAYS));
    }

    /** Queues the work; it runs after this instance's jobs before it. */
    public Job start(String kind, String subject, List<Stage> stages, Function<Progress, Outcome> work) {
        Running job = new Running(kind, subject, stages);
        repository.insert(job.snapshot(), instance, now());
        local.put(job.id, job);
        job.future = worker.submit(() -> run(job, work));
        return job.snapshot();
    }

    private void run(Running job, Function<Progress, Outcome> work) {
        job.startedNanos = System.nanoTime();
        job.status = Job.Status.RUNNING;
        try {
            job.stage(0);
            Outcome outcome = work.apply(job);
            if (outcome.answer() != null) {
                repository.saveAnswer(job.id, outcome.answer());
            }
            job.result = outcome.summary();
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
            end(job);
        }
    }

    /** Stores how the job ended, retrying while the database is away, then forgets it here. */
    private void end(Running job) {
        job.endedAt = now();
        for (int attempt = 0; ; attempt++) {
            try {
                repository.update(job.snapshot(), now());
                local.remove(job.id);
                return;
            } catch (DataAccessException e) {
                if (attempt == 0) {
                    log.warn("Job {} ended ({}) but its end cannot be stored yet ({}); retrying until the database answers",
                            job.id, job.status, e.getMessage());
                }
                if (worker.isShutdown()) {
                    return;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Writes a running job's state; a database away for a moment does not stop the work (the heartbeat writes again). */
    private void write(Running job) {
        try {
            if (repository.update(job.snapshot(), now())) {
                job.cancelled = true;
            }
        } catch (DataAccessException e) {
            log.warn("Progress of job {} cannot be stored ({}); the work goes on and the next heartbeat stores it", job.id,
                    e.getMessage());
        }
    }

    private void beat() {
        for (Running job : local.values()) {
            if (job.endedAt == null) {
                write(job);
                if (job.cancelled && job.status == Job.Status.QUEUED && job.future != null && job.future.cancel(false)) {
                    job.status = Job.Status.CANCELLED;
                    job.errors = List.of(new FieldError("job", "任务已取消 (cancelled)", "CANCELLED"));
                    end(job);
                }
            }
        }
    }

    /** A job as it stands: this instance's own as it runs, another's as last stored (FAILED once it fell silent). */
    public Job get(String id) {
        Running mine = local.get(id);
        if (mine != null) {
            return mine.snapshot();
        }
        JobRepository.Stored stored = repository.find(id).orElseThrow(() -> unknown(id));
        OffsetDateTime now = now();
        if (stored.job().endedAt() == null && stored.heartbeatAt().isBefore(now.minusSeconds(STALE_SECONDS))) {
            repository.failAbandoned("", now.minusSeconds(STALE_SECONDS), now, interrupted());
            stored = repository.find(id).orElseThrow(() -> unknown(id));
        }
        return stored.job();
    }

    /** What a job that succeeded made, if it made anything. */
    public <T> Optional<T> answer(String id, Class<T> type) {
        return repository.answer(id, type);
    }

    /** The id of the latest job of this kind on this subject (a region's code …) that succeeded and made an answer. */
    public Optional<String> latestAnswered(String kind, String subject) {
        return repository.latestAnswered(kind, subject);
    }

    /** Asks the job to stop at its next check, through whichever instance runs it; a queued job never starts. */
    public Job cancel(String id) {
        Running job = local.get(id);
        if (job == null) {
            Job stored = get(id);
            if (stored.endedAt() == null) {
                repository.requestCancel(id);
            }
            return get(id);
        }
        if (job.status == Job.Status.QUEUED || job.status == Job.Status.RUNNING) {
            job.cancelled = true;
            if (job.status == Job.Status.QUEUED && job.future.cancel(false)) {
                job.status = Job.Status.CANCELLED;
                job.errors = List.of(new FieldError("job", "任务已取消 (cancelled)", "CANCELLED"));
                Job snapshot = job.snapshot();
                end(job);
                return snapshot;
            }
        }
        return job.snapshot();
    }

    private static NotFoundException unknown(String id) {
        return new NotFoundException("没有编号为 " + id + " 的任务 (no job " + id + ")");
    }

    private static List<FieldError> interrupted() {
        return List.of(new FieldError("job", "任务被中断：运行它的应用实例已停止，请重新开始 (interrupted: the app instance running it stopped; "
                + "start it again)", "INTERRUPTED"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        worker.shutdownNow();
    }
}
