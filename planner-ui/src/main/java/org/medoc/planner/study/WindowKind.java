package org.medoc.planner.study;

/**
 * What a spectral window returns (PLANNING.md §3.4): a spectral profile, an intensity (spectrally summed on board),
 * a dumbbell co-alignment box (narrow slits only), or the full spectrum.
 */
public enum WindowKind {
    PROFILE, INTENSITY, DUMBBELL_LOWER, DUMBBELL_UPPER, FULL_SPECTRUM;

    public boolean dumbbell() {
        return this == DUMBBELL_LOWER || this == DUMBBELL_UPPER;
    }

    /** Profiles and intensities count against the window cap of rule S10. */
    public boolean countsAgainstCap() {
        return this == PROFILE || this == INTENSITY;
    }
}
