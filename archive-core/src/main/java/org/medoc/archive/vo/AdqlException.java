package org.medoc.archive.vo;

/**
 * A query the service does not run, with a message naming the problem for the user (it becomes the text of the
 * {@code QUERY_STATUS=ERROR} INFO of the VOTable error document).
 */
public class AdqlException extends RuntimeException {

    public AdqlException(String message) {
        super(message);
    }

    public AdqlException(String message, Throwable cause) {
        super(message, cause);
    }
}
