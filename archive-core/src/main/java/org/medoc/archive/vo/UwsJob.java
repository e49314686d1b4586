package org.medoc.archive.vo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Future;

/** One asynchronous TAP query (UWS 1.1 job); mutable state is guarded by the job itself. */
final class UwsJob {

    /** UWS execution phases. */
    enum Phase { PENDING, QUEUED, EXECUTING, COMPLETED, ERROR, ABORTED }

    final String id;
    final String runId;
    final Instant creationTime;
    private final Map<String, String> parameters;
    /** the application root at creation, for access URLs in the result */
    final String baseUrl;
    private Phase phase = Phase.PENDING;
    private Instant startTime;
    private Instant endTime;
    private long executionDurationSeconds;
    private Instant destruction;
    private String error;
    private Path result;
    private TapOutput output;
    private Future<?> execution;

    UwsJob(String id, String runId, Instant creationTime, Map<String, String> parameters, String baseUrl,
           long executionDurationSeconds, Instant destruction) {
        this.id = id;
        this.runId = runId;
        this.creationTime = creationTime;
        this.parameters = new java.util.LinkedHashMap<>(parameters);
        this.baseUrl = baseUrl;
        this.executionDurationSeconds = executionDurationSeconds;
        this.destruction = destruction;
    }

    synchronized Map<String, String> parameters() {
        return Map.copyOf(parameters);
    }

    /** UWS: parameters may be changed while the job is PENDING only; false otherwise. */
    synchronized boolean setParameters(Map<String, String> changes) {
        if (phase != Phase.PENDING) {
            return false;
        }
        parameters.putAll(changes);
        return true;
    }

    synchronized Phase phase() {
        return phase;
    }

    synchronized void phase(Phase phase) {
        this.phase = phase;
    }

    synchronized boolean finished() {
        return phase == Phase.COMPLETED || phase == Phase.ERROR || phase == Phase.ABORTED;
    }

    synchronized Instant startTime() {
        return startTime;
    }

    synchronized Instant endTime() {
        return endTime;
    }

    synchronized long executionDurationSeconds() {
        return executionDurationSeconds;
    }

    synchronized void executionDurationSeconds(long seconds) {
        this.executionDurationSeconds = seconds;
    }

    synchronized Instant destruction() {
        return destruction;
    }

    synchronized void destruction(Instant destruction) {
        this.destruction = destruction;
    }

    synchronized String error() {
        return error;
    }

    synchronized Path result() {
        return result;
    }

    synchronized TapOutput output() {
        return output;
    }

    synchronized void queued(Future<?> execution) {
        this.execution = execution;
    }

    /** Moves QUEUED to EXECUTING; false if the job was aborted meanwhile. */
    synchronized boolean start(Instant now) {
        if (phase != Phase.QUEUED) {
            return false;
        }
        phase = Phase.EXECUTING;
        startTime = now;
        return true;
    }

    synchronized boolean complete(Instant now, Path result, TapOutput output) {
        if (phase != Phase.EXECUTING) {
            return false;
        }
        this.phase = Phase.COMPLETED;
        this.endTime = now;
        this.result = result;
        this.output = output;
        return true;
    }

    synchronized void fail(Instant now, String message) {
        if (phase == Phase.EXECUTING || phase == Phase.QUEUED) {
            this.phase = Phase.ERROR;
            this.endTime = now;
            this.error = message;
        }
    }

    /** ABORT: a job not yet finished stops (its query is interrupted) and keeps no result. */
    synchronized boolean abort(Instant now) {
        if (finished()) {
            return false;
        }
        phase = Phase.ABORTED;
        endTime = now;
        if (execution != null) {
            execution.cancel(true);
        }
        return true;
    }
}
