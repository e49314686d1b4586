package org.medoc.planner.instrument;

/**
 * One SPICE detector as planning sees it (PLANNING.md §2): its band, the dispersion indices its windows use in
 * headers ({@code PXBEG3}: SW 1-1024, LW 1025-2048), and a linear pixel-to-wavelength mapping across the test band
 * (our approximation: {@code lambda(px) = testMin + (px - indexFrom) * nmPerPixel}).
 */
public record DetectorBand(String code, String name, int rowsPx, int columnsPx, double bandMinNm, double bandMaxNm,
                           double testMinNm, double testMaxNm, int indexFrom, int indexTo, double nmPerPixel) {

    public boolean containsIndex(int dispersionIndex) {
        return dispersionIndex >= indexFrom && dispersionIndex <= indexTo;
    }

    /** Whether a wavelength belongs to this detector, with the test bounds sospice uses (LW second order aside). */
    public boolean containsWavelength(double nm) {
        return nm >= testMinNm && nm <= testMaxNm;
    }

    public double wavelengthAt(int dispersionIndex) {
        return testMinNm + (dispersionIndex - indexFrom) * nmPerPixel;
    }

    /** The dispersion index nearest to a wavelength, clamped to this detector. */
    public int indexOf(double nm) {
        int index = indexFrom + (int) Math.round((nm - testMinNm) / nmPerPixel);
        return Math.max(indexFrom, Math.min(indexTo, index));
    }
}
