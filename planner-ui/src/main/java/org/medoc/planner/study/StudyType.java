package org.medoc.planner.study;

/** SPICE acquisition type, header {@code STUDYTYP} (PLANNING.md §3.1, [R2]). */
public enum StudyType {
    RASTER("Raster"), SIT_AND_STARE("Sit-and-stare"), SINGLE_EXPOSURE("Single Exposure");

    private final String fitsValue;

    StudyType(String fitsValue) {
        this.fitsValue = fitsValue;
    }

    /** The {@code STUDYTYP} string as SPICE headers write it. */
    public String fitsValue() {
        return fitsValue;
    }
}
