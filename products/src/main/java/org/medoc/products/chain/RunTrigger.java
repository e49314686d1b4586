package org.medoc.products.chain;

/**
 * Why a run happened: found by the scan, asked for by a command or a reprocessing request, retried by staff, or an
 * item of a reprocessing campaign.
 */
public enum RunTrigger { SCHEDULED, COMMAND, RETRY, CAMPAIGN }
