package org.medoc.archive.catalogue;

import java.time.Instant;

/**
 * A catalogued SPICE file with its planning keys ({@link CatalogueService#spiceObservations}): {@code SPIOBSID},
 * {@code MISOSTUD}, {@code STUDY} and the on-board slot {@code STUDY_ID}, each {@code null} when the file lacks it
 * (commissioning files say "MISSING").
 */
public record SpiceObservation(long observationId, Long spiobsid, Long misostud, String study, Long studyId,
                               Instant dateObs, Instant dateEnd) {
}
