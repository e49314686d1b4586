package org.medoc.ops.golf;

/** An unknown GOLF item (parameter, alarm, log entry, anomaly, command request); answered as HTTP 404. */
public class GolfNotFoundException extends RuntimeException {

    public GolfNotFoundException(String what, Object id) {
        super("no " + what + " " + id);
    }
}
