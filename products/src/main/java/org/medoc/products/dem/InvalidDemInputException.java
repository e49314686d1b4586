package org.medoc.products.dem;

import java.io.IOException;

/** An AIA set that cannot be fitted as given (wrong channel, unit, size, missing keyword); the message says why. */
public class InvalidDemInputException extends IOException {
    public InvalidDemInputException(String message) {
        super(message);
    }
}
