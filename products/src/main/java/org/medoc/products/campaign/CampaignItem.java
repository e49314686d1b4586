package org.medoc.products.campaign;

import java.time.Instant;

/** One product a campaign makes, as listed for staff (its failures above all): the product instance and its outcome. */
public record CampaignItem(String instanceId, Instant referenceTime, String subject, ItemStatus status, int attempts,
                           String node, Instant startedAt, Instant finishedAt, Long productId, String error) {
}
