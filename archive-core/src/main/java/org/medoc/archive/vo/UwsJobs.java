package org.medoc.archive.vo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The asynchronous TAP jobs (UWS 1.1), kept in memory: at most {@link VoSettings#asyncJobs()} at once (the oldest
 * finished job makes room for a new one), each destroyed with its result file at its destruction time. Jobs run
 * two at a time; a job's execution duration bounds its query through PostgreSQL's statement timeout. Jobs do not
 * survive a restart: clients see 404 and submit again, as UWS allows.
 */
@Service
public class UwsJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UwsJobs.class);
    private static final int RUNNING_AT_ONCE = 2;

    private final TapQueryService queries;
    private final VoSettings settings;
    private final Clock clock;
    private final Map<String, UwsJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(RUNNING_AT_ONCE, runnable -> {
        Thread thread = new Thread(runnable, "tap-async");
        thread.setDaemon(true);
        return thread;
    });
    private final Path results;

    @org.springframework.beans.factory.annotation.Autowired
    public UwsJobs(TapQueryService queries, VoSettings settings) throws IOException {
        this(queries, settings, Clock.systemUTC());
    }

    UwsJobs(TapQueryService queries, VoSettings settings, Clock clock) throws IOException {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
        this.results = Files.createTempDirectory("medoc-tap-results");
    }

    /** A new PENDING job with these parameters (names upper case); PHASE=RUN starts it at once. */
    UwsJob create(Map<String, String> parameters, String baseUrl) {
        destroyExpired();
        synchronized (jobs) {
            if (jobs.size() >= settings.asyncJobs()) {
                UwsJob oldest = jobs.values().stream().filter(UwsJob::finished)
                        .min(Comparator.comparing(j -> j.creationTime))
                        .orElseThrow(() -> new TooManyJobsException(settings.asyncJobs()));
                delete(oldest.id);
            }
            Instant now = clock.instant();
            UwsJob job = new UwsJob(UUID.randomUUID().toString(), parameters.get("RUNID"), now, parameters, baseUrl,
                    settings.statementTimeout().toSeconds(), now.plus(settings.asyncRetention()));
            jobs.put(job.id, job);
            if ("RUN".equalsIgnoreCase(parameters.get("PHASE"))) {
                run(job);
            }
            return job;
        }
    }

    Optional<UwsJob> job(String id) {
        destroyExpired();
        return Optional.ofNullable(jobs.get(id));
    }

    List<UwsJob> list() {
        destroyExpired();
        return jobs.values().stream().sorted(Comparator.comparing(j -> j.creationTime)).toList();
    }

    /** RUN: a PENDING job is queued (other phases are left as they are, as UWS allows). */
    void run(UwsJob job) {
        synchronized (job) {
            if (job.phase() != UwsJob.Phase.PENDING) {
                return;
            }
            job.phase(UwsJob.Phase.QUEUED);
            job.queued(executor.submit(() -> execute(job)));
        }
    }

    long maxExecutionSeconds() {
        return settings.statementTimeout().toSeconds();
    }

    java.time.Duration retention() {
        return settings.asyncRetention();
    }

    void abort(UwsJob job) {
        job.abort(clock.instant());
    }

    void delete(String id) {
        UwsJob job = jobs.remove(id);
        if (job != null) {
            job.abort(clock.instant());
            deleteResult(job.result());
        }
    }

    private void execute(UwsJob job) {
        if (!job.start(clock.instant())) {
            return;
        }
        Path file = null;
        try {
            TapParameters parameters = new TapParameters(job.parameters());
            parameters.checkQueryRequest();
            TapOutput output = TapOutput.named(parameters.format());
            long maxrec = queries.maxrec(parameters.maxrec());
            file = Files.createTempFile(results, job.id, ".result");
            try (TapQueryService.QueryResult result = queries.open(parameters.get("QUERY"), maxrec, job.baseUrl,
                    Duration.ofSeconds(job.executionDurationSeconds()));
                 OutputStream out = Files.newOutputStream(file)) {
                output.write(result, out);
            }
            if (!job.complete(clock.instant(), file, output)) {
                deleteResult(file);
            }
        } catch (AdqlException e) {
            deleteResult(file);
            job.fail(clock.instant(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            deleteResult(file);
            log.warn("async TAP job {} failed", job.id, e);
            job.fail(clock.instant(), "the query failed: " + e.getMessage());
        }
    }

    private void destroyExpired() {
        Instant now = clock.instant();
        jobs.values().stream().filter(j -> j.destruction() != null && !j.destruction().isAfter(now))
                .map(j -> j.id).toList().forEach(this::delete);
    }

    private static void deleteResult(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("could not delete TAP result {}", file, e);
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        jobs.keySet().forEach(this::delete);
        try {
            Files.deleteIfExists(results);
        } catch (IOException ignored) {
            // a temporary directory left behind
        }
    }

    /** Every job slot holds an unfinished job. */
    static final class TooManyJobsException extends RuntimeException {
        TooManyJobsException(int limit) {
            super("the service holds " + limit + " unfinished asynchronous jobs: try again later or use /tap/sync");
        }
    }
}
