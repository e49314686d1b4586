package org.medoc.products.campaign;

/**
 * One campaign item's state: PENDING (not yet given to db-scheduler), QUEUED (a task instance waits for a node),
 * RUNNING, then MADE (this campaign made the product), SKIPPED (the product of that version existed already), FAILED
 * (the reason is kept) or CANCELLED (the campaign was cancelled before the item started).
 */
public enum ItemStatus {
    PENDING, QUEUED, RUNNING, MADE, SKIPPED, FAILED, CANCELLED
}
