package org.medoc.release.model;

/** What a release file is: a catalogued observation, or (later) a derived product. */
public enum FileKind { OBSERVATION, PRODUCT }
