package org.medoc.release.model;


/**
 * A series of releases of the same data ({@code spice}, {@code dem-maps}).
 *
 * @param conceptIdentifier the concept DOI (or local identifier) covering every version; null until first publication
 */
public record ReleaseCollection(String code, String title, CatalogFormat catalogFormat, String conceptIdentifier) {}
