package org.medoc.products.currents;

/** A SHARP record that cannot make a current map, with what is wrong in words a data manager can act on. */
public class InvalidSharpInputException extends IllegalArgumentException {
    public InvalidSharpInputException(String message) {
        super(message);
    }
}
