package org.medoc.release.model;

/**
 * The columns of a release's catalog.csv: SPICE's (what the {@code sospice} reader requires) or medoc's generic set.
 * See {@link CatalogRows} for both lists.
 */
public enum CatalogFormat { SPICE, GENERIC }
