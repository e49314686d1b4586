package org.medoc.archive.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The catalogue columns derived from a file's headers (ARCHIVE_AND_RELEASES.md §2), plus the whole header
 * (first occurrence of each keyword across HDUs, data HDU first) for keyword search.
 */
public record NormalisedHeader(
        String mission,
        String instrument,
        String detector,
        Double wavelengthAngstrom,
        Instant dateObs,
        Instant dateEnd,
        String dateObsFits,
        String timeSource,
        Double exposureSeconds,
        String level,
        List<Integer> naxis,
        Integer imageWidth,
        Integer imageHeight,
        Integer bitpix,
        boolean compressed,
        Wcs wcs,
        Observer observer,
        Planning planning,
        Integer harpnum,
        String noaaArs,
        List<String> notes,
        Map<String, Object> header) {

    /** WCS summary of the data HDU: the two celestial axes and the roll angle. */
    public record Wcs(String ctype1, String ctype2, String cunit1, String cunit2, Double crpix1, Double crpix2,
                      Double crval1, Double crval2, Double cdelt1, Double cdelt2, Double crotaDegrees) {}

    /** Observer position: distance to Sun centre (m), Stonyhurst and Carrington coordinates (deg), solar radius (arcsec). */
    public record Observer(Double dsunMetres, Double hglnDegrees, Double hgltDegrees, Double crlnDegrees,
                           Double crltDegrees, Double rsunArcsec) {}

    /** SPICE planning keys (PLANNING.md); null where the file has none or a MISSING sentinel. */
    public record Planning(Long spiobsid, Long studyId, Long misostud, String study, String soopname, Integer stp) {}
}
