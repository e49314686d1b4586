package org.medoc.archive.fits;

import java.util.Arrays;

/**
 * Structural facts about one HDU, from {@link FitsInspector}'s own bounded scan of the file (not from nom-tam-fits).
 *
 * @param index            0 for the primary HDU, 1 for the first extension, ... (the "HDU n" of rejection reasons)
 * @param xtension         XTENSION value, null for the primary HDU
 * @param bitpix           BITPIX of the HDU as stored (8 for a compressed image's BINTABLE)
 * @param naxis            NAXISn as stored
 * @param compressedImage  ZIMAGE = T in a BINTABLE
 * @param imageAxes        ZNAXISn for compressed images, else NAXISn
 * @param imageBitpix      ZBITPIX for compressed images, else BITPIX
 * @param compressionType  ZCMPTYPE or null
 * @param headerOffset     byte offset of the first header card
 * @param dataOffset       byte offset of the data unit (just after the header's last 2880-byte block)
 * @param dataSizeBytes    declared data size, unpadded: |BITPIX|/8 × GCOUNT × (PCOUNT + ΠNAXISi)
 * @param checksumStatus   one of the {@code STATUS_*} constants of {@link FitsInspector}
 */
public record FitsHduInfo(int index, String xtension, int bitpix, long[] naxis,
        boolean compressedImage, long[] imageAxes, int imageBitpix, String compressionType,
        FitsHeader header, long headerOffset, long dataOffset, long dataSizeBytes, String checksumStatus) {

    public FitsHduInfo {
        naxis = naxis.clone();
        imageAxes = imageAxes.clone();
    }

    @Override
    public long[] naxis() {
        return naxis.clone();
    }

    @Override
    public long[] imageAxes() {
        return imageAxes.clone();
    }

    /** An image (compressed, or a plain IMAGE extension / primary array) with at least 2 axes, all of them > 0. */
    public boolean hasImage() {
        boolean imageKind = compressedImage || xtension == null || "IMAGE".equals(xtension);
        if (!imageKind || imageAxes.length < 2) {
            return false;
        }
        if (xtension == null && Boolean.TRUE.equals(header.value("GROUPS")) && naxis.length > 0 && naxis[0] == 0) {
            return false; // random groups
        }
        for (long a : imageAxes) {
            if (a <= 0) {
                return false;
            }
        }
        return true;
    }

    /** Number of bytes the data unit occupies on disk, padded to 2880-byte blocks. */
    public long paddedDataSizeBytes() {
        return FitsInspector.padded(dataSizeBytes);
    }

    @Override
    public String toString() {
        return "FitsHduInfo[index=" + index + ", xtension=" + xtension + ", bitpix=" + bitpix + ", naxis="
                + Arrays.toString(naxis) + ", compressedImage=" + compressedImage + ", imageAxes="
                + Arrays.toString(imageAxes) + ", imageBitpix=" + imageBitpix + ", compressionType=" + compressionType
                + ", headerOffset=" + headerOffset + ", dataOffset=" + dataOffset + ", dataSizeBytes=" + dataSizeBytes
                + ", checksumStatus=" + checksumStatus + "]";
    }
}
