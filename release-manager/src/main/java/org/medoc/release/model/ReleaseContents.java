package org.medoc.release.model;

/**
 * One line of "what the pack contains": the observations of a frozen release, or its products of one type and
 * version, with their file count and size.
 *
 * @param productType    the product type, null for observations
 * @param productVersion the product version, null for observations
 */
public record ReleaseContents(FileKind kind, String productType, String productVersion, long fileCount, long totalBytes) {

    /** Where these files are in the package, e.g. {@code data/products/dem/1.0/yyyy/mm/dd/}. */
    public String directory() {
        return kind == FileKind.PRODUCT ? "data/products/" + productType + "/" + productVersion + "/yyyy/mm/dd/"
                : "data/level<N>/yyyy/mm/dd/";
    }
}
