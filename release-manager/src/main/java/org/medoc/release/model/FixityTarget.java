package org.medoc.release.model;

/** A stored file of a published release, due for a fixity check: where it is and what it was when frozen. */
public record FixityTarget(long releaseId, String collection, String version, String packagePath, String storageKey,
                           String sha256, long sizeBytes) {}
