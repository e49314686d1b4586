package org.medoc.archive.ingest;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.springframework.dao.DataAccessException;
import org.medoc.archive.fits.FitsCard;
import org.medoc.archive.fits.FitsHduInfo;
import org.medoc.archive.fits.FitsInspection;
import org.medoc.archive.fits.FitsInspector;
import org.medoc.archive.fits.FitsLimits;
import org.medoc.archive.fits.FitsRejectedException;
import org.medoc.archive.fits.ImagePlane;
import org.medoc.archive.fits.Quicklook;
import org.medoc.archive.fits.Stretch;
import org.medoc.archive.registry.Registry;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.archive.storage.Sha256;
import org.medoc.archive.storage.IncompleteFiles;
import org.medoc.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;


import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.medoc.db.jooq.archive.Tables.OBSERVATION;
import static org.medoc.db.jooq.archive.Tables.QUARANTINE;

/**
 * Ingest of FITS files into the archive: checksum, inspection, header normalisation, quicklook, storage and
 * catalogue row. Idempotent: content already catalogued is skipped (by SHA-256), content already quarantined is
 * reported again without a second row. A file whose content cannot be read or placed in time is quarantined with
 * the reason and creates no catalogue row; a fault of the infrastructure (database, storage, decoding capacity) fails
 * the attempt as {@link IngestOutcome.Status#FAILED} and records nothing. A failure on one file never stops the batch.
 */
@Service
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    /** Catalogued and quarantined contents among some SHA-256s: id (quarantine: null) and reason (catalogue: null). */
    private static final String LOOK_UP = "select sha256, id, null::text from " + OBSERVATION.getSchema().getName() + "."
            + OBSERVATION.getName() + " where sha256 = any(?::bpchar[]) union all select sha256, null::bigint, reason from "
            + QUARANTINE.getSchema().getName() + "." + QUARANTINE.getName() + " where sha256 = any(?::bpchar[])";
    /** Catalogue rows written in one transaction, by default. */
    public static final int BATCH_SIZE = 100;

    private final DSLContext dsl;
    private final ArchiveStore store;
    private final HeaderNormaliser normaliser;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final FitsLimits limits = FitsLimits.defaults();
    /** Where images are decoded, bounded in threads, time and work. */
    private final DecodePool decoding;
    /** Scratch space for re-evaluated files (swept at start-up with the other incomplete files). */
    private final Path incoming;
    /** One catalogue batch = one transaction. */
    private final TransactionTemplate transactions;
    private final IngestPipeline.Settings pipeline;
    private final IngestActivity activity;

    public IngestService(DSLContext dsl, ArchiveStore store, Registry registry, ObjectMapper json, AuditTrail audit,
                         DecodePool decoding, PlatformTransactionManager transactionManager, IngestActivity activity,
                         @Value("${medoc.data-dir:./medoc-data}") String dataDir,
                         @Value("${medoc.ingest.workers:0}") int workers,
                         @Value("${medoc.ingest.batch-size:" + BATCH_SIZE + "}") int batchSize,
                         @Value("${medoc.ingest.batch-max-wait:PT1S}") Duration batchMaxWait) {
        this.dsl = dsl;
        this.store = store;
        this.normaliser = new HeaderNormaliser(registry);
        this.json = json;
        this.audit = audit;
        this.decoding = decoding;
        this.incoming = Path.of(dataDir).toAbsolutePath().normalize().resolve("incoming");
        this.transactions = new TransactionTemplate(transactionManager);
        this.activity = activity;
        // 0: two workers per core, at least the decoding threads: a worker also waits (fsync of its objects, database,
        // its decode), and a waiting worker leaves its core to another
        int threads = workers > 0 ? workers
                : Math.max(2 * Runtime.getRuntime().availableProcessors(), decoding.size());
        this.pipeline = new IngestPipeline.Settings(threads, batchSize, batchMaxWait);
    }

    /** The pipeline's workers, batch size and longest wait of a batch. */
    public IngestPipeline.Settings pipelineSettings() {
        return pipeline;
    }

    /** Ingests files and directories (walked recursively, in name order). */
    public IngestReport ingest(List<Path> paths, String source) throws IOException {
        return ingest(paths, source, progress -> { });
    }

    /**
     * As {@link #ingest(List, String)}, in parallel ({@link IngestPipeline}), calling {@code progress} about once a
     * second and at the end. Outcomes are in the order of the files.
     */
    public IngestReport ingest(List<Path> paths, String source, Consumer<IngestProgress> progress) throws IOException {
        return ingest(paths, source, pipeline, progress);
    }

    /** As {@link #ingest(List, String, Consumer)} with other pipeline settings (one worker: sequential). */
    public IngestReport ingest(List<Path> paths, String source, IngestPipeline.Settings settings,
                               Consumer<IngestProgress> progress) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else if (Files.exists(path)) {
                files.add(path);
            } else {
                throw new IOException("no such file or directory: " + path);
            }
        }
        long run = activity.start(source, new IngestProgress(0, files.size(), 0, 0, 0, 0, 0, 0, Duration.ZERO));
        try {
            return new IngestPipeline(settings, chunk -> stage(chunk.stream()
                    .map(file -> new Named(file, file.getFileName().toString())).toList(), source), this::catalogue).run(files, p -> {
                        activity.update(run, p);
                        progress.accept(p);
                    });
        } finally {
            activity.end(run);
        }
    }

    /** Ingests one file; {@code fileName} is the name to record (uploads keep the client's name, sanitised). */
    public IngestOutcome ingestFile(Path file, String fileName, String source) {
        Staged staged = stage(file, fileName, source);
        return staged.outcome() != null ? staged.outcome() : catalogue(List.of(staged)).getFirst();
    }

    /** As {@link #stage(List, String)} for one file, recorded under {@code fileName}. */
    Staged stage(Path file, String fileName, String source) {
        return stage(List.of(new Named(file, fileName)), source).getFirst();
    }

    /** A file to ingest and the name to record. */
    record Named(Path file, String fileName) {}

    /**
     * Everything but the catalogue rows, done by the pipeline's workers in parallel, for a few files at a time: SHA-256
     * of each, ONE look-up for all of them (catalogue and quarantine), and for bytes not yet known the checks, decode,
     * quicklook and storage ({@link #evaluate}). The result of each file, in the order given, is either a final outcome
     * (skipped, quarantined, failed) or a row ready for {@link #catalogue(List)}. The same content twice among the
     * files is evaluated twice (the store keeps one object) and the catalogue skips the second.
     */
    List<Staged> stage(List<Named> files, String source) {
        int n = files.size();
        String[] names = new String[n];
        String[] hashes = new String[n];
        long[] sizes = new long[n];
        Staged[] staged = new Staged[n];
        for (int i = 0; i < n; i++) {
            names[i] = safeFileName(files.get(i).fileName());
            try {
                sizes[i] = Files.size(files.get(i).file());
                hashes[i] = Sha256.of(files.get(i).file());
            } catch (IOException e) {
                // our own copy of the file could not be read: nothing is known about its content
                staged[i] = Staged.done(failed(names[i], null, "could not read the file to ingest: " + e.getMessage(), e), 0);
            }
        }
        List<String> wanted = java.util.Arrays.stream(hashes).filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, Long> catalogued = new java.util.HashMap<>();
        Map<String, String> quarantined = new java.util.HashMap<>();
        if (!wanted.isEmpty()) {
            try {
                // one round trip for both look-ups of all the files: at hundreds of small files a second, round trips
                // and the rendering of queries count; the SQL text is constant (the hashes go as one array), so it is
                // neither rendered nor parsed again, and the driver keeps it prepared on the connection
                String[] array = wanted.toArray(String[]::new);
                dsl.connection(connection -> {
                    try (var statement = connection.prepareStatement(LOOK_UP)) {
                        java.sql.Array hashesArray = connection.createArrayOf("bpchar", array);
                        statement.setArray(1, hashesArray);
                        statement.setArray(2, hashesArray);
                        try (var rows = statement.executeQuery()) {
                            while (rows.next()) {
                                long id = rows.getLong(2);
                                if (!rows.wasNull()) {
                                    catalogued.put(rows.getString(1).trim(), id);
                                } else {
                                    quarantined.put(rows.getString(1).trim(), rows.getString(3));
                                }
                            }
                        }
                    }
                });
            } catch (DataAccessException | org.jooq.exception.DataAccessException e) {
                // jOOQ's own exception: a plain JDBC call is not translated to Spring's like the queries jOOQ runs
                String reason = databaseFault(e);
                for (int i = 0; i < n; i++) {
                    if (staged[i] == null) {
                        staged[i] = Staged.done(failed(names[i], hashes[i], reason, e), sizes[i]);
                    }
                }
                return List.of(staged);
            }
        }
        for (int i = 0; i < n; i++) {
            if (staged[i] != null) {
                continue;
            }
            Long id = catalogued.get(hashes[i]);
            String reason = quarantined.get(hashes[i]);
            if (id != null) {
                staged[i] = Staged.done(new IngestOutcome(names[i], IngestOutcome.Status.SKIPPED, id, hashes[i],
                        "already present"), sizes[i]);
            } else if (reason != null) {
                staged[i] = Staged.done(new IngestOutcome(names[i], IngestOutcome.Status.QUARANTINED, null, hashes[i],
                        reason), sizes[i]);
            } else {
                staged[i] = evaluate(files.get(i).file(), names[i], sizes[i], hashes[i], source);
            }
        }
        return List.of(staged);
    }

    /**
     * Reads, checks and stores bytes not yet known (their catalogue row is written by {@link #catalogue(List)}): a
     * content fault quarantines them, an infrastructure fault (storage, database, no decoding capacity) fails the
     * attempt and records nothing, so that a later ingest of the same bytes is processed normally.
     */
    private Staged evaluate(Path file, String name, long size, String sha256, String source) {
        Prepared prepared;
        try {
            if (size == 0) {
                throw new FitsRejectedException("empty file (0 bytes)");
            }
            prepared = prepare(file, name);
        } catch (FitsRejectedException e) {
            return Staged.done(quarantine(file, name, size, sha256, source, e.reason()), size);
        } catch (DecodePool.DecodeCapacityException e) {
            return Staged.done(failed(name, sha256, e.getMessage(), null), size);
        } catch (IOException e) {
            return Staged.done(quarantine(file, name, size, sha256, source, "unreadable: " + e.getMessage()), size);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // the FITS library fails on malformed input in ways it does not declare; the batch must go on
            log.warn("Unexpected failure reading {}", name, e);
            return Staged.done(quarantine(file, name, size, sha256, source, "unreadable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())), size);
        }
        try {
            return store(file, name, size, sha256, source, prepared);
        } catch (IOException | RuntimeException e) {
            return Staged.done(failed(name, sha256, "archive storage unavailable: " + e.getMessage(), e), size);
        }
    }

    /**
     * Evaluates a quarantined file again from the bytes kept in quarantine, e.g. after a registry or normaliser fix:
     * ingested (its quarantine record and kept bytes removed), quarantined again (the record gets the new reason), or
     * failed for an infrastructure fault (the record stays as it was).
     *
     * @throws QuarantineException when there is no such record or its bytes were not kept
     */
    public IngestOutcome reevaluate(long quarantineId) throws QuarantineException {
        var row = dsl.selectFrom(QUARANTINE).where(QUARANTINE.ID.eq(quarantineId)).fetchOne();
        if (row == null) {
            throw new QuarantineException("no quarantined file " + quarantineId, true);
        }
        if (row.getStorageKey() == null) {
            throw new QuarantineException("the bytes of quarantined file " + quarantineId + " ("
                    + row.getFileName() + ") were not kept: ingest the file again instead", false);
        }
        String name = row.getFileName();
        Path copy = null;
        try {
            Files.createDirectories(incoming);
            copy = IncompleteFiles.create(incoming, "reevaluate-");
            try (var in = store.openVerified(row.getStorageKey(), row.getSha256(), row.getSizeBytes());
                 var out = Files.newOutputStream(copy)) {
                in.transferTo(out);
            }
            Long existing = dsl.select(OBSERVATION.ID).from(OBSERVATION).where(OBSERVATION.SHA256.eq(row.getSha256()))
                    .fetchOne(OBSERVATION.ID);
            IngestOutcome outcome = existing != null
                    ? new IngestOutcome(name, IngestOutcome.Status.SKIPPED, existing, row.getSha256(), "already present")
                    : finish(evaluate(copy, name, row.getSizeBytes(), row.getSha256(), row.getIngestSource()));
            if (outcome.status() == IngestOutcome.Status.INGESTED || outcome.status() == IngestOutcome.Status.SKIPPED) {
                dsl.deleteFrom(QUARANTINE).where(QUARANTINE.ID.eq(quarantineId)).execute();
                deleteQuietly(row.getStorageKey());
                log.info("Re-evaluated quarantined {}: {}", name, outcome.status());
            }
            audit.record("ingest.reevaluated", "quarantine", Long.toString(quarantineId), Map.of("reason", row.getReason()), Map.of("status", outcome.status().name()), outcome.reason());
            return outcome;
        } catch (DataAccessException e) {
            return failed(name, row.getSha256(), databaseFault(e), e);
        } catch (IOException e) {
            return failed(name, row.getSha256(), "could not read the kept bytes: " + e.getMessage(), e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    log.warn("Could not delete {}: {}", copy, e.getMessage());
                }
            }
        }
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            // the storage check finds it later as an object no record refers to
            log.warn("Could not delete {}: {}", key, e.getMessage());
        }
    }

    /**
     * The reason shown for a database failure, Spring's or jOOQ's: the class of its innermost cause (the SQL text of
     * the statement stays in the log).
     */
    private static String databaseFault(RuntimeException e) {
        Throwable cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e);
        return "database unavailable (" + cause.getClass().getSimpleName() + ")";
    }

    private IngestOutcome failed(String name, String sha256, String reason, Exception e) {
        if (e != null) {
            log.warn("Ingest of {} failed, retryable: {}", name, reason, e);
        } else {
            log.warn("Ingest of {} failed, retryable: {}", name, reason);
        }
        return new IngestOutcome(name, IngestOutcome.Status.FAILED, null, sha256,
                reason + "; nothing was recorded, ingest the file again later");
    }

    private record Prepared(FitsInspection inspection, NormalisedHeader header, byte[] quicklook) {}

    /**
     * A file after the workers' part: either a final {@code outcome} (skipped, quarantined, failed), or stored and
     * ready for its catalogue row (every other field set, {@code outcome} null).
     */
    record Staged(IngestOutcome outcome, String name, long size, String sha256, String source, NormalisedHeader header,
                  String checksumStatus, String headerJson, String hdusJson, String storageKey, String quicklookKey,
                  String notes) {

        static Staged done(IngestOutcome outcome, long size) {
            return new Staged(outcome, outcome.fileName(), size, outcome.sha256(), null, null, null, null, null, null,
                    null, null);
        }
    }

    /** Everything that can reject a file, done before anything is stored. */
    private Prepared prepare(Path file, String name)
            throws FitsRejectedException, IOException, DecodePool.DecodeCapacityException {
        FitsInspection inspection = FitsInspector.inspect(file, limits);
        NormalisedHeader header = normaliser.normalise(inspection, name);
        byte[] quicklook = null;
        FitsHduInfo image = inspection.primaryImage();
        if (image != null) {
            ImagePlane plane = decoding.decode(file, inspection, image, limits);
            quicklook = Quicklook.png(plane, stretchFor(header), Quicklook.SIDE);
        }
        return new Prepared(inspection, header, quicklook);
    }

    /** EUV imagers span decades of brightness (log); signed magnetograms are shown linear; the rest square-root. */
    static Stretch stretchFor(NormalisedHeader header) {
        Object unit = header.header().get("BUNIT");
        String bunit = unit == null ? "" : unit.toString().toLowerCase(Locale.ROOT);
        if (bunit.contains("gauss") || bunit.contains("mx") || bunit.equals("g")) {
            return Stretch.LINEAR;
        }
        return switch (header.instrument()) {
            case "AIA", "EIT", "SECCHI", "TRACE", "SPIRIT", "EUI", "SWAN" -> Stretch.LOG;
            case "HMI", "MDI", "PHI" -> Stretch.LINEAR;
            default -> Stretch.SQRT;
        };
    }

    /** Stores the bytes and the quicklook (idempotent, content-addressed) and prepares the catalogue row. */
    private Staged store(Path file, String name, long size, String sha256, String source, Prepared prepared)
            throws IOException {
        String storageKey = "fits/" + sha256.substring(0, 2) + "/" + sha256 + ".fits";
        store.put(storageKey, file);
        String quicklookKey = null;
        if (prepared.quicklook() != null) {
            quicklookKey = "quicklook/" + sha256.substring(0, 2) + "/" + sha256 + ".png";
            store.put(quicklookKey, prepared.quicklook());
        }
        NormalisedHeader h = prepared.header();
        String notes = h.notes().isEmpty() ? null : String.join("; ", h.notes());
        return new Staged(null, name, size, sha256, source, h, prepared.inspection().checksumStatus(),
                json.writeValueAsString(jsonSafe(h.header())), json.writeValueAsString(hdus(prepared.inspection())),
                storageKey, quicklookKey, notes);
    }

    private IngestOutcome finish(Staged staged) {
        return staged.outcome() != null ? staged.outcome() : catalogue(List.of(staged)).getFirst();
    }

    /**
     * Writes the rows of a batch of stored files in ONE transaction (the rows and their audit events), so a batch is
     * catalogued whole or not at all: after a crash or a database fault none of its files is catalogued, their
     * objects are in the store (content-addressed, kept on a second put) and ingesting them again completes them.
     * Content catalogued meanwhile by someone else ({@code ON CONFLICT DO NOTHING} on the SHA-256) is skipped.
     *
     * @return the outcome of every staged file, in the order given
     */
    List<IngestOutcome> catalogue(List<Staged> batch) {
        try {
            return transactions.execute(status -> insertBatch(batch));
        } catch (DataAccessException | org.springframework.transaction.TransactionException e) {
            String reason = e instanceof DataAccessException d ? databaseFault(d)
                    : "database unavailable (" + e.getClass().getSimpleName() + ")";
            log.warn("Catalogue batch of {} files failed, retryable: {}", batch.size(), reason, e);
            return batch.stream().map(s -> new IngestOutcome(s.name(), IngestOutcome.Status.FAILED, null, s.sha256(),
                    reason + "; nothing was recorded, ingest the file again later")).toList();
        }
    }

    /**
     * The rows go as one JDBC batch of one prepared INSERT (rendered once, whatever the batch size: rendering a
     * multi-row INSERT of 50 columns cost more CPU than PostgreSQL spends on it), then one SELECT finds the id of every
     * SHA-256 of the batch, and the audit events go as one batch too.
     */
    private List<IngestOutcome> insertBatch(List<Staged> batch) {
        List<Map<Field<?>, Object>> rows = batch.stream().map(this::row).toList();
        List<Field<?>> columns = List.copyOf(rows.getFirst().keySet());
        var insert = dsl.batch(dsl.insertInto(OBSERVATION).columns(columns)
                .values(java.util.Collections.nCopies(columns.size(), null))
                .onConflict(OBSERVATION.SHA256).doNothing());
        for (Map<Field<?>, Object> row : rows) {
            insert = insert.bind(row.values().toArray());
        }
        int[] counts = insert.execute();
        if (counts.length != batch.size() || java.util.Arrays.stream(counts).anyMatch(c -> c < 0)) {
            // e.g. pgjdbc's reWriteBatchedInserts=true answers SUCCESS_NO_INFO: which rows were new is unknown, so
            // roll back rather than report new rows as skipped
            throw new IllegalStateException("the JDBC driver did not report a count per catalogue row");
        }
        Map<String, Long> ids = new java.util.HashMap<>();
        dsl.select(OBSERVATION.ID, OBSERVATION.SHA256).from(OBSERVATION)
                .where(OBSERVATION.SHA256.in(batch.stream().map(Staged::sha256).distinct().toList()))
                .forEach(r -> ids.put(r.value2().trim(), r.value1()));
        List<IngestOutcome> outcomes = new ArrayList<>();
        List<AuditTrail.Entry> events = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Staged s = batch.get(i);
            Long id = ids.get(s.sha256());
            // a count of 0: the same content earlier in the batch, or catalogued by a concurrent ingest between
            // look-up and insert (ON CONFLICT DO NOTHING)
            if (counts[i] > 0 && id != null) {
                events.add(new AuditTrail.Entry("ingest.catalogued", "observation", id.toString(), null,
                        Map.of("file", s.name(), "sha256", s.sha256(), "sizeBytes", s.size()), s.notes()));
                outcomes.add(new IngestOutcome(s.name(), IngestOutcome.Status.INGESTED, id, s.sha256(), s.notes()));
            } else {
                outcomes.add(new IngestOutcome(s.name(), IngestOutcome.Status.SKIPPED, id, s.sha256(), "already present"));
            }
        }
        audit.recordAll(events);
        return outcomes;
    }

    /** The catalogue row of a staged file: its columns, in the same order for every file. */
    private Map<Field<?>, Object> row(Staged s) {
        NormalisedHeader h = s.header();
        Integer[] naxis = h.naxis().toArray(Integer[]::new);
        Map<Field<?>, Object> r = new LinkedHashMap<>();
        r.put(OBSERVATION.MISSION, h.mission());
        r.put(OBSERVATION.INSTRUMENT, h.instrument());
        r.put(OBSERVATION.DETECTOR, h.detector());
        r.put(OBSERVATION.WAVELENGTH_ANGSTROM, h.wavelengthAngstrom());
        r.put(OBSERVATION.DATE_OBS, h.dateObs().atOffset(ZoneOffset.UTC));
        r.put(OBSERVATION.DATE_END, h.dateEnd().atOffset(ZoneOffset.UTC));
        r.put(OBSERVATION.DATE_OBS_FITS, h.dateObsFits());
        r.put(OBSERVATION.TIME_SOURCE, h.timeSource());
        r.put(OBSERVATION.EXPOSURE_SECONDS, h.exposureSeconds());
        r.put(OBSERVATION.LEVEL, h.level());
        r.put(OBSERVATION.NAXIS, naxis);
        r.put(OBSERVATION.IMAGE_WIDTH, h.imageWidth());
        r.put(OBSERVATION.IMAGE_HEIGHT, h.imageHeight());
        r.put(OBSERVATION.BITPIX, h.bitpix());
        r.put(OBSERVATION.COMPRESSED, h.compressed());
        r.put(OBSERVATION.CTYPE1, h.wcs().ctype1());
        r.put(OBSERVATION.CTYPE2, h.wcs().ctype2());
        r.put(OBSERVATION.CUNIT1, h.wcs().cunit1());
        r.put(OBSERVATION.CUNIT2, h.wcs().cunit2());
        r.put(OBSERVATION.CRPIX1, h.wcs().crpix1());
        r.put(OBSERVATION.CRPIX2, h.wcs().crpix2());
        r.put(OBSERVATION.CRVAL1, h.wcs().crval1());
        r.put(OBSERVATION.CRVAL2, h.wcs().crval2());
        r.put(OBSERVATION.CDELT1, h.wcs().cdelt1());
        r.put(OBSERVATION.CDELT2, h.wcs().cdelt2());
        r.put(OBSERVATION.CROTA_DEGREES, h.wcs().crotaDegrees());
        r.put(OBSERVATION.DSUN_OBS_M, h.observer().dsunMetres());
        r.put(OBSERVATION.HGLN_OBS_DEG, h.observer().hglnDegrees());
        r.put(OBSERVATION.HGLT_OBS_DEG, h.observer().hgltDegrees());
        r.put(OBSERVATION.CRLN_OBS_DEG, h.observer().crlnDegrees());
        r.put(OBSERVATION.CRLT_OBS_DEG, h.observer().crltDegrees());
        r.put(OBSERVATION.RSUN_OBS_ARCSEC, h.observer().rsunArcsec());
        r.put(OBSERVATION.SPIOBSID, h.planning().spiobsid());
        r.put(OBSERVATION.STUDY_ID, h.planning().studyId());
        r.put(OBSERVATION.MISOSTUD, h.planning().misostud());
        r.put(OBSERVATION.STUDY, h.planning().study());
        r.put(OBSERVATION.SOOPNAME, h.planning().soopname());
        r.put(OBSERVATION.STP, h.planning().stp());
        r.put(OBSERVATION.HARPNUM, h.harpnum());
        r.put(OBSERVATION.NOAA_ARS, h.noaaArs());
        r.put(OBSERVATION.FILE_NAME, s.name());
        r.put(OBSERVATION.SIZE_BYTES, s.size());
        r.put(OBSERVATION.SHA256, s.sha256());
        r.put(OBSERVATION.STORAGE_KEY, s.storageKey());
        r.put(OBSERVATION.QUICKLOOK_KEY, s.quicklookKey());
        r.put(OBSERVATION.CHECKSUM_STATUS, s.checksumStatus());
        r.put(OBSERVATION.HEADER, JSONB.valueOf(s.headerJson()));
        r.put(OBSERVATION.HDUS, JSONB.valueOf(s.hdusJson()));
        r.put(OBSERVATION.INGEST_SOURCE, s.source());
        return r;
    }

    /**
     * Records a content fault: the bytes are kept under {@code quarantine/} (for re-evaluation) and the reason is
     * recorded. If either cannot be done, the attempt fails as retryable instead: a quarantine record is only ever
     * made for content, never for an outage.
     */
    private IngestOutcome quarantine(Path file, String name, long size, String sha256, String source, String reason) {
        String key = "quarantine/" + sha256.substring(0, 2) + "/" + sha256 + ".bin";
        try {
            store.put(key, file);
        } catch (IOException | RuntimeException e) {
            return failed(name, sha256, "archive storage unavailable while quarantining (" + reason + "): "
                    + e.getMessage(), e);
        }
        try {
            dsl.insertInto(QUARANTINE)
                    .set(QUARANTINE.FILE_NAME, name)
                    .set(QUARANTINE.SIZE_BYTES, size)
                    .set(QUARANTINE.SHA256, sha256)
                    .set(QUARANTINE.REASON, reason)
                    .set(QUARANTINE.STORAGE_KEY, key)
                    .set(QUARANTINE.INGEST_SOURCE, source)
                    .onConflict(QUARANTINE.SHA256).doUpdate()
                    // a re-evaluation quarantines the same bytes again, for the reason today's rules give
                    .set(QUARANTINE.REASON, reason)
                    .set(QUARANTINE.STORAGE_KEY, key)
                    .execute();
        } catch (DataAccessException e) {
            return failed(name, sha256, databaseFault(e), e);
        }
        log.info("Quarantined {}: {}", name, reason);
        audit.record("ingest.quarantined", "file", sha256, null, Map.of("file", name, "sha256", sha256, "sizeBytes", size), reason);
        return new IngestOutcome(name, IngestOutcome.Status.QUARANTINED, null, sha256, reason);
    }

    private List<Map<String, Object>> hdus(FitsInspection inspection) {
        List<Map<String, Object>> hdus = new ArrayList<>();
        for (FitsHduInfo hdu : inspection.hdus()) {
            List<Map<String, Object>> cards = new ArrayList<>();
            for (FitsCard card : hdu.header().cards()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("keyword", card.keyword());
                entry.put("value", jsonSafe(card.value()));
                entry.put("comment", card.comment());
                cards.add(entry);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", hdu.index());
            entry.put("extname", hdu.header().string("EXTNAME"));
            entry.put("cards", cards);
            hdus.add(entry);
        }
        return hdus;
    }

    private static Map<String, Object> jsonSafe(Map<String, Object> header) {
        Map<String, Object> safe = new LinkedHashMap<>();
        header.forEach((key, value) -> safe.put(key, jsonSafe(value)));
        return safe;
    }

    /** JSON has no NaN or infinity; FITS headers may (e.g. BLANK-like floats): keep them as text. */
    private static Object jsonSafe(Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            return d.toString();
        }
        if (value instanceof Float f && !Float.isFinite(f)) {
            return f.toString();
        }
        return value;
    }

    /** Keeps the last path segment and printable characters only: the name is shown and offered for download. */
    public static String safeFileName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^A-Za-z0-9._+()-]", "_");
        if (name.isBlank() || name.equals(".") || name.equals("..")) {
            name = "unnamed.fits";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
