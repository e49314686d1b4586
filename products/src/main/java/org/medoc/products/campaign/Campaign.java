package org.medoc.products.campaign;

import java.time.Instant;

/**
 * A reprocessing campaign as staff see it: what it makes (type, version, interval), its state, who started it, how
 * far enumeration has read the catalogue ({@code enumeratedTo}, equal to {@code to} once every item is known) and
 * its progress.
 */
public record Campaign(long id, String type, String version, Instant from, Instant to, CampaignStatus status,
                       Instant enumeratedTo, String requestedBy, Instant createdAt, Instant resumedAt, Instant finishedAt,
                       CampaignProgress progress) {
}
