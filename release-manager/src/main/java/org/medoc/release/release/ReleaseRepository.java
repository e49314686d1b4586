package org.medoc.release.release;

import org.medoc.audit.AuditTrail;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.ReleaseState;
import org.medoc.release.model.ReleaseCollection;
import org.medoc.release.model.ReleaseEvent;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.medoc.db.jooq.releases.tables.records.ReleaseRecord;
import org.medoc.release.model.CatalogFormat;
import org.medoc.release.model.FileKind;
import org.medoc.release.model.FixityCoverage;
import org.medoc.release.model.FixityFailure;
import org.medoc.release.model.FixityTarget;
import org.medoc.release.model.ReleaseFile;
import org.medoc.release.model.SelectionRules;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.medoc.db.jooq.releases.Tables.COLLECTION;
import static org.medoc.db.jooq.releases.Tables.FIXITY_STATUS;
import static org.medoc.db.jooq.releases.Tables.RELEASE;
import static org.medoc.db.jooq.releases.Tables.RELEASE_EVENT;
import static org.medoc.db.jooq.releases.Tables.RELEASE_FILE;

/** jOOQ access to the releases schema; the service owns the rules. */
@Repository
class ReleaseRepository {

    private final DSLContext dsl;
    private final ObjectMapper json;
    private final AuditTrail audit;

    ReleaseRepository(DSLContext dsl, ObjectMapper json, AuditTrail audit) {
        this.dsl = dsl;
        this.json = json;
        this.audit = audit;
    }

    Optional<ReleaseCollection> collection(String code) {
        return dsl.selectFrom(COLLECTION).where(COLLECTION.CODE.eq(code)).fetchOptional()
                .map(r -> new ReleaseCollection(r.getCode(), r.getTitle(), CatalogFormat.valueOf(r.getCatalogFormat()),
                        r.getConceptIdentifier()));
    }

    void insertCollection(String code, String title, CatalogFormat format) {
        dsl.insertInto(COLLECTION).set(COLLECTION.CODE, code).set(COLLECTION.TITLE, title)
                .set(COLLECTION.CATALOG_FORMAT, format.name()).onConflictDoNothing().execute();
    }

    void setConceptIdentifier(String code, String identifier) {
        dsl.update(COLLECTION).set(COLLECTION.CONCEPT_IDENTIFIER, identifier)
                .where(COLLECTION.CODE.eq(code)).and(COLLECTION.CONCEPT_IDENTIFIER.isNull()).execute();
    }

    /**
     * For each of these item ids of {@code kind} in a published release, the identifier of the most recently published
     * such release (ties by release id).
     */
    Map<Long, String> publishedIdentifiers(String kind, java.util.Collection<Long> ids) {
        Map<Long, String> identifiers = new LinkedHashMap<>();
        dsl.select(RELEASE_FILE.ITEM_ID, RELEASE.IDENTIFIER).distinctOn(RELEASE_FILE.ITEM_ID)
                .from(RELEASE_FILE).join(RELEASE).on(RELEASE.ID.eq(RELEASE_FILE.RELEASE_ID))
                .where(RELEASE_FILE.KIND.eq(kind)).and(RELEASE_FILE.ITEM_ID.eq(DSL.any(ids.toArray(new Long[0]))))
                .and(RELEASE.STATE.eq(ReleaseState.PUBLISHED.name()))
                .orderBy(RELEASE_FILE.ITEM_ID, RELEASE.PUBLISHED_AT.desc(), RELEASE.ID.desc())
                .forEach(r -> identifiers.put(r.value1(), r.value2()));
        return identifiers;
    }

    List<Release> all() {
        return dsl.selectFrom(RELEASE).orderBy(RELEASE.COLLECTION, RELEASE.ID.desc()).fetch(this::release);
    }

    List<Release> versions(String collection) {
        return dsl.selectFrom(RELEASE).where(RELEASE.COLLECTION.eq(collection)).orderBy(RELEASE.ID.desc()).fetch(this::release);
    }

    Optional<Release> find(String collection, String version) {
        return dsl.selectFrom(RELEASE).where(RELEASE.COLLECTION.eq(collection)).and(RELEASE.VERSION.eq(version))
                .fetchOptional().map(this::release);
    }

    Optional<Release> byId(long id) {
        return dsl.selectFrom(RELEASE).where(RELEASE.ID.eq(id)).fetchOptional().map(this::release);
    }

    /** Locks the row for the rest of the transaction. */
    Optional<Release> lock(String collection, String version) {
        return dsl.selectFrom(RELEASE).where(RELEASE.COLLECTION.eq(collection)).and(RELEASE.VERSION.eq(version))
                .forUpdate().fetchOptional().map(this::release);
    }

    Optional<Release> nextVersion(long id) {
        return dsl.selectFrom(RELEASE).where(RELEASE.PREVIOUS_RELEASE_ID.eq(id))
                .and(RELEASE.STATE.in("PUBLISHED", "WITHDRAWN")).orderBy(RELEASE.ID).limit(1).fetchOptional().map(this::release);
    }

    long insert(String collection, String version, ReleaseMetadata metadata, SelectionRules selection, String identifier,
                Release.IdentifierType type, String doiState, Long previousId) {
        return dsl.insertInto(RELEASE)
                .set(RELEASE.COLLECTION, collection)
                .set(RELEASE.VERSION, version)
                .set(RELEASE.STATE, ReleaseState.DRAFT.name())
                .set(RELEASE.METADATA, jsonb(metadata))
                .set(RELEASE.SELECTION, jsonb(selection))
                .set(RELEASE.IDENTIFIER, identifier)
                .set(RELEASE.IDENTIFIER_TYPE, type.name())
                .set(RELEASE.DOI_STATE, doiState)
                .set(RELEASE.PREVIOUS_RELEASE_ID, previousId)
                .returning(RELEASE.ID).fetchOne().getId();
    }

    /** Applies the change if the row still has {@code expectedLock}; false when someone else changed it first. */
    boolean update(long id, int expectedLock, java.util.function.Consumer<ReleaseRecord> change) {
        ReleaseRecord record = dsl.newRecord(RELEASE);
        change.accept(record);
        record.set(RELEASE.LOCK_VERSION, expectedLock + 1);
        record.set(RELEASE.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC));
        Map<org.jooq.Field<?>, Object> values = new LinkedHashMap<>();
        for (org.jooq.Field<?> field : record.fields()) {
            if (record.changed(field)) {
                values.put(field, record.get(field));
            }
        }
        return dsl.update(RELEASE).set(values).where(RELEASE.ID.eq(id)).and(RELEASE.LOCK_VERSION.eq(expectedLock)).execute() == 1;
    }

    /**
     * DataCite's state of the release's DOI as the registrar last saw it. Not a change of the release (its lock version
     * stays): a background registration never makes a release manager's next edit stale.
     */
    void setDoiState(long id, String doiState) {
        dsl.update(RELEASE).set(RELEASE.DOI_STATE, doiState).where(RELEASE.ID.eq(id)).execute();
    }

    /** Every release with a DOI, as (doi, collection, release id), and every collection's concept DOI (release id null). */
    List<org.medoc.release.registrar.DoiTargets.DoiKey> doiKeys() {
        List<org.medoc.release.registrar.DoiTargets.DoiKey> keys = new java.util.ArrayList<>(dsl.select(RELEASE.IDENTIFIER, RELEASE.COLLECTION, RELEASE.ID)
                .from(RELEASE).where(RELEASE.IDENTIFIER_TYPE.eq(Release.IdentifierType.DOI.name())).orderBy(RELEASE.ID)
                .fetch(r -> new org.medoc.release.registrar.DoiTargets.DoiKey(r.value1(), r.value2(), r.value3())));
        dsl.select(COLLECTION.CONCEPT_IDENTIFIER, COLLECTION.CODE).from(COLLECTION)
                .where(COLLECTION.CONCEPT_IDENTIFIER.isNotNull()).and(COLLECTION.CONCEPT_IDENTIFIER.notLike("medoc-local:%"))
                .orderBy(COLLECTION.CODE)
                .forEach(r -> keys.add(new org.medoc.release.registrar.DoiTargets.DoiKey(r.value1(), r.value2(), null)));
        return keys;
    }

    JSONB jsonb(Object value) {
        return JSONB.valueOf(json.writeValueAsString(value));
    }

    void event(long releaseId, String actor, String action, ReleaseState from, ReleaseState to, String reason) {
        dsl.insertInto(RELEASE_EVENT)
                .set(RELEASE_EVENT.RELEASE_ID, releaseId)
                .set(RELEASE_EVENT.ACTOR, actor)
                .set(RELEASE_EVENT.ACTION, action)
                .set(RELEASE_EVENT.FROM_STATE, from == null ? null : from.name())
                .set(RELEASE_EVENT.TO_STATE, to == null ? null : to.name())
                .set(RELEASE_EVENT.REASON, reason)
                .execute();
        // every lifecycle event (created, DOI reserved, frozen or refused, published, withdrawn, edits) is also audited
        audit.recordAs(actor, "release." + action.toLowerCase(Locale.ROOT).replace('_', '-'), "release", label(releaseId), from == null ? null : Map.of("state", from.name()), to == null ? null : Map.of("state", to.name()), reason);
    }

    /** "collection/version", how an administrator recognises a release in the audit trail. */
    private String label(long releaseId) {
        return dsl.select(RELEASE.COLLECTION, RELEASE.VERSION).from(RELEASE).where(RELEASE.ID.eq(releaseId))
                .fetchOne(r -> r.value1() + "/" + r.value2());
    }

    List<ReleaseEvent> history(long releaseId) {
        return dsl.selectFrom(RELEASE_EVENT).where(RELEASE_EVENT.RELEASE_ID.eq(releaseId)).orderBy(RELEASE_EVENT.ID)
                .fetch(r -> new ReleaseEvent(r.getId(), r.getAt().toInstant(), r.getActor(), r.getAction(),
                        r.getFromState() == null ? null : ReleaseState.valueOf(r.getFromState()),
                        r.getToState() == null ? null : ReleaseState.valueOf(r.getToState()), r.getReason()));
    }

    void insertFiles(long releaseId, List<ReleaseFile> files) {
        var batch = dsl.batch(dsl.insertInto(RELEASE_FILE, RELEASE_FILE.RELEASE_ID, RELEASE_FILE.PACKAGE_PATH, RELEASE_FILE.KIND,
                RELEASE_FILE.ITEM_ID, RELEASE_FILE.STORAGE_KEY, RELEASE_FILE.SHA256, RELEASE_FILE.SHA512, RELEASE_FILE.SIZE_BYTES,
                RELEASE_FILE.MEDIA_TYPE, RELEASE_FILE.CATALOG_ROW).values((Long) null, null, null, null, null, null, null, null, null, null));
        for (ReleaseFile file : files) {
            batch.bind(releaseId, file.packagePath(), file.kind().name(), file.itemId(), file.storageKey(), file.sha256(),
                    file.sha512(), file.sizeBytes(), file.mediaType(), jsonb(file.catalogRow()));
        }
        if (!files.isEmpty()) {
            batch.execute();
        }
    }

    List<ReleaseFile> files(long releaseId) {
        return dsl.selectFrom(RELEASE_FILE).where(RELEASE_FILE.RELEASE_ID.eq(releaseId)).orderBy(RELEASE_FILE.PACKAGE_PATH)
                .fetch(this::file);
    }

    Optional<ReleaseFile> file(long releaseId, String packagePath) {
        return dsl.selectFrom(RELEASE_FILE).where(RELEASE_FILE.RELEASE_ID.eq(releaseId))
                .and(RELEASE_FILE.PACKAGE_PATH.eq(packagePath)).fetchOptional().map(this::file);
    }

    /** The ids of a frozen release's files of one kind (observation or product ids), ascending. */
    List<Long> itemIds(long releaseId, FileKind kind) {
        return dsl.select(RELEASE_FILE.ITEM_ID).from(RELEASE_FILE).where(RELEASE_FILE.RELEASE_ID.eq(releaseId))
                .and(RELEASE_FILE.KIND.eq(kind.name())).orderBy(RELEASE_FILE.ITEM_ID).fetch(RELEASE_FILE.ITEM_ID);
    }

    /**
     * What a frozen release holds, by kind and (for products) type and version, from its immutable file list:
     * one line per group with its file count and size, observations first.
     */
    List<org.medoc.release.model.ReleaseContents> contents(long releaseId) {
        var type = org.jooq.impl.DSL.field("{0} ->> 'PRODUCT_TYPE'", String.class, RELEASE_FILE.CATALOG_ROW);
        var version = org.jooq.impl.DSL.field("{0} ->> 'PRODUCT_VERSION'", String.class, RELEASE_FILE.CATALOG_ROW);
        return dsl.select(RELEASE_FILE.KIND, type, version, org.jooq.impl.DSL.count(), org.jooq.impl.DSL.sum(RELEASE_FILE.SIZE_BYTES))
                .from(RELEASE_FILE).where(RELEASE_FILE.RELEASE_ID.eq(releaseId))
                .groupBy(RELEASE_FILE.KIND, type, version)
                .orderBy(RELEASE_FILE.KIND, type, version)
                .fetch(r -> new org.medoc.release.model.ReleaseContents(FileKind.valueOf(r.value1()),
                        r.value1().equals(FileKind.PRODUCT.name()) ? r.value2() : null,
                        r.value1().equals(FileKind.PRODUCT.name()) ? r.value3() : null,
                        r.value4(), r.value5() == null ? 0 : r.value5().longValue()));
    }

    // ---------------------------------------------------------------- fixity of published files

    List<FixityTarget> fixityDue(int limit) {
        return dsl.select(RELEASE_FILE.RELEASE_ID, RELEASE.COLLECTION, RELEASE.VERSION, RELEASE_FILE.PACKAGE_PATH,
                        RELEASE_FILE.STORAGE_KEY, RELEASE_FILE.SHA256, RELEASE_FILE.SIZE_BYTES)
                .from(RELEASE_FILE)
                .join(RELEASE).on(RELEASE.ID.eq(RELEASE_FILE.RELEASE_ID))
                .leftJoin(FIXITY_STATUS).on(FIXITY_STATUS.RELEASE_ID.eq(RELEASE_FILE.RELEASE_ID)
                        .and(FIXITY_STATUS.PACKAGE_PATH.eq(RELEASE_FILE.PACKAGE_PATH)))
                .where(RELEASE.STATE.eq(ReleaseState.PUBLISHED.name()))
                .orderBy(FIXITY_STATUS.CHECKED_AT.asc().nullsFirst(), RELEASE_FILE.RELEASE_ID, RELEASE_FILE.PACKAGE_PATH)
                .limit(limit)
                .fetch(r -> new FixityTarget(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    void recordFixity(long releaseId, String packagePath, boolean ok, String actualSha256, Long actualSize, String detail) {
        dsl.insertInto(FIXITY_STATUS)
                .set(FIXITY_STATUS.RELEASE_ID, releaseId)
                .set(FIXITY_STATUS.PACKAGE_PATH, packagePath)
                .set(FIXITY_STATUS.CHECKED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(FIXITY_STATUS.OK, ok)
                .set(FIXITY_STATUS.ACTUAL_SHA256, actualSha256)
                .set(FIXITY_STATUS.ACTUAL_SIZE, actualSize)
                .set(FIXITY_STATUS.DETAIL, detail)
                .onConflict(FIXITY_STATUS.RELEASE_ID, FIXITY_STATUS.PACKAGE_PATH).doUpdate()
                .set(FIXITY_STATUS.CHECKED_AT, DSL.excluded(FIXITY_STATUS.CHECKED_AT))
                .set(FIXITY_STATUS.OK, DSL.excluded(FIXITY_STATUS.OK))
                .set(FIXITY_STATUS.ACTUAL_SHA256, DSL.excluded(FIXITY_STATUS.ACTUAL_SHA256))
                .set(FIXITY_STATUS.ACTUAL_SIZE, DSL.excluded(FIXITY_STATUS.ACTUAL_SIZE))
                .set(FIXITY_STATUS.DETAIL, DSL.excluded(FIXITY_STATUS.DETAIL))
                .execute();
    }

    List<FixityFailure> fixityFailures() {
        return dsl.select(RELEASE.COLLECTION, RELEASE.VERSION, RELEASE_FILE.PACKAGE_PATH, RELEASE_FILE.STORAGE_KEY,
                        RELEASE_FILE.SHA256, FIXITY_STATUS.ACTUAL_SHA256, RELEASE_FILE.SIZE_BYTES, FIXITY_STATUS.ACTUAL_SIZE,
                        FIXITY_STATUS.DETAIL, FIXITY_STATUS.CHECKED_AT)
                .from(FIXITY_STATUS)
                .join(RELEASE_FILE).on(RELEASE_FILE.RELEASE_ID.eq(FIXITY_STATUS.RELEASE_ID)
                        .and(RELEASE_FILE.PACKAGE_PATH.eq(FIXITY_STATUS.PACKAGE_PATH)))
                .join(RELEASE).on(RELEASE.ID.eq(FIXITY_STATUS.RELEASE_ID))
                .where(FIXITY_STATUS.OK.isFalse())
                .orderBy(FIXITY_STATUS.CHECKED_AT.desc())
                .fetch(r -> new FixityFailure(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9(), r.value10().toInstant()));
    }

    FixityCoverage fixityCoverage() {
        var published = RELEASE.STATE.eq(ReleaseState.PUBLISHED.name());
        long total = dsl.fetchCount(RELEASE_FILE.join(RELEASE).on(RELEASE.ID.eq(RELEASE_FILE.RELEASE_ID)), published);
        long checked = dsl.fetchCount(FIXITY_STATUS.join(RELEASE).on(RELEASE.ID.eq(FIXITY_STATUS.RELEASE_ID)), published);
        OffsetDateTime oldest = dsl.select(DSL.min(FIXITY_STATUS.CHECKED_AT)).from(FIXITY_STATUS).fetchOne(0, OffsetDateTime.class);
        return new FixityCoverage(checked, total - checked, oldest == null ? null : oldest.toInstant());
    }

    private ReleaseFile file(org.medoc.db.jooq.releases.tables.records.ReleaseFileRecord r) {
        Map<String, String> row = json.readValue(r.getCatalogRow().data(), new TypeReference<LinkedHashMap<String, String>>() { });
        return new ReleaseFile(FileKind.valueOf(r.getKind()), r.getItemId(), r.getStorageKey(), r.getSha256(), r.getSha512(),
                r.getSizeBytes(), r.getPackagePath(), r.getMediaType(), row);
    }

    private Release release(Record record) {
        ReleaseRecord r = record.into(RELEASE);
        return new Release(r.getId(), r.getCollection(), r.getVersion(), ReleaseState.valueOf(r.getState()),
                json.readValue(r.getMetadata().data(), ReleaseMetadata.class),
                json.readValue(r.getSelection().data(), SelectionRules.class),
                r.getReleaseNotes(), r.getIdentifier(), Release.IdentifierType.valueOf(r.getIdentifierType()), r.getDoiState(),
                r.getPreviousReleaseId(), r.getFileCount(), r.getTotalBytes(), instant(r.getFrozenAt()),
                instant(r.getPublishedAt()), instant(r.getWithdrawnAt()), r.getWithdrawalReason(), r.getLockVersion(),
                instant(r.getCreatedAt()), instant(r.getUpdatedAt()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
