package org.medoc.products.chain;

/** Why a run happened: found by the scan, asked for by a command or a reprocessing request, or retried by staff. */
public enum RunTrigger { SCHEDULED, COMMAND, RETRY }
