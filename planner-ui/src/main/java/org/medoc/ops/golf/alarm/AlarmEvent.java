package org.medoc.ops.golf.alarm;

import java.time.Instant;

/** A step in an alarm's history: raised, severity changed, back to normal, acknowledged, shelved, unshelved. */
public record AlarmEvent(Instant at, String kind, String actor, String detail) {
}
