package org.medoc.products.campaign;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.medoc.db.jooq.products.Tables.CAMPAIGN;
import static org.medoc.db.jooq.products.Tables.CAMPAIGN_ITEM;
import static org.medoc.db.jooq.products.Tables.PRODUCT;

/** The campaigns' reads and writes in the products schema. */
@Repository
class CampaignRepository {

    private static final List<String> IN_FLIGHT = List.of(ItemStatus.QUEUED.name(), ItemStatus.RUNNING.name());
    private static final List<String> UNFINISHED = List.of(ItemStatus.PENDING.name(), ItemStatus.QUEUED.name(),
            ItemStatus.RUNNING.name());
    private static final List<String> ACTIVE = List.of(CampaignStatus.ENUMERATING.name(), CampaignStatus.RUNNING.name());

    private final DSLContext dsl;

    CampaignRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** A campaign row without its progress. */
    record Row(long id, String type, String version, Instant from, Instant to, CampaignStatus status, Instant enumeratedTo,
               String requestedBy, Instant createdAt, Instant resumedAt, Instant finishedAt) {}

    /** An input set found by enumeration, with the product of the campaign's version when it exists already. */
    record Draft(String instanceId, Instant referenceTime, String subject, Long existingProduct) {}

    long insert(String type, String version, Instant from, Instant to, String requestedBy) {
        return dsl.insertInto(CAMPAIGN)
                .set(CAMPAIGN.TYPE, type).set(CAMPAIGN.VERSION, version)
                .set(CAMPAIGN.FROM_TIME, utc(from)).set(CAMPAIGN.TO_TIME, utc(to))
                .set(CAMPAIGN.STATUS, CampaignStatus.ENUMERATING.name())
                .set(CAMPAIGN.ENUMERATED_TO, utc(from))
                .set(CAMPAIGN.REQUESTED_BY, requestedBy)
                .returning(CAMPAIGN.ID).fetchOne(CAMPAIGN.ID);
    }

    private static Row row(Record r) {
        return new Row(r.get(CAMPAIGN.ID), r.get(CAMPAIGN.TYPE), r.get(CAMPAIGN.VERSION), instant(r.get(CAMPAIGN.FROM_TIME)),
                instant(r.get(CAMPAIGN.TO_TIME)), CampaignStatus.valueOf(r.get(CAMPAIGN.STATUS)),
                instant(r.get(CAMPAIGN.ENUMERATED_TO)), r.get(CAMPAIGN.REQUESTED_BY), instant(r.get(CAMPAIGN.CREATED_AT)),
                instant(r.get(CAMPAIGN.RESUMED_AT)), instant(r.get(CAMPAIGN.FINISHED_AT)));
    }

    Optional<Row> find(long id) {
        return dsl.selectFrom(CAMPAIGN).where(CAMPAIGN.ID.eq(id)).fetchOptional().map(CampaignRepository::row);
    }

    /** Newest first. */
    List<Row> page(int offset, int limit) {
        return dsl.selectFrom(CAMPAIGN).orderBy(CAMPAIGN.ID.desc()).offset(offset).limit(limit).fetch(CampaignRepository::row);
    }

    long count() {
        return dsl.fetchCount(CAMPAIGN);
    }

    /** Campaigns still enumerating or running, oldest first (the feeder serves them in turn). */
    List<Row> active() {
        return dsl.selectFrom(CAMPAIGN).where(CAMPAIGN.STATUS.in(ACTIVE)).orderBy(CAMPAIGN.ID).fetch(CampaignRepository::row);
    }

    /**
     * The products of a type and version in [from, to] that exist already, by {@code referenceTime@subject}: items for
     * them are recorded as SKIPPED without a run.
     */
    Map<String, Long> existingProducts(String type, String version, Instant from, Instant to) {
        Map<String, Long> products = new HashMap<>();
        dsl.select(PRODUCT.ID, PRODUCT.REFERENCE_TIME, PRODUCT.SUBJECT).from(PRODUCT)
                .where(PRODUCT.TYPE.eq(type)).and(PRODUCT.VERSION.eq(version))
                .and(PRODUCT.REFERENCE_TIME.between(utc(from), utc(to)))
                .forEach(r -> products.put(key(r.value2().toInstant(), r.value3()), r.value1()));
        return products;
    }

    static String key(Instant referenceTime, String subject) {
        return referenceTime + "@" + subject;
    }

    /**
     * Adds enumerated items; an item found twice (by two windows sharing a boundary, or by an enumeration repeated
     * after a crash) is added once. Returns how many were new.
     */
    int insertItems(long campaignId, List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return 0;
        }
        var insert = dsl.insertInto(CAMPAIGN_ITEM, CAMPAIGN_ITEM.CAMPAIGN_ID, CAMPAIGN_ITEM.INSTANCE_ID,
                CAMPAIGN_ITEM.REFERENCE_TIME, CAMPAIGN_ITEM.SUBJECT, CAMPAIGN_ITEM.STATUS, CAMPAIGN_ITEM.PRODUCT_ID);
        for (Draft draft : drafts) {
            insert = insert.values(campaignId, draft.instanceId(), utc(draft.referenceTime()), draft.subject(),
                    (draft.existingProduct() == null ? ItemStatus.PENDING : ItemStatus.SKIPPED).name(), draft.existingProduct());
        }
        return insert.onConflictDoNothing().execute();
    }

    /** Moves the enumeration cursor; reaching the end makes an enumerating campaign RUNNING. */
    void enumerated(long campaignId, Instant upTo, boolean complete) {
        dsl.update(CAMPAIGN).set(CAMPAIGN.ENUMERATED_TO, utc(upTo))
                .set(CAMPAIGN.STATUS, complete
                        ? DSL.when(CAMPAIGN.STATUS.eq(CampaignStatus.ENUMERATING.name()), CampaignStatus.RUNNING.name())
                                .otherwise(CAMPAIGN.STATUS)
                        : CAMPAIGN.STATUS)
                .where(CAMPAIGN.ID.eq(campaignId)).execute();
    }

    int inFlight(long campaignId) {
        return dsl.fetchCount(CAMPAIGN_ITEM, CAMPAIGN_ITEM.CAMPAIGN_ID.eq(campaignId).and(CAMPAIGN_ITEM.STATUS.in(IN_FLIGHT)));
    }

    /** The next pending items in reference-time order. */
    List<String> nextPending(long campaignId, int limit) {
        return dsl.select(CAMPAIGN_ITEM.INSTANCE_ID).from(CAMPAIGN_ITEM)
                .where(CAMPAIGN_ITEM.CAMPAIGN_ID.eq(campaignId)).and(CAMPAIGN_ITEM.STATUS.eq(ItemStatus.PENDING.name()))
                .orderBy(CAMPAIGN_ITEM.REFERENCE_TIME, CAMPAIGN_ITEM.SUBJECT).limit(limit)
                .fetch(CAMPAIGN_ITEM.INSTANCE_ID);
    }

    /** Pending items whose task is now scheduled; an item a node has picked up meanwhile keeps its later state. */
    int markQueued(long campaignId, Collection<String> instanceIds) {
        return dsl.update(CAMPAIGN_ITEM).set(CAMPAIGN_ITEM.STATUS, ItemStatus.QUEUED.name())
                .where(CAMPAIGN_ITEM.CAMPAIGN_ID.eq(campaignId)).and(CAMPAIGN_ITEM.INSTANCE_ID.in(instanceIds))
                .and(CAMPAIGN_ITEM.STATUS.eq(ItemStatus.PENDING.name())).execute();
    }

    /** Closes a running campaign whose items are all made, skipped, failed or cancelled; true when this call closed it. */
    boolean finishIfDone(long campaignId) {
        return dsl.update(CAMPAIGN).set(CAMPAIGN.STATUS, CampaignStatus.FINISHED.name()).set(CAMPAIGN.FINISHED_AT, DSL.currentOffsetDateTime())
                .where(CAMPAIGN.ID.eq(campaignId)).and(CAMPAIGN.STATUS.eq(CampaignStatus.RUNNING.name()))
                .andNotExists(DSL.selectOne().from(CAMPAIGN_ITEM).where(CAMPAIGN_ITEM.CAMPAIGN_ID.eq(campaignId))
                        .and(CAMPAIGN_ITEM.STATUS.in(UNFINISHED)))
                .execute() == 1;
    }

    /**
     * Marks an item RUNNING on a node if its campaign is still active and the item not finished: one statement, so that
     * a cancel committed before it stops the item and a cancel after it lets the item finish. A RUNNING item is taken
     * again (its node died and db-scheduler revived the task elsewhere).
     */
    boolean claim(long campaignId, String instanceId, String node) {
        return dsl.update(CAMPAIGN_ITEM)
                .set(CAMPAIGN_ITEM.STATUS, ItemStatus.RUNNING.name())
                .set(CAMPAIGN_ITEM.ATTEMPTS, CAMPAIGN_ITEM.ATTEMPTS.plus(1))
                .set(CAMPAIGN_ITEM.NODE, node)
                .set(CAMPAIGN_ITEM.STARTED_AT, DSL.currentOffsetDateTime())
                .setNull(CAMPAIGN_ITEM.FINISHED_AT)
                .where(CAMPAIGN_ITEM.CAMPAIGN_ID.eq(campaignId)).and(CAMPAIGN_ITEM.INSTANCE_ID.eq(instanceId))
                .and(CAMPAIGN_ITEM.STATUS.in(UNFINISHED))
                .andExists(DSL.selectOne().from(CAMPAIGN).where(CAMPAIGN.ID.eq(campaignId)).and(CAMPAIGN.STATUS.in(ACTIVE)))
                .execute() == 1;
    }

    /** An item not started because its campaign was cancelled meanwhile. */
    void cancelItem(long campaignId, String instanceId) {
        dsl.update(CAMPAIGN_ITEM).set(CAMPAIGN_ITEM.STATUS, ItemStatus.CANCELLED.name())
                .where(CAMPAIGN_ITEM.CAMPAIGN_ID.eq(campaignId)).and(CAMPAIGN_ITEM.INSTANCE_ID.eq(instanceId))
                .and(CAMPAIGN_ITEM.STATUS.in(ItemStatus.PENDING.name(), ItemStatus.QUEUED.name())).execute();
    }

    void finishItem(long campaignId, String instanceId, ItemStatus status, Long productId, Long runId, String error) {
        dsl.update(CAMPAIGN_ITEM).set(CAMPAIGN_ITEM.STATUS, status.name())
                .set(CAMPAIGN_ITEM.FINISHED_AT, DSL.currentOffsetDateTime())
                .set(CAMPAIGN_ITEM.PRODUCT_ID, productId).set(CAMPAIGN_ITEM.RUN_ID, runId).set(CAMPAIGN_ITEM.ERROR, error)
                .where(CAMPAIGN_ITEM.CAMPAIGN_ID.eq(campaignId)).and(CAMPAIGN_ITEM.INSTANCE_ID.eq(instanceId)).execute();
    }

    /** Stops an active campaign: no further item starts. Returns false when it was not active. */
    boolean cancel(long campaignId) {
        return dsl.update(CAMPAIGN).set(CAMPAIGN.STATUS, CampaignStatus.CANCELLED.name())
                .set(CAMPAIGN.FINISHED_AT, DSL.currentOffsetDateTime())
                .where(CAMPAIGN.ID.eq(campaignId)).and(CAMPAIGN.STATUS.in(ACTIVE)).execute() == 1;
    }

    /** The items of a cancelled campaign that had not started; returns their number. */
    int cancelWaitingItems(long campaignId) {
        return dsl.update(CAMPAIGN_ITEM).set(CAMPAIGN_ITEM.STATUS, ItemStatus.CANCELLED.name())
                .where(CAMPAIGN_ITEM.CAMPAIGN_ID.eq(campaignId))
                .and(CAMPAIGN_ITEM.STATUS.in(ItemStatus.PENDING.name(), ItemStatus.QUEUED.name())).execute();
    }

    /** Puts a cancelled or finished campaign back to work, enumerating again if it had not finished enumerating. */
    boolean resume(long campaignId) {
        return dsl.update(CAMPAIGN)
                .set(CAMPAIGN.STATUS, DSL.when(CAMPAIGN.ENUMERATED_TO.lt(CAMPAIGN.TO_TIME), CampaignStatus.ENUMERATING.name())
                        .otherwise(CampaignStatus.RUNNING.name()))
                .set(CAMPAIGN.RESUMED_AT, DSL.currentOffsetDateTime())
                .setNull(CAMPAIGN.FINISHED_AT)
                .where(CAMPAIGN.ID.eq(campaignId))
                .and(CAMPAIGN.STATUS.in(CampaignStatus.CANCELLED.name(), CampaignStatus.FINISHED.name())).execute() == 1;
    }

    /** Cancelled and failed items back to PENDING; returns their number. */
    int requeueStoppedItems(long campaignId) {
        return dsl.update(CAMPAIGN_ITEM).set(CAMPAIGN_ITEM.STATUS, ItemStatus.PENDING.name())
                .where(CAMPAIGN_ITEM.CAMPAIGN_ID.eq(campaignId))
                .and(CAMPAIGN_ITEM.STATUS.in(ItemStatus.CANCELLED.name(), ItemStatus.FAILED.name())).execute();
    }

    Map<ItemStatus, Long> counts(long campaignId) {
        return counts(List.of(campaignId)).getOrDefault(campaignId, new EnumMap<>(ItemStatus.class));
    }

    Map<Long, Map<ItemStatus, Long>> counts(Collection<Long> campaignIds) {
        Map<Long, Map<ItemStatus, Long>> counts = new HashMap<>();
        dsl.select(CAMPAIGN_ITEM.CAMPAIGN_ID, CAMPAIGN_ITEM.STATUS, DSL.count()).from(CAMPAIGN_ITEM)
                .where(CAMPAIGN_ITEM.CAMPAIGN_ID.in(campaignIds))
                .groupBy(CAMPAIGN_ITEM.CAMPAIGN_ID, CAMPAIGN_ITEM.STATUS)
                .forEach(r -> counts.computeIfAbsent(r.value1(), id -> new EnumMap<>(ItemStatus.class))
                        .put(ItemStatus.valueOf(r.value2()), r.value3().longValue()));
        return counts;
    }

    /** Items of a campaign that a run finished (made, skipped or failed) since a time: the rate. */
    long finishedSince(long campaignId, Instant since) {
        return dsl.fetchCount(CAMPAIGN_ITEM, CAMPAIGN_ITEM.CAMPAIGN_ID.eq(campaignId)
                .and(CAMPAIGN_ITEM.FINISHED_AT.ge(utc(since)))
                .and(CAMPAIGN_ITEM.STATUS.in(ItemStatus.MADE.name(), ItemStatus.SKIPPED.name(), ItemStatus.FAILED.name())));
    }

    /** Items of one state, in reference-time order, at most {@code limit}. */
    List<CampaignItem> items(long campaignId, ItemStatus status, int limit) {
        Condition where = CAMPAIGN_ITEM.CAMPAIGN_ID.eq(campaignId);
        if (status != null) {
            where = where.and(CAMPAIGN_ITEM.STATUS.eq(status.name()));
        }
        return dsl.selectFrom(CAMPAIGN_ITEM).where(where)
                .orderBy(CAMPAIGN_ITEM.REFERENCE_TIME, CAMPAIGN_ITEM.SUBJECT).limit(limit)
                .fetch(r -> new CampaignItem(r.getInstanceId(), instant(r.getReferenceTime()), r.getSubject(),
                        ItemStatus.valueOf(r.getStatus()), r.getAttempts(), r.getNode(), instant(r.getStartedAt()),
                        instant(r.getFinishedAt()), r.getProductId(), r.getError()));
    }
}
