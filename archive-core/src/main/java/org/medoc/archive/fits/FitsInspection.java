package org.medoc.archive.fits;

import java.util.List;

/**
 * Result of {@link FitsInspector#inspect}: every HDU, the file size and a checksum summary such as
 * {@code "verified (2 HDUs)"}, {@code "no checksums"} or
 * {@code "header-only HDUs: DATASUM not checkable (HDU 0, 1)"}; parts are joined with "; ".
 */
public record FitsInspection(List<FitsHduInfo> hdus, long sizeBytes, String checksumStatus) {

    public FitsInspection {
        hdus = List.copyOf(hdus);
    }

    /** The first HDU with {@link FitsHduInfo#hasImage()}, or null. */
    public FitsHduInfo primaryImage() {
        for (FitsHduInfo h : hdus) {
            if (h.hasImage()) {
                return h;
            }
        }
        return null;
    }
}
