package org.medoc.products.chain;

/** A run that cannot complete, with a message that says why (shown in the Runs view and the command's output). */
public class ChainException extends RuntimeException {
    public ChainException(String message) {
        super(message);
    }

    public ChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
