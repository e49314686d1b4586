package org.medoc.products.synoptic;

/** An input image the synoptic chain cannot use, with what is wrong with it. */
public class InvalidSynopticInputException extends IllegalArgumentException {
    public InvalidSynopticInputException(String message) {
        super(message);
    }
}
