package org.medoc.products.campaign;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of reprocessing campaigns ({@code medoc.products.campaigns.*}).
 *
 * @param inFlight          items of one campaign given to db-scheduler at once (queued or running): the batch the
 *                          feeder tops up, so that a campaign of 100 000 items never puts 100 000 rows in
 *                          {@code scheduled_tasks}; keep it a few times the cluster's total chain threads
 * @param feedInterval      how often the feeder (one recurring task for the whole cluster) enumerates, tops up the
 *                          queue and closes finished campaigns
 * @param enumerationWindow how much of a campaign's interval one catalogue query reads when enumerating input sets
 */
@ConfigurationProperties("medoc.products.campaigns")
public record CampaignProperties(
        @DefaultValue("200") int inFlight,
        @DefaultValue("5s") Duration feedInterval,
        @DefaultValue("7d") Duration enumerationWindow) {

    public CampaignProperties {
        if (inFlight < 1 || inFlight > 10_000) {
            throw new IllegalArgumentException("medoc.products.campaigns.in-flight must be 1-10000, was " + inFlight);
        }
        if (feedInterval.isNegative() || feedInterval.isZero()) {
            throw new IllegalArgumentException("medoc.products.campaigns.feed-interval must be positive, was " + feedInterval);
        }
        if (enumerationWindow.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("medoc.products.campaigns.enumeration-window must be at least 1 min, was "
                    + enumerationWindow);
        }
    }
}
