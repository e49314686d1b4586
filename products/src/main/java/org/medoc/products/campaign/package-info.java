/**
 * Reprocessing campaigns: "reprocess product type P at version V over [from, to]" as db-scheduler tasks on every
 * executing node, with progress (done, failed, remaining, rate, ETA), cancel and resume. The campaign and its items
 * live in {@code products.campaign} and {@code products.campaign_item}, so a restarted node continues where the last
 * one stopped; the product's own unique key keeps each product made once.
 */
package org.medoc.products.campaign;
