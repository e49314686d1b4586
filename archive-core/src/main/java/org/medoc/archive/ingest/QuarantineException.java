package org.medoc.archive.ingest;

/** A quarantine action that cannot be done as asked: no such record ({@link #missing()}), or its bytes were not kept. */
public class QuarantineException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean missing;

    QuarantineException(String message, boolean missing) {
        super(message);
        this.missing = missing;
    }

    /** True when there is no such quarantine record (HTTP 404); false when it exists but cannot be acted on (409). */
    public boolean missing() {
        return missing;
    }
}
