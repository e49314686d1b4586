package org.medoc.products.api;

import org.medoc.archive.api.TimeParameters;
import org.medoc.archive.catalogue.InvalidQueryException;

import java.time.Instant;

/**
 * A product type and interval asked for in a request body (reprocessing, campaigns), checked once: the type is
 * given, from and to are ISO-8601 UTC times or dates (a date's whole day) and from is not after to; each fault is a
 * 400 problem naming its parameter.
 */
record RequestedInterval(String type, Instant from, Instant to) {

    static RequestedInterval of(String type, String fromText, String toText) {
        if (type == null || type.isBlank()) {
            throw new InvalidQueryException("type", "type is required, e.g. dem");
        }
        Instant from = TimeParameters.start("from", fromText);
        Instant to = TimeParameters.end("to", toText);
        if (from == null || to == null) {
            throw new InvalidQueryException(from == null ? "from" : "to", "from and to are both required");
        }
        if (from.isAfter(to)) {
            throw new InvalidQueryException("from", "from (" + from + ") is after to (" + to + ")");
        }
        return new RequestedInterval(type.trim(), from, to);
    }
}
