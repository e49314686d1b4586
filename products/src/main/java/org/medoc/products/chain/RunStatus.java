package org.medoc.products.chain;

/** A run's state; SKIPPED means the product was already catalogued (by an earlier run or by another node). */
public enum RunStatus { RUNNING, SUCCEEDED, FAILED, SKIPPED }
