package org.medoc.archive.fits;

/** A file that must not be catalogued, with a reason a person can act on. */
public class FitsRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public FitsRejectedException(String reason) {
        super(reason);
        this.reason = reason;
    }

    FitsRejectedException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
