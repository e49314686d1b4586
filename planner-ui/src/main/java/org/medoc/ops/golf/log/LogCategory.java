package org.medoc.ops.golf.log;

/** What a log entry is about (PLANNING.md §13.5). */
public enum LogCategory { ROUTINE_CHECK, COMMANDING, SPACECRAFT_EVENT, ANOMALY, DATA_DELIVERY, NOTE }
