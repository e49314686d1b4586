package org.medoc.planner.icn;

import org.jooq.DSLContext;
import org.medoc.audit.AuditTrail;
import org.medoc.db.jooq.planning.tables.records.IcnRecord;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningNotFoundException;
import org.medoc.planner.validation.PlanningRejectedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.medoc.db.jooq.planning.Tables.ICN;
import static org.medoc.db.jooq.planning.Tables.ICN_AFFECTED_ITEM;
import static org.medoc.db.jooq.planning.Tables.ICN_COMMENT;
import static org.medoc.db.jooq.planning.Tables.ICN_DECISION;
import static org.medoc.db.jooq.planning.Tables.ICN_STATUS_CHANGE;

/**
 * Instrument change notices (our working definition, PLANNING.md §9.2): numbered {@code ICN-<year>-<seq>}, never
 * reused; DRAFT &rarr; SUBMITTED &rarr; APPROVED or REJECTED &rarr; IMPLEMENTED &rarr; CLOSED, WITHDRAWN from
 * DRAFT/SUBMITTED, a REJECTED ICN may go back to DRAFT. Every status change leaves an audit row; approvers differ from
 * the author (C1); an implemented ICN names its effective STP and the study set it produced (C2).
 */
@Service
public class IcnService {

    private static final Set<String> ITEM_KINDS = Set.of("STUDY", "STUDY_SET", "PERIOD");
    private final DSLContext dsl;
    private final AuditTrail trail;

    public IcnService(DSLContext dsl, AuditTrail trail) {
        this.dsl = dsl;
        this.trail = trail;
    }

    /** What an author writes on an ICN. */
    public record IcnInput(String title, String rationale, IcnCategory category, Integer effectiveStp,
                           List<IcnDetail.AffectedItem> affected) {
    }

    @Transactional
    public IcnDetail create(IcnInput input, String author) {
        validate(input);
        int year = OffsetDateTime.now(ZoneOffset.UTC).getYear();
        String prefix = "ICN-" + year + "-";
        // numbers are never reused: the next sequence number after the highest one of the year, under a lock
        dsl.execute("LOCK TABLE planning.icn IN SHARE ROW EXCLUSIVE MODE");
        int next = dsl.select(ICN.NUMBER).from(ICN).where(ICN.NUMBER.startsWith(prefix)).fetch(r -> r.value1())
                .stream().mapToInt(n -> Integer.parseInt(n.substring(prefix.length()))).max().orElse(0) + 1;
        long id = dsl.insertInto(ICN)
                .set(ICN.NUMBER, prefix + String.format("%03d", next))
                .set(ICN.TITLE, input.title())
                .set(ICN.RATIONALE, input.rationale())
                .set(ICN.CATEGORY, input.category().name())
                .set(ICN.EFFECTIVE_STP, input.effectiveStp())
                .set(ICN.AUTHOR, author)
                .returning(ICN.ID).fetchOne(ICN.ID);
        replaceAffected(id, input.affected());
        audit(id, null, IcnStatus.DRAFT, author, "created");
        return get(id);
    }

    /** Edits a DRAFT. */
    @Transactional
    public IcnDetail update(long id, int expectedLockVersion, IcnInput input, String user) {
        validate(input);
        IcnRecord icn = locked(id, expectedLockVersion);
        if (!IcnStatus.DRAFT.name().equals(icn.getStatus())) {
            throw PlanningRejectedException.wrongState(icn.getNumber() + " is " + icn.getStatus() + ": only a draft can be edited");
        }
        int updated = dsl.update(ICN)
                .set(ICN.TITLE, input.title())
                .set(ICN.RATIONALE, input.rationale())
                .set(ICN.CATEGORY, input.category().name())
                .set(ICN.EFFECTIVE_STP, input.effectiveStp())
                .set(ICN.LOCK_VERSION, expectedLockVersion + 1)
                .where(ICN.ID.eq(id), ICN.LOCK_VERSION.eq(expectedLockVersion)).execute();
        if (updated == 0) {
            throw new PlanningConflictException("ICN", id, expectedLockVersion);
        }
        replaceAffected(id, input.affected());
        return get(id);
    }

    @Transactional
    public IcnDetail submit(long id, int expectedLockVersion, String user) {
        return move(id, expectedLockVersion, IcnStatus.SUBMITTED, user, null);
    }

    @Transactional
    public IcnDetail withdraw(long id, int expectedLockVersion, String user, String comment) {
        return move(id, expectedLockVersion, IcnStatus.WITHDRAWN, user, comment);
    }

    /** A REJECTED ICN goes back to DRAFT for rework. */
    @Transactional
    public IcnDetail rework(long id, int expectedLockVersion, String user) {
        return move(id, expectedLockVersion, IcnStatus.DRAFT, user, "reworked after rejection");
    }

    /**
     * An approver's decision on a SUBMITTED ICN: APPROVED or REJECTED with role, comment and timestamp (C1: never the
     * author; a rejection says why).
     */
    @Transactional
    public IcnDetail decide(long id, int expectedLockVersion, String approver, String role, boolean approve, String comment) {
        IcnRecord icn = locked(id, expectedLockVersion);
        List<Finding> c1 = new ArrayList<>(IcnRules.approval(icn.getAuthor(), approver));
        c1.addAll(IcnRules.decision(approve, comment));
        if (!c1.isEmpty()) {
            throw new PlanningRejectedException(c1.getFirst().message(), c1);
        }
        IcnStatus target = approve ? IcnStatus.APPROVED : IcnStatus.REJECTED;
        move(id, expectedLockVersion, target, approver, comment);
        dsl.insertInto(ICN_DECISION)
                .set(ICN_DECISION.ICN_ID, id)
                .set(ICN_DECISION.APPROVER, approver)
                .set(ICN_DECISION.ROLE, role)
                .set(ICN_DECISION.DECISION, target.name())
                .set(ICN_DECISION.COMMENT, comment)
                .execute();
        if (approve) {
            dsl.update(ICN).set(ICN.APPROVED_AT, OffsetDateTime.now(ZoneOffset.UTC)).where(ICN.ID.eq(id)).execute();
        }
        return get(id);
    }

    /** APPROVED &rarr; IMPLEMENTED, naming the study set the change produced (C2). */
    @Transactional
    public IcnDetail implement(long id, int expectedLockVersion, Long producedStudySetId, String user) {
        IcnRecord icn = locked(id, expectedLockVersion);
        List<Finding> c2 = IcnRules.implementation(icn.getEffectiveStp(), producedStudySetId);
        if (!c2.isEmpty()) {
            throw new PlanningRejectedException(icn.getNumber() + " cannot be marked implemented", c2);
        }
        dsl.update(ICN).set(ICN.PRODUCED_STUDY_SET_ID, producedStudySetId).where(ICN.ID.eq(id)).execute();
        return move(id, expectedLockVersion, IcnStatus.IMPLEMENTED, user, null);
    }

    @Transactional
    public IcnDetail close(long id, int expectedLockVersion, String user) {
        return move(id, expectedLockVersion, IcnStatus.CLOSED, user, null);
    }

    @Transactional
    public IcnDetail comment(long id, String author, String text) {
        get(id);
        if (text == null || text.isBlank()) {
            throw new PlanningRejectedException("a comment needs text");
        }
        dsl.insertInto(ICN_COMMENT).set(ICN_COMMENT.ICN_ID, id).set(ICN_COMMENT.AUTHOR, author).set(ICN_COMMENT.TEXT, text).execute();
        return get(id);
    }

    @Transactional(readOnly = true)
    public List<IcnDetail> list(IcnStatus status) {
        return dsl.select(ICN.ID).from(ICN).where(status == null ? org.jooq.impl.DSL.noCondition() : ICN.STATUS.eq(status.name()))
                .orderBy(ICN.NUMBER).fetch(r -> get(r.value1()));
    }

    @Transactional(readOnly = true)
    public IcnDetail get(long id) {
        IcnRecord r = dsl.selectFrom(ICN).where(ICN.ID.eq(id)).fetchOne();
        if (r == null) {
            throw new PlanningNotFoundException("ICN", id);
        }
        List<IcnDetail.AffectedItem> affected = dsl.selectFrom(ICN_AFFECTED_ITEM).where(ICN_AFFECTED_ITEM.ICN_ID.eq(id))
                .orderBy(ICN_AFFECTED_ITEM.ITEM_KIND, ICN_AFFECTED_ITEM.ITEM_ID)
                .fetch(a -> new IcnDetail.AffectedItem(a.getItemKind(), a.getItemId()));
        List<IcnDetail.Decision> decisions = dsl.selectFrom(ICN_DECISION).where(ICN_DECISION.ICN_ID.eq(id)).orderBy(ICN_DECISION.ID)
                .fetch(d -> new IcnDetail.Decision(d.getApprover(), d.getRole(), d.getDecision(), d.getComment(), d.getDecidedAt().toInstant()));
        List<IcnDetail.Comment> comments = dsl.selectFrom(ICN_COMMENT).where(ICN_COMMENT.ICN_ID.eq(id)).orderBy(ICN_COMMENT.ID)
                .fetch(c -> new IcnDetail.Comment(c.getAuthor(), c.getText(), c.getCreatedAt().toInstant()));
        List<IcnDetail.StatusChange> history = dsl.selectFrom(ICN_STATUS_CHANGE).where(ICN_STATUS_CHANGE.ICN_ID.eq(id))
                .orderBy(ICN_STATUS_CHANGE.ID)
                .fetch(h -> new IcnDetail.StatusChange(h.getFromStatus(), h.getToStatus(), h.getChangedBy(), h.getChangedAt().toInstant(), h.getComment()));
        return new IcnDetail(r.getId(), r.getNumber(), r.getTitle(), r.getRationale(), IcnCategory.valueOf(r.getCategory()),
                r.getEffectiveStp(), r.getProducedStudySetId(), IcnStatus.valueOf(r.getStatus()), r.getAuthor(),
                r.getCreatedAt().toInstant(), r.getApprovedAt() == null ? null : r.getApprovedAt().toInstant(), r.getLockVersion(),
                affected, decisions, comments, history);
    }

    /** ICNs naming a study set (as affected item or as produced set), for rule B4. */
    @Transactional(readOnly = true)
    public List<IcnRules.IcnApproval> approvalsForStudySet(long studySetId) {
        return dsl.selectFrom(ICN)
                .where(ICN.PRODUCED_STUDY_SET_ID.eq(studySetId).or(ICN.ID.in(dsl.select(ICN_AFFECTED_ITEM.ICN_ID).from(ICN_AFFECTED_ITEM)
                        .where(ICN_AFFECTED_ITEM.ITEM_KIND.eq("STUDY_SET"), ICN_AFFECTED_ITEM.ITEM_ID.eq(studySetId)))))
                .fetch(r -> new IcnRules.IcnApproval(r.getNumber(), IcnCategory.valueOf(r.getCategory()), IcnStatus.valueOf(r.getStatus()),
                        r.getEffectiveStp(), r.getApprovedAt() == null ? null : r.getApprovedAt().toInstant(), true));
    }

    private IcnDetail move(long id, int expectedLockVersion, IcnStatus target, String user, String comment) {
        IcnRecord icn = locked(id, expectedLockVersion);
        IcnStatus from = IcnStatus.valueOf(icn.getStatus());
        if (!from.canMoveTo(target)) {
            throw PlanningRejectedException.wrongState(icn.getNumber() + " is " + from + " and cannot become " + target
                    + " (allowed: " + from.next() + ")");
        }
        int updated = dsl.update(ICN).set(ICN.STATUS, target.name()).set(ICN.LOCK_VERSION, expectedLockVersion + 1)
                .where(ICN.ID.eq(id), ICN.LOCK_VERSION.eq(expectedLockVersion)).execute();
        if (updated == 0) {
            throw new PlanningConflictException("ICN", id, expectedLockVersion);
        }
        audit(id, from, target, user, comment);
        return get(id);
    }

    private IcnRecord locked(long id, int expectedLockVersion) {
        IcnRecord icn = dsl.selectFrom(ICN).where(ICN.ID.eq(id)).fetchOne();
        if (icn == null) {
            throw new PlanningNotFoundException("ICN", id);
        }
        if (icn.getLockVersion() != expectedLockVersion) {
            throw new PlanningConflictException("ICN", id, expectedLockVersion);
        }
        return icn;
    }

    private void audit(long id, IcnStatus from, IcnStatus to, String user, String comment) {
        dsl.insertInto(ICN_STATUS_CHANGE)
                .set(ICN_STATUS_CHANGE.ICN_ID, id)
                .set(ICN_STATUS_CHANGE.FROM_STATUS, from == null ? null : from.name())
                .set(ICN_STATUS_CHANGE.TO_STATUS, to.name())
                .set(ICN_STATUS_CHANGE.CHANGED_BY, user)
                .set(ICN_STATUS_CHANGE.COMMENT, comment)
                .execute();
        trail.recordAs(user, "icn." + to.name().toLowerCase(Locale.ROOT), "icn", Long.toString(id), from == null ? null : Map.of("status", from.name()), Map.of("status", to.name()), comment);
    }

    private void replaceAffected(long id, List<IcnDetail.AffectedItem> affected) {
        dsl.deleteFrom(ICN_AFFECTED_ITEM).where(ICN_AFFECTED_ITEM.ICN_ID.eq(id)).execute();
        if (affected == null) {
            return;
        }
        for (IcnDetail.AffectedItem item : affected.stream().distinct().toList()) {
            dsl.insertInto(ICN_AFFECTED_ITEM).set(ICN_AFFECTED_ITEM.ICN_ID, id).set(ICN_AFFECTED_ITEM.ITEM_KIND, item.kind())
                    .set(ICN_AFFECTED_ITEM.ITEM_ID, item.id()).execute();
        }
    }

    private static void validate(IcnInput input) {
        if (input.title() == null || input.title().isBlank() || input.rationale() == null || input.rationale().isBlank()
                || input.category() == null) {
            throw new PlanningRejectedException("an ICN needs a title, a rationale and a category");
        }
        if (input.affected() != null) {
            for (IcnDetail.AffectedItem item : input.affected()) {
                if (!ITEM_KINDS.contains(item.kind())) {
                    throw new PlanningRejectedException("affected item kind must be one of " + ITEM_KINDS + " (got " + item.kind() + ")");
                }
            }
        }
    }
}
