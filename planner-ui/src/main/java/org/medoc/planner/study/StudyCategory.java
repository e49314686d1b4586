package org.medoc.planner.study;

/**
 * MISO's planning "Type" column ("Full Spectrum", ...): a controlled vocabulary of science modes from the SAP, kept
 * apart from {@link StudyType} (PLANNING.md §3.1; our vocabulary).
 */
public enum StudyCategory {
    FULL_SPECTRUM("Full Spectrum", "FULLSP"), COMPOSITION("Composition", "COMPO"), DYNAMICS("Dynamics", "DYN"),
    SYNOPTIC("Synoptic", "SYNOPTIC"), CME_WATCH("CME Watch", "CMEWATCH"), WAVES("Waves", "WAVES"), DARK("Dark", "DARK"),
    ENGINEERING("Engineering", "ENG"), OTHER("Other", "OTHER");

    private final String label;
    private final String nameToken;

    StudyCategory(String label, String nameToken) {
        this.label = label;
        this.nameToken = nameToken;
    }

    public String label() {
        return label;
    }

    /** The purpose a study of this category serves: darks and full spectra calibrate, every other mode is science. */
    public StudyPurpose purpose() {
        return this == DARK || this == FULL_SPECTRUM ? StudyPurpose.CALIBRATION : StudyPurpose.SCIENCE;
    }

    /** The mode token a proposed study name starts with (SYNOPTIC, DYN, DARK, FULLSP as in the real names). */
    public String nameToken() {
        return nameToken;
    }
}
