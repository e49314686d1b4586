package org.medoc.release.registrar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * How registrar jobs and the reconciler run ({@code medoc.release.registrar.*}, documented in releases.md).
 *
 * @param scheduled       false leaves jobs queued until something calls {@link RegistrarJobs#runDue()} (tests do)
 * @param sendEvery       how often due jobs are looked for
 * @param reconcileEvery  how often DataCite's records are compared with ours
 * @param reconcileBatch  how many DOIs one reconciler run checks (the least recently checked first)
 * @param firstRetry      wait after the first failed call; doubled after each further failure up to {@code longestRetry}
 * @param maxAttempts     calls before a job is marked FAILED (the reconciler queues it again at its next run)
 * @param claim           how long a node may hold a job while calling DataCite; a node killed mid-call leaves it to expire
 * @param heartbeat       db-scheduler heartbeat of the registrar's tasks: a task left running by a killed node is taken
 *                        over after six missed heartbeats
 */
@Component
public record RegistrarJobSettings(
        @Value("${medoc.release.registrar.scheduled:true}") boolean scheduled,
        @Value("${medoc.release.registrar.send-every:PT5S}") Duration sendEvery,
        @Value("${medoc.release.registrar.reconcile-every:PT1H}") Duration reconcileEvery,
        @Value("${medoc.release.registrar.reconcile-batch:200}") int reconcileBatch,
        @Value("${medoc.release.registrar.first-retry:PT30S}") Duration firstRetry,
        @Value("${medoc.release.registrar.longest-retry:PT1H}") Duration longestRetry,
        @Value("${medoc.release.registrar.max-attempts:12}") int maxAttempts,
        @Value("${medoc.release.registrar.claim:PT5M}") Duration claim,
        @Value("${medoc.release.registrar.heartbeat:PT10S}") Duration heartbeat) {

    /** The wait after {@code attempts} failed calls: firstRetry · 2^(attempts-1), at most longestRetry. */
    public Duration retryAfter(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(longestRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }
}
