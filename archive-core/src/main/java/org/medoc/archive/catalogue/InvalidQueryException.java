package org.medoc.archive.catalogue;

/** A search parameter that cannot be understood; names the parameter so the API can answer 400 with it. */
public class InvalidQueryException extends RuntimeException {
    private final String parameter;

    public InvalidQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
