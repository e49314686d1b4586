package org.medoc.products.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.archive.catalogue.InvalidQueryException;
import org.medoc.products.campaign.Campaign;
import org.medoc.products.campaign.CampaignItem;
import org.medoc.products.campaign.CampaignService;
import org.medoc.products.campaign.ItemStatus;
import org.medoc.products.chain.ProductChain;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/**
 * Reprocessing campaigns for staff: start one ("reprocess type P at version V over [from, to]"), follow its progress,
 * list its items, cancel and resume it. Reading needs a login; starting, cancelling and resuming need ARCHIVIST or
 * ADMIN, as reprocessing with {@code POST /api/v1/product-runs} does (rules in the application's security
 * configuration).
 */
@RestController
@RequestMapping("/api/v1/product-campaigns")
@Tag(name = "Product campaigns", description = "Reprocessing campaigns over the worker nodes (staff)")
public class ProductCampaignController {

    private final CampaignService campaigns;

    public ProductCampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    /** What to reprocess; {@code version} may be left out for the current version. */
    public record StartRequest(String type, String version, String from, String to) {}

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start reprocessing a product type at a version over an interval",
            description = "The worker nodes make every input set's product; products of that version already made are skipped")
    public Campaign start(@RequestBody StartRequest request) {
        RequestedInterval interval = RequestedInterval.of(request.type(), request.from(), request.to());
        try {
            return campaigns.start(new CampaignService.CampaignRequest(interval.type(), request.version(), interval.from(),
                    interval.to()));
        } catch (ProductChain.UnknownProductTypeException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // a version not installed, or not a version at all
            throw new InvalidQueryException("version", e.getMessage());
        }
    }

    @GetMapping
    @Operation(summary = "Campaigns, newest first, with their progress")
    public CampaignService.CampaignPage list(@RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidQueryException("page", "page must be 0 or more, was " + page);
        }
        if (size < 1 || size > 200) {
            throw new InvalidQueryException("size", "size must be 1-200, was " + size);
        }
        return campaigns.campaigns(page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One campaign: done, failed, remaining, rate (items per minute) and ETA (seconds)")
    public Campaign campaign(@PathVariable long id) {
        return campaigns.campaign(id);
    }

    @GetMapping("/{id}/items")
    @Operation(summary = "A campaign's items of one status (e.g. FAILED, with the reason), at most 50 in reference-time order")
    public List<CampaignItem> items(@PathVariable long id, @RequestParam(required = false) String status) {
        ItemStatus itemStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                itemStatus = ItemStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException("status", "status must be one of " + List.of(ItemStatus.values()) + ", was '" + status + "'");
            }
        }
        return campaigns.items(id, itemStatus);
    }

    @PostMapping("/{id}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Cancel: items not yet started are not started, running ones finish")
    public Campaign cancel(@PathVariable long id) {
        return campaigns.cancel(id);
    }

    @PostMapping("/{id}/resume")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Resume a cancelled or finished campaign: cancelled and failed items are queued again")
    public Campaign resume(@PathVariable long id) {
        return campaigns.resume(id);
    }
}
