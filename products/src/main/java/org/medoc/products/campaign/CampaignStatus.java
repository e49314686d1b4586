package org.medoc.products.campaign;

/**
 * A campaign's state. ENUMERATING: its input sets are still being read from the catalogue (items already found are
 * being made meanwhile); RUNNING: every item is known; CANCELLED: no further item starts (those running finish);
 * FINISHED: every item is made, skipped or failed. A cancelled or finished campaign may be resumed.
 */
public enum CampaignStatus {
    ENUMERATING, RUNNING, CANCELLED, FINISHED;

    public boolean active() {
        return this == ENUMERATING || this == RUNNING;
    }
}
