package org.medoc.archive.access;

import org.jooq.DSLContext;
import org.medoc.archive.access.Visibility.Access;
import org.medoc.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;
import java.util.NoSuchElementException;

import static org.medoc.db.jooq.archive.Tables.OBSERVATION;

/**
 * Changes an observation's access level: an archivist embargoes a file that was published too early, restricts one
 * under a data agreement, or lifts an embargo. What each level lets each reader see is {@link Visibility}'s rule; this
 * service only records the level. Every change is logged and recorded in the audit trail with who made it and why.
 */
@Service
public class AccessService {

    private static final Logger log = LoggerFactory.getLogger(AccessService.class);
    private final DSLContext dsl;
    private final AuditTrail audit;

    public AccessService(DSLContext dsl, AuditTrail audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    /**
     * Sets the access level of observation {@code observationId} and returns the level it had.
     *
     * @param reason why, for the log (e.g. "embargo until the team's paper is accepted"); required
     * @throws NoSuchElementException when no observation has that id
     */
    @Transactional
    public Access setAccess(long observationId, Access access, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("say why the access level of observation " + observationId + " changes");
        }
        String previous = dsl.select(OBSERVATION.ACCESS).from(OBSERVATION).where(OBSERVATION.ID.eq(observationId))
                .forUpdate().fetchOptional(OBSERVATION.ACCESS)
                .orElseThrow(() -> new NoSuchElementException("no observation " + observationId + " in the catalogue"));
        dsl.update(OBSERVATION).set(OBSERVATION.ACCESS, access.name()).where(OBSERVATION.ID.eq(observationId)).execute();
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        log.info("Observation {}: access {} -> {} by {}: {}", observationId, previous, access,
                who == null ? "the system" : who.getName(), reason.strip());
        audit.record("access.changed", "observation", Long.toString(observationId), Map.of("access", previous), Map.of("access", access.name()), reason.strip());
        return Access.of(previous);
    }
}
