package org.medoc.planner.study;

/** Header {@code PURPOSE} (Science, Calibration, Checkout; [R2]) and the study-name prefix that goes with it. */
public enum StudyPurpose {
    SCIENCE("Science", "SCI"), CALIBRATION("Calibration", "CAL"), CHECKOUT("Checkout", "CHK");

    private final String fitsValue;
    private final String namePrefix;

    StudyPurpose(String fitsValue, String namePrefix) {
        this.fitsValue = fitsValue;
        this.namePrefix = namePrefix;
    }

    public String fitsValue() {
        return fitsValue;
    }

    /** SCI and CAL are seen in real names; CHK is our choice. */
    public String namePrefix() {
        return namePrefix;
    }
}
