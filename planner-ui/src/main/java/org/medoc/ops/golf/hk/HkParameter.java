package org.medoc.ops.golf.hk;

/** A housekeeping parameter of the catalogue: mnemonic, subsystem, unit, calibration, nominal sampling. */
public record HkParameter(long id, String mnemonic, String description, Subsystem subsystem, String unit,
                          Calibration calibration, int samplingSeconds, int lockVersion) {

    /** GOLF's subsystems (PLANNING.md §13.5). */
    public enum Subsystem { CELL, OVEN, MAGNET, PM1, PM2, ELECTRONICS, MECHANISM }
}
