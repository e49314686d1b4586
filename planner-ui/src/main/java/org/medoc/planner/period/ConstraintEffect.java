package org.medoc.planner.period;

/** What a constraint window does to SPICE observations (PLANNING.md §7; defaults are ours). */
public enum ConstraintEffect {
    /** Enables something (an RSW allows high-rate modes). */
    INFO,
    /** Advisory (EMC, attitude disturbance, superior conjunction). */
    WARN,
    /** No integration (spacecraft roll). */
    FORBID_INTEGRATION,
    /** No observation (GAM restriction, navigation window, software update). */
    FORBID_OBS,
    /** The instrument is made safe (thruster firing). */
    SAFE_INSTRUMENT
}
