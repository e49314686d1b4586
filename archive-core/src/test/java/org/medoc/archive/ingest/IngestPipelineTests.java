package org.medoc.archive.ingest;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.demo.DemoObservations;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.archive.storage.Sha256;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.db.jooq.archive.Tables.OBSERVATION;

/**
 * The parallel pipeline on the real PostgreSQL: it catalogues and stores exactly what a sequential run does, re-ingest
 * adds nothing, a damaged file among good ones is quarantined alone, a database fault in a batch leaves that batch's
 * files retryable (FAILED, nothing recorded) and the others catalogued, and memory does not grow with the number of
 * files.
 */
@SpringBootTest(classes = ArchiveTestApplication.class)
class IngestPipelineTests {

    /** Large enough a wait that batches close only when full or at the end: their composition is then known. */
    private static final Duration NO_EARLY_FLUSH = Duration.ofMinutes(5);

    @Autowired IngestService ingest;
    @Autowired DSLContext dsl;
    @Autowired ArchiveStore store;
    @Autowired org.medoc.audit.AuditTrail audit;
    @TempDir Path dir;

    /** What the test catalogued or quarantined, removed afterwards: other test classes share this database. */
    private final java.util.Set<String> made = new java.util.HashSet<>();

    @AfterEach
    void restore() {
        dsl.execute("DROP TRIGGER IF EXISTS batch_outage ON archive.observation");
        dsl.execute("DROP FUNCTION IF EXISTS archive.batch_outage()");
    }

    @AfterEach
    void forgetWhatWasMade() {
        dsl.deleteFrom(OBSERVATION).where(OBSERVATION.SHA256.in(made)).execute();
        dsl.deleteFrom(org.medoc.db.jooq.archive.Tables.QUARANTINE)
                .where(org.medoc.db.jooq.archive.Tables.QUARANTINE.SHA256.in(made)).execute();
    }

    private List<Path> demo(String name, long seed, int aiaSets) throws IOException {
        return new DemoObservations(32, seed).write(dir.resolve(name), Instant.parse("2019-05-01T00:00:00Z")
                .plus(Duration.ofDays(seed % 1000)), aiaSets);
    }

    private IngestReport run(Path directory, int workers, int batchSize) throws IOException {
        IngestPipeline.Settings settings = new IngestPipeline.Settings(workers, batchSize, NO_EARLY_FLUSH);
        IngestReport report = ingest.ingest(List.of(directory), "pipeline test", settings, progress -> { });
        report.outcomes().stream().map(IngestOutcome::sha256).filter(java.util.Objects::nonNull).forEach(made::add);
        return report;
    }

    /** Every column but the generated ones (id, ingest time), by SHA-256. */
    private Map<String, Map<String, Object>> rows(IngestReport report) {
        List<String> shas = report.outcomes().stream().map(IngestOutcome::sha256).toList();
        List<Field<?>> columns = Arrays.stream(OBSERVATION.fields())
                .filter(f -> !f.getName().equals("id") && !f.getName().startsWith("ingested")
                        && !f.getName().equals("ingest_source"))
                .toList();
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (Record r : dsl.select(columns).from(OBSERVATION).where(OBSERVATION.SHA256.in(shas)).orderBy(OBSERVATION.SHA256).fetch()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Field<?> f : columns) {
                Object v = r.get(f);
                values.put(f.getName(), v instanceof Object[] a ? Arrays.asList(a) : v == null ? null : v.toString());
            }
            rows.put(r.get(OBSERVATION.SHA256), values);
        }
        return rows;
    }

    private Map<String, String> objects(Map<String, Map<String, Object>> rows) throws IOException {
        Map<String, String> objects = new LinkedHashMap<>();
        for (Map<String, Object> row : rows.values()) {
            for (String column : List.of("storage_key", "quicklook_key")) {
                String key = (String) row.get(column);
                if (key != null) {
                    try (InputStream in = store.open(key)) {
                        objects.put(key, Sha256.measure(in).sha256());
                    }
                }
            }
        }
        return objects;
    }

    @Test
    void aParallelIngestCataloguesAndStoresExactlyWhatASequentialOneDoes() throws IOException {
        Path directory = demo("same", 1101, 3).getFirst().getParent();

        IngestReport sequential = run(directory, 1, 1);
        Map<String, Map<String, Object>> sequentialRows = rows(sequential);
        Map<String, String> sequentialObjects = objects(sequentialRows);
        // forget them (rows and objects), then do it again with four workers and batches of five
        dsl.deleteFrom(OBSERVATION).where(OBSERVATION.SHA256.in(sequentialRows.keySet())).execute();
        for (String key : sequentialObjects.keySet()) {
            store.delete(key);
        }
        IngestReport parallel = run(directory, 4, 5);

        assertThat(sequential.ingested()).isEqualTo(sequential.outcomes().size()).isGreaterThan(10);
        assertThat(parallel.ingested()).isEqualTo(sequential.ingested());
        assertThat(parallel.outcomes().stream().map(IngestOutcome::fileName).toList())
                .isEqualTo(sequential.outcomes().stream().map(IngestOutcome::fileName).toList());
        Map<String, Map<String, Object>> parallelRows = rows(parallel);
        assertThat(parallelRows).isEqualTo(sequentialRows);
        assertThat(objects(parallelRows)).isEqualTo(sequentialObjects);
    }

    @Test
    void oneLookUpPerChunkFindsCataloguedQuarantinedAndRepeatedContent() throws IOException {
        List<Path> demo = demo("chunk", 1301, 1);
        Path catalogued = demo.get(0);
        Path fresh = demo.get(1);
        Path other = demo.get(2);
        byte[] garbage = new byte[2880];
        new java.util.Random(1301).nextBytes(garbage);
        Path quarantined = Files.write(dir.resolve("garbage.fits"), garbage);
        IngestOutcome before = ingest.ingestFile(catalogued, "catalogued.fits", "pipeline test");
        IngestOutcome rejected = ingest.ingestFile(quarantined, "garbage.fits", "pipeline test");
        made.add(before.sha256());
        made.add(rejected.sha256());
        // five files in name order; four workers take chunks of up to nine files: all five go in one chunk
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        Files.copy(catalogued, mixed.resolve("a-catalogued.fits"));
        Files.copy(quarantined, mixed.resolve("b-quarantined.fits"));
        Files.copy(fresh, mixed.resolve("c-fresh.fits"));
        Files.copy(fresh, mixed.resolve("d-fresh-again.fits"));
        Files.copy(other, mixed.resolve("e-other.fits"));

        List<IngestOutcome> outcomes = run(mixed, 4, 100).outcomes();

        assertThat(outcomes).extracting(IngestOutcome::status).containsExactly(IngestOutcome.Status.SKIPPED,
                IngestOutcome.Status.QUARANTINED, IngestOutcome.Status.INGESTED, IngestOutcome.Status.SKIPPED,
                IngestOutcome.Status.INGESTED);
        assertThat(outcomes.get(0).observationId()).isEqualTo(before.observationId());
        assertThat(outcomes.get(1).reason()).isEqualTo(rejected.reason());
        assertThat(outcomes.get(3).observationId()).as("the second copy points at the first one's row")
                .isNotNull().isEqualTo(outcomes.get(2).observationId());
        assertThat(dsl.fetchCount(OBSERVATION, OBSERVATION.SHA256.eq(outcomes.get(2).sha256()))).isEqualTo(1);
    }

    @Test
    void everyFileOfABatchHasItsAuditEvent() throws IOException {
        Path directory = demo("audited", 1401, 2).getFirst().getParent();

        IngestReport report = run(directory, 4, 100);

        assertThat(report.outcomes()).isNotEmpty().allSatisfy(outcome -> {
            assertThat(outcome.status()).isEqualTo(IngestOutcome.Status.INGESTED);
            List<org.medoc.audit.AuditEvent> events = audit.search(new org.medoc.audit.AuditQuery(null, null, null,
                    "ingest.catalogued", "observation", outcome.observationId().toString(), null, 10)).events();
            assertThat(events).singleElement().satisfies(event -> assertThat(event.after())
                    .contains(outcome.fileName()).contains(outcome.sha256()));
        });
    }

    @Test
    void reIngestingADirectoryAddsNothing() throws IOException {
        Path directory = demo("again", 1202, 2).getFirst().getParent();
        IngestReport first = run(directory, 3, 4);
        int rows = dsl.fetchCount(OBSERVATION);

        IngestReport again = run(directory, 3, 4);

        assertThat(first.ingested()).isEqualTo(first.outcomes().size());
        assertThat(again.skipped()).isEqualTo(first.outcomes().size());
        assertThat(again.ingested()).isZero();
        assertThat(dsl.fetchCount(OBSERVATION)).isEqualTo(rows);
        assertThat(again.outcomes().stream().map(IngestOutcome::observationId).toList())
                .isEqualTo(first.outcomes().stream().map(IngestOutcome::observationId).toList());
    }

    @Test
    void aDamagedFileAmongGoodOnesIsQuarantinedAndTheOthersAreCatalogued() throws IOException {
        List<Path> good = demo("mixed", 1303, 2);
        Path directory = good.getFirst().getParent();
        Path damaged = directory.resolve("aaa-truncated.fits");
        byte[] bytes = Files.readAllBytes(good.get(3));
        Files.write(damaged, Arrays.copyOf(bytes, bytes.length - 2880)); // last data block cut off

        IngestReport report = run(directory, 2, 3);

        assertThat(report.outcomes()).hasSize(good.size() + 1);
        IngestOutcome first = report.outcomes().getFirst();
        assertThat(first.fileName()).isEqualTo("aaa-truncated.fits");
        assertThat(first.status()).isEqualTo(IngestOutcome.Status.QUARANTINED);
        assertThat(first.reason()).startsWith("truncated");
        assertThat(report.ingested()).isEqualTo(good.size());
        assertThat(report.failed()).isZero();
    }

    @Test
    void aDatabaseFaultInABatchLeavesItsFilesRetryableAndTheOtherBatchesCatalogued() throws IOException {
        List<Path> files = demo("outage", 1404, 2);
        Path directory = files.getFirst().getParent();
        List<Path> ordered = new ArrayList<>(files);
        ordered.sort(null);
        String poisoned = ordered.get(2).getFileName().toString();
        // the database refuses this one row, as it would refuse every row of a statement during an outage
        dsl.execute("CREATE FUNCTION archive.batch_outage() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.file_name = '" + poisoned + "' THEN RAISE EXCEPTION 'simulated outage' USING ERRCODE = '08006';"
                + " END IF; RETURN NEW; END $$");
        dsl.execute("CREATE TRIGGER batch_outage BEFORE INSERT ON archive.observation "
                + "FOR EACH ROW EXECUTE FUNCTION archive.batch_outage()");

        IngestReport report = run(directory, 1, 2); // batches: files 0–1, 2–3, 4–5, …

        List<IngestOutcome> outcomes = report.outcomes();
        assertThat(outcomes.get(2).status()).isEqualTo(IngestOutcome.Status.FAILED);
        assertThat(outcomes.get(3).status()).as("same batch, same transaction").isEqualTo(IngestOutcome.Status.FAILED);
        assertThat(outcomes.get(2).reason()).startsWith("database unavailable").contains("ingest the file again later");
        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.ingested()).isEqualTo(files.size() - 2);
        assertThat(dsl.fetchCount(OBSERVATION, OBSERVATION.SHA256.in(outcomes.get(2).sha256(), outcomes.get(3).sha256())))
                .isZero();

        restore();
        IngestReport retry = run(directory, 2, 2);

        assertThat(retry.ingested()).isEqualTo(2);
        assertThat(retry.skipped()).isEqualTo(files.size() - 2);
        assertThat(retry.outcomes().get(2).status()).isEqualTo(IngestOutcome.Status.INGESTED);
    }

    @Test
    void memoryDoesNotGrowWithTheNumberOfFiles() throws IOException {
        Path directory = dir.resolve("many");
        int files = 0;
        for (int set = 0; files < 600; set++) {
            files += new DemoObservations(32, 1500 + set).write(directory.resolve("set-" + set),
                    Instant.parse("2018-01-01T00:00:00Z").plus(Duration.ofHours(set)), 1).size();
        }
        long before = heapAfterGc();

        IngestReport report = run(directory, 2, 50);

        long growth = heapAfterGc() - before;
        assertThat(report.outcomes()).hasSize(files);
        assertThat(report.ingested() + report.skipped()).isEqualTo(files);
        // what stays is the report (a few hundred bytes a file), not headers, pixels or file contents
        assertThat(growth).as("heap growth after %d files", files).isLessThan(16L << 20);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
