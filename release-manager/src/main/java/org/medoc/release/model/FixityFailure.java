package org.medoc.release.model;

import java.time.Instant;

/** One file of a published release whose last fixity check failed, with what was frozen and what was found. */
public record FixityFailure(String collection, String version, String packagePath, String storageKey, String expectedSha256,
                            String actualSha256, long expectedSize, Long actualSize, String detail, Instant checkedAt) {}
