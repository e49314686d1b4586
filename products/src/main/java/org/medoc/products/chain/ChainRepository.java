package org.medoc.products.chain;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.medoc.db.jooq.products.Tables.PRODUCT;
import static org.medoc.db.jooq.products.Tables.PRODUCT_ATTRIBUTE;
import static org.medoc.db.jooq.products.Tables.PRODUCT_FILE;
import static org.medoc.db.jooq.products.Tables.PRODUCT_INPUT;
import static org.medoc.db.jooq.products.Tables.RUN;

/** The chain's writes to the products schema and the reads it needs to decide what to run. */
@Repository
class ChainRepository {

    private final DSLContext dsl;
    private final ObjectMapper json;

    ChainRepository(DSLContext dsl, ObjectMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Condition same(ProductInstance instance) {
        return PRODUCT.TYPE.eq(instance.type()).and(PRODUCT.VERSION.eq(instance.version()))
                .and(PRODUCT.REFERENCE_TIME.eq(utc(instance.referenceTime()))).and(PRODUCT.SUBJECT.eq(instance.subject()));
    }

    Optional<Long> productId(ProductInstance instance) {
        return dsl.select(PRODUCT.ID).from(PRODUCT).where(same(instance)).fetchOptional(PRODUCT.ID);
    }

    /** Instances with a reference time in [from, to] that already have a product of this type and version, or a run (any outcome). */
    Set<ProductInstance> handledInstances(String type, String version, Instant from, Instant to) {
        Set<ProductInstance> handled = productInstances(type, version, from, to);
        // the run's instance id carries the subject
        dsl.selectDistinct(RUN.INSTANCE_ID).from(RUN)
                .where(RUN.TYPE.eq(type)).and(RUN.VERSION.eq(version))
                .and(RUN.REFERENCE_TIME.between(utc(from), utc(to)))
                .forEach(r -> handled.add(ProductInstance.parse(r.value1())));
        return handled;
    }

    /** The latest revision of a recipe version's product at a reference time, with the observations it was made from. */
    record LatestRevision(String version, int revision, Set<Long> observationIds) {}

    /**
     * For each reference time in [from, to], the product of {@code recipeVersion} or of one of its revisions
     * ({@link Revisions}) with the highest revision, and its inputs.
     */
    java.util.Map<Instant, LatestRevision> latestRevisions(String type, String recipeVersion, Instant from, Instant to) {
        java.util.Map<Instant, LatestRevision> latest = new java.util.HashMap<>();
        java.util.Map<Long, Instant> productTimes = new java.util.HashMap<>();
        dsl.select(PRODUCT.ID, PRODUCT.VERSION, PRODUCT.REFERENCE_TIME).from(PRODUCT)
                .where(PRODUCT.TYPE.eq(type))
                .and(PRODUCT.VERSION.eq(recipeVersion).or(PRODUCT.VERSION.like(recipeVersion.replace("_", "\\_") + "-r%")))
                .and(PRODUCT.REFERENCE_TIME.between(utc(from), utc(to)))
                .forEach(r -> {
                    if (!Revisions.baseVersion(r.value2()).equals(recipeVersion)) {
                        return;
                    }
                    Instant time = r.value3().toInstant();
                    int revision = Revisions.revision(r.value2());
                    LatestRevision known = latest.get(time);
                    if (known == null || revision > known.revision()) {
                        latest.put(time, new LatestRevision(r.value2(), revision, new HashSet<>()));
                        productTimes.values().remove(time);
                        productTimes.put(r.value1(), time);
                    }
                });
        if (!productTimes.isEmpty()) {
            dsl.select(PRODUCT_INPUT.PRODUCT_ID, PRODUCT_INPUT.OBSERVATION_ID).from(PRODUCT_INPUT)
                    .where(PRODUCT_INPUT.PRODUCT_ID.in(productTimes.keySet()))
                    .forEach(r -> latest.get(productTimes.get(r.value1())).observationIds().add(r.value2()));
        }
        return latest;
    }

    /** The task instance ids of every run of a type with a reference time in [from, to]. */
    Set<String> runInstanceIds(String type, Instant from, Instant to) {
        return new HashSet<>(dsl.selectDistinct(RUN.INSTANCE_ID).from(RUN)
                .where(RUN.TYPE.eq(type)).and(RUN.REFERENCE_TIME.between(utc(from), utc(to)))
                .fetch(RUN.INSTANCE_ID));
    }

    Set<ProductInstance> productInstances(String type, String version, Instant from, Instant to) {
        Set<ProductInstance> made = new HashSet<>();
        dsl.select(PRODUCT.REFERENCE_TIME, PRODUCT.SUBJECT).from(PRODUCT)
                .where(PRODUCT.TYPE.eq(type)).and(PRODUCT.VERSION.eq(version))
                .and(PRODUCT.REFERENCE_TIME.between(utc(from), utc(to)))
                .forEach(r -> made.add(new ProductInstance(type, version, r.value1().toInstant(), r.value2())));
        return made;
    }

    /**
     * Records the start of an attempt; its number follows the instance's earlier attempts. Autocommitted. A scheduled
     * attempt runs only when db-scheduler holds the instance, so an earlier attempt still marked RUNNING belongs to a
     * node that died mid-run (db-scheduler revived its task here): it is closed as FAILED with that reason.
     */
    long startRun(ProductInstance instance, RunTrigger trigger, String node, java.time.Duration lease) {
        if (trigger != RunTrigger.COMMAND) {
            dsl.update(RUN)
                    .set(RUN.STATUS, RunStatus.FAILED.name())
                    .set(RUN.FINISHED_AT, DSL.currentOffsetDateTime())
                    .set(RUN.ERROR, "abandoned: its node stopped during the run; the task was revived on " + node)
                    .where(RUN.INSTANCE_ID.eq(instance.id())).and(RUN.STATUS.eq(RunStatus.RUNNING.name()))
                    .and(RUN.TRIGGER.ne(RunTrigger.COMMAND.name()))
                    .execute();
        }
        int attempt = dsl.select(DSL.coalesce(DSL.max(RUN.ATTEMPT), 0)).from(RUN)
                .where(RUN.INSTANCE_ID.eq(instance.id())).fetchOne(0, Integer.class) + 1;
        return dsl.insertInto(RUN)
                .set(RUN.TYPE, instance.type())
                .set(RUN.VERSION, instance.version())
                .set(RUN.REFERENCE_TIME, utc(instance.referenceTime()))
                .set(RUN.INSTANCE_ID, instance.id())
                .set(RUN.ATTEMPT, attempt)
                .set(RUN.TRIGGER, trigger.name())
                .set(RUN.NODE, node)
                .set(RUN.STATUS, RunStatus.RUNNING.name())
                .set(RUN.LEASE_UNTIL, leaseEnd(lease))
                .set(RUN.HEARTBEAT_AT, DSL.currentOffsetDateTime())
                .returning(RUN.ID).fetchOne(RUN.ID);
    }

    /** now() + lease on the database's clock, the one clock every node shares. */
    private static org.jooq.Field<OffsetDateTime> leaseEnd(java.time.Duration lease) {
        return DSL.field("now() + {0} * interval '1 millisecond'", OffsetDateTime.class, DSL.val(lease.toMillis()));
    }

    /** The heartbeat: extends a RUNNING run's lease; false when the run is no longer running (it was recovered). */
    boolean renewLease(long runId, java.time.Duration lease) {
        return dsl.update(RUN)
                .set(RUN.LEASE_UNTIL, leaseEnd(lease))
                .set(RUN.HEARTBEAT_AT, DSL.currentOffsetDateTime())
                .where(RUN.ID.eq(runId)).and(RUN.STATUS.eq(RunStatus.RUNNING.name()))
                .execute() == 1;
    }

    /**
     * Notes, before the object is written, a key a run is about to store: what its recovery must clean up. False, and
     * nothing noted, when the run is no longer RUNNING (its lease expired and it was recovered while it worked): the
     * object must not be written, no recovery would find it.
     */
    boolean recordStoredKey(long runId, String key) {
        return dsl.update(RUN)
                .set(RUN.STORED_KEYS, DSL.arrayAppend(RUN.STORED_KEYS, DSL.val(key)))
                .where(RUN.ID.eq(runId)).and(RUN.STATUS.eq(RunStatus.RUNNING.name()))
                .execute() == 1;
    }

    /**
     * In the caller's transaction, locks the run's row if it is still RUNNING and says whether it is. The lease check
     * closes expired runs with an UPDATE on the same rows, so whichever comes first wins: a run that is catalogued
     * cannot be abandoned after, and an abandoned run (whose objects the recovery deletes) cannot be catalogued.
     */
    boolean holdRunning(long runId) {
        return dsl.select(RUN.ID).from(RUN)
                .where(RUN.ID.eq(runId)).and(RUN.STATUS.eq(RunStatus.RUNNING.name()))
                .forUpdate().fetchOptional().isPresent();
    }

    /** The storage keys a run noted ({@link #recordStoredKey}). */
    List<String> storedKeys(long runId) {
        String[] keys = dsl.select(RUN.STORED_KEYS).from(RUN).where(RUN.ID.eq(runId)).fetchOne(RUN.STORED_KEYS);
        return keys == null ? List.of() : List.of(keys);
    }

    /** A run whose lease expired, as the lease check closed it. */
    record AbandonedRun(long id, String instanceId, String node, Instant leaseUntil, List<String> storedKeys) {}

    /**
     * Closes every RUNNING run whose lease has expired as FAILED with the reason, and returns them. Runs another lease
     * check is closing at the same moment are skipped (row locks), so that each is recovered once.
     */
    List<AbandonedRun> abandonExpiredRuns() {
        var expired = dsl.select(RUN.ID).from(RUN)
                .where(RUN.STATUS.eq(RunStatus.RUNNING.name())).and(RUN.LEASE_UNTIL.lt(DSL.currentOffsetDateTime()))
                .forUpdate().skipLocked();
        return dsl.update(RUN)
                .set(RUN.STATUS, RunStatus.FAILED.name())
                .set(RUN.FINISHED_AT, DSL.currentOffsetDateTime())
                .set(RUN.ERROR, DSL.concat(DSL.inline("abandoned: the lease of node "), DSL.coalesce(RUN.NODE, DSL.inline("?")),
                        DSL.inline(" expired at "), DSL.field("to_char({0} at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
                                String.class, RUN.LEASE_UNTIL),
                        DSL.inline(" (no heartbeat: the node died or the command was killed); the product is made again")))
                .where(RUN.ID.in(expired)).and(RUN.STATUS.eq(RunStatus.RUNNING.name()))
                .returning(RUN.ID, RUN.INSTANCE_ID, RUN.NODE, RUN.LEASE_UNTIL, RUN.STORED_KEYS)
                .fetch(r -> new AbandonedRun(r.getId(), r.getInstanceId(), r.getNode(), r.getLeaseUntil().toInstant(),
                        List.of(r.getStoredKeys())));
    }

    /**
     * Of the given keys, those nothing needs any more: no catalogued product file refers to them and no running run
     * is storing them (content addressing lets two products share an object).
     */
    Set<String> unneededKeys(java.util.Collection<String> keys) {
        Set<String> unneeded = new HashSet<>(keys);
        if (keys.isEmpty()) {
            return unneeded;
        }
        unneeded.removeAll(dsl.select(PRODUCT_FILE.STORAGE_KEY).from(PRODUCT_FILE).where(PRODUCT_FILE.STORAGE_KEY.in(keys))
                .fetch(PRODUCT_FILE.STORAGE_KEY));
        dsl.select(RUN.STORED_KEYS).from(RUN)
                .where(RUN.STATUS.eq(RunStatus.RUNNING.name()))
                .and(DSL.condition("{0} && {1}", RUN.STORED_KEYS, DSL.val(keys.toArray(String[]::new), RUN.STORED_KEYS.getDataType())))
                .forEach(r -> unneeded.removeAll(List.of(r.value1())));
        return unneeded;
    }

    /**
     * Closes a RUNNING run. A run the lease check closed meanwhile keeps what it says (FAILED, "abandoned: …"): false
     * then.
     */
    boolean finishRun(long runId, RunStatus status, long durationMs, String error, Long productId) {
        return dsl.update(RUN)
                .set(RUN.STATUS, status.name())
                .set(RUN.FINISHED_AT, DSL.currentOffsetDateTime())
                .set(RUN.DURATION_MS, durationMs)
                .set(RUN.ERROR, error)
                .set(RUN.PRODUCT_ID, productId)
                .where(RUN.ID.eq(runId)).and(RUN.STATUS.eq(RunStatus.RUNNING.name()))
                .execute() == 1;
    }

    /** A stored output file, ready to catalogue. */
    record StoredOutput(String name, ProductOutput.Role role, String mediaType, long sizeBytes, String sha256, String storageKey) {}

    /**
     * Catalogues a product with its files and inputs, in the caller's transaction. Returns empty when the product was
     * catalogued meanwhile (another node or a command made it first): the unique key keeps one row per instance.
     */
    Optional<Long> insertProduct(ProductInstance instance, InputSet inputs, List<String> flags, Map<String, Object> parameters,
                                 Map<String, Object> summary, String softwareVersion, long durationMs,
                                 List<StoredOutput> files, Map<String, List<String>> attributes) {
        Long id = dsl.insertInto(PRODUCT)
                .set(PRODUCT.TYPE, instance.type())
                .set(PRODUCT.VERSION, instance.version())
                .set(PRODUCT.REFERENCE_TIME, utc(instance.referenceTime()))
                .set(PRODUCT.SUBJECT, instance.subject())
                .set(PRODUCT.FLAGS, flags.toArray(String[]::new))
                .set(PRODUCT.MISSING_INPUTS, inputs.missing().toArray(String[]::new))
                .set(PRODUCT.PARAMETERS, JSONB.valueOf(json.writeValueAsString(parameters)))
                .set(PRODUCT.SUMMARY, JSONB.valueOf(json.writeValueAsString(summary)))
                .set(PRODUCT.SOFTWARE_VERSION, softwareVersion)
                .set(PRODUCT.DURATION_MS, durationMs)
                .onConflict(PRODUCT.TYPE, PRODUCT.VERSION, PRODUCT.REFERENCE_TIME, PRODUCT.SUBJECT).doNothing()
                .returningResult(PRODUCT.ID).fetchOptional().map(org.jooq.Record1::value1).orElse(null);
        if (id == null) {
            return Optional.empty();
        }
        int position = 0;
        for (StoredOutput file : files) {
            dsl.insertInto(PRODUCT_FILE)
                    .set(PRODUCT_FILE.PRODUCT_ID, id)
                    .set(PRODUCT_FILE.POSITION, position++)
                    .set(PRODUCT_FILE.NAME, file.name())
                    .set(PRODUCT_FILE.ROLE, file.role().name())
                    .set(PRODUCT_FILE.MEDIA_TYPE, file.mediaType())
                    .set(PRODUCT_FILE.SIZE_BYTES, file.sizeBytes())
                    .set(PRODUCT_FILE.SHA256, file.sha256())
                    .set(PRODUCT_FILE.STORAGE_KEY, file.storageKey())
                    .execute();
        }
        attributes.forEach((name, values) -> values.stream().distinct().forEach(value -> dsl.insertInto(PRODUCT_ATTRIBUTE)
                .set(PRODUCT_ATTRIBUTE.PRODUCT_ID, id)
                .set(PRODUCT_ATTRIBUTE.NAME, name)
                .set(PRODUCT_ATTRIBUTE.VALUE, value)
                .execute()));
        for (InputFile input : inputs.inputs()) {
            dsl.insertInto(PRODUCT_INPUT)
                    .set(PRODUCT_INPUT.PRODUCT_ID, id)
                    .set(PRODUCT_INPUT.OBSERVATION_ID, input.observationId())
                    .set(PRODUCT_INPUT.LABEL, input.label())
                    .set(PRODUCT_INPUT.FILE_NAME, input.fileName())
                    .set(PRODUCT_INPUT.SHA256, input.sha256())
                    .execute();
        }
        return Optional.of(id);
    }

    Optional<RunSummary> run(long id) {
        return dsl.selectFrom(RUN).where(RUN.ID.eq(id)).fetchOptional().map(ChainRepository::summary);
    }

    List<RunSummary> runs(String type, RunStatus status, int offset, int limit) {
        return dsl.selectFrom(RUN).where(runFilter(type, status)).orderBy(RUN.STARTED_AT.desc(), RUN.ID.desc())
                .limit(limit).offset(offset).fetch(ChainRepository::summary);
    }

    long countRuns(String type, RunStatus status) {
        return dsl.fetchCount(RUN, runFilter(type, status));
    }

    List<RunSummary> runsOf(String instanceId) {
        return dsl.selectFrom(RUN).where(RUN.INSTANCE_ID.eq(instanceId)).orderBy(RUN.ID).fetch(ChainRepository::summary);
    }

    private static Condition runFilter(String type, RunStatus status) {
        Condition where = DSL.noCondition();
        if (type != null) {
            where = where.and(RUN.TYPE.eq(type));
        }
        if (status != null) {
            where = where.and(RUN.STATUS.eq(status.name()));
        }
        return where;
    }

    private static RunSummary summary(org.medoc.db.jooq.products.tables.records.RunRecord r) {
        return new RunSummary(r.getId(), r.getType(), r.getVersion(), r.getReferenceTime().toInstant(), r.getInstanceId(),
                r.getAttempt(), RunTrigger.valueOf(r.getTrigger()), r.getNode(), RunStatus.valueOf(r.getStatus()),
                r.getStartedAt().toInstant(), r.getFinishedAt() == null ? null : r.getFinishedAt().toInstant(),
                r.getDurationMs(), r.getError(), r.getProductId());
    }
}
