package org.medoc.planner.study;

/**
 * How the along-slit field of view is chosen: the whole detector (1024 rows, MISO's "Full Detector", name token FD),
 * the slit's full field (about 830 rows, FF; our reading of the token), or custom rows.
 */
public enum YFieldOfView {
    FULL_DETECTOR("FD"), FULL_FIELD("FF"), CUSTOM("CU");

    private final String nameToken;

    YFieldOfView(String nameToken) {
        this.nameToken = nameToken;
    }

    public String nameToken() {
        return nameToken;
    }
}
