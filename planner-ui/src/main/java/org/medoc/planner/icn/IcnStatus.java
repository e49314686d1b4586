package org.medoc.planner.icn;

import java.util.EnumSet;
import java.util.Set;

/**
 * ICN workflow (our working definition, PLANNING.md §9.2): DRAFT &rarr; SUBMITTED &rarr; APPROVED or REJECTED;
 * APPROVED &rarr; IMPLEMENTED &rarr; CLOSED; WITHDRAWN from DRAFT or SUBMITTED; a REJECTED ICN may be reworked as
 * a DRAFT.
 */
public enum IcnStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED, IMPLEMENTED, CLOSED, WITHDRAWN;

    public Set<IcnStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case SUBMITTED -> EnumSet.of(APPROVED, REJECTED, WITHDRAWN);
            case APPROVED -> EnumSet.of(IMPLEMENTED);
            case REJECTED -> EnumSet.of(DRAFT);
            case IMPLEMENTED -> EnumSet.of(CLOSED);
            case CLOSED, WITHDRAWN -> EnumSet.noneOf(IcnStatus.class);
        };
    }

    public boolean canMoveTo(IcnStatus target) {
        return next().contains(target);
    }

    /** Approved ICNs and those implemented or closed after approval count as approval for rule B4. */
    public boolean approved() {
        return this == APPROVED || this == IMPLEMENTED || this == CLOSED;
    }
}
