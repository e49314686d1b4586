package org.medoc.archive.ingest;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest runs of this process while they last, with their latest progress: what the Ingest view shows under
 * "Running ingests". A run is listed from its start to its end; nothing is kept afterwards.
 */
@Component
public class IngestActivity {

    /** One running ingest: who started it (the recorded source), when, and how far it is. */
    public record Run(long id, String source, Instant started, IngestProgress progress) {}

    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentHashMap<Long, Run> running = new ConcurrentHashMap<>();

    public long start(String source, IngestProgress initial) {
        long id = ids.incrementAndGet();
        running.put(id, new Run(id, source, Instant.now(), initial));
        return id;
    }

    public void update(long id, IngestProgress progress) {
        running.computeIfPresent(id, (key, run) -> new Run(run.id(), run.source(), run.started(), progress));
    }

    public void end(long id) {
        running.remove(id);
    }

    /** The running ingests, oldest first. */
    public List<Run> running() {
        return running.values().stream().sorted(Comparator.comparingLong(Run::id)).toList();
    }
}
