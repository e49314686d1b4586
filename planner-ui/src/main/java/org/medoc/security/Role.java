package org.medoc.security;

/**
 * Staff roles, as stored in {@code auth.user_role.role}. Spring Security sees them as {@code ROLE_<name>};
 * views name them in {@code @RolesAllowed("ARCHIVIST")}.
 */
public enum Role {
    /** Prepares observation plans: SPICE studies, BOPs, ICNs, timelines. */
    PLANNER,
    /** Runs the GOLF instrument: modes, housekeeping, operations log, anomalies. */
    GOLF_OPERATOR,
    /** Builds, freezes and publishes data releases with DOIs. */
    RELEASE_MANAGER,
    /** Ingests files into the archive and curates the catalogue. */
    ARCHIVIST,
    /** Manages accounts and the installation. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
