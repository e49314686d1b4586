package org.medoc.archive.catalogue;

import org.medoc.archive.access.Visibility;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.medoc.db.jooq.archive.Tables.OBSERVATION;

/**
 * Changes who may see an observation: the archivist embargoes a file before its team's first release, restricts it,
 * or makes it public. What each access level lets each reader see is {@link Visibility}'s rule.
 */
@Service
public class AccessLevels {

    private final DSLContext dsl;

    public AccessLevels(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Sets the observation's access level; unknown ids are refused so that a typing error is not silently lost. */
    @Transactional
    public void set(long observationId, Visibility.Access access) {
        int changed = dsl.update(OBSERVATION).set(OBSERVATION.ACCESS, access.name())
                .where(OBSERVATION.ID.eq(observationId)).execute();
        if (changed == 0) {
            throw new IllegalArgumentException("observation " + observationId + " does not exist");
        }
    }
}
