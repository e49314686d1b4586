package org.medoc.archive.registry;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.medoc.db.jooq.archive.Tables.DETECTOR;
import static org.medoc.db.jooq.archive.Tables.INSTRUMENT;
import static org.medoc.db.jooq.archive.Tables.INSTRUMENT_ALIAS;
import static org.medoc.db.jooq.archive.Tables.MISSION;

/**
 * The registry of missions, instruments and detectors (seeded by migration V002) and the header spellings that name
 * them. Small enough to be read once and kept; it changes only by migration.
 */
@Service
public class Registry {

    public record Mission(String code, String name) {}

    public record Instrument(String missionCode, String code, String name) {}

    public record Detector(String missionCode, String instrumentCode, String code, List<Double> wavelengthsAngstrom) {
        /** MEDOC's search vocabulary form, e.g. {@code LASCO/C2}. */
        public String qualifiedName() {
            return instrumentCode + "/" + code;
        }
    }

    /** A header value resolved to registry entries. {@code detectorCode} may be null when the header must say it. */
    public record Match(String missionCode, String instrumentCode, String detectorCode) {}

    private record Alias(String keyword, String prefix, Match match) {}

    private final List<Mission> missions;
    private final List<Instrument> instruments;
    private final List<Detector> detectors;
    private final List<Alias> aliases;

    public Registry(DSLContext dsl) {
        this.missions = dsl.selectFrom(MISSION).orderBy(MISSION.CODE)
                .fetch(r -> new Mission(r.getCode(), r.getName()));
        this.instruments = dsl.selectFrom(INSTRUMENT).orderBy(INSTRUMENT.MISSION_CODE, INSTRUMENT.CODE)
                .fetch(r -> new Instrument(r.getMissionCode(), r.getCode(), r.getName()));
        this.detectors = dsl.selectFrom(DETECTOR).orderBy(DETECTOR.MISSION_CODE, DETECTOR.INSTRUMENT_CODE, DETECTOR.CODE)
                .fetch(r -> new Detector(r.getMissionCode(), r.getInstrumentCode(), r.getCode(),
                        r.getWavelengthsAngstrom() == null ? List.of() : List.of(r.getWavelengthsAngstrom())));
        // longest prefix first, so 'SDO/AIA' wins over a shorter spelling
        this.aliases = dsl.selectFrom(INSTRUMENT_ALIAS)
                .fetch(r -> new Alias(r.getHeaderKeyword(), r.getValuePrefix().toUpperCase(Locale.ROOT),
                        new Match(r.getMissionCode(), r.getInstrumentCode(), r.getDetectorCode())))
                .stream().sorted(Comparator.comparingInt((Alias a) -> -a.prefix().length())).toList();
    }

    public List<Mission> missions() {
        return missions;
    }

    public List<Instrument> instruments() {
        return instruments;
    }

    public List<Detector> detectors() {
        return detectors;
    }

    /** Resolves the value of INSTRUME, TELESCOP or OBSRVTRY as pipelines write it ("AIA_3", "HMI_SIDE1", "SOLO/SPICE/SW"). */
    public Optional<Match> resolve(String headerKeyword, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim().toUpperCase(Locale.ROOT);
        return aliases.stream()
                .filter(a -> a.keyword().equals(headerKeyword) && text.startsWith(a.prefix()))
                .map(Alias::match)
                .findFirst();
    }

    public boolean hasDetector(String missionCode, String instrumentCode, String detectorCode) {
        return detectors.stream().anyMatch(d -> d.missionCode().equals(missionCode)
                && d.instrumentCode().equals(instrumentCode) && d.code().equalsIgnoreCase(detectorCode));
    }

    public List<Detector> detectorsOf(String missionCode, String instrumentCode) {
        return detectors.stream().filter(d -> d.missionCode().equals(missionCode) && d.instrumentCode().equals(instrumentCode)).toList();
    }
}
