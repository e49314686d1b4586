package org.medoc.archive.ingest;

import org.medoc.archive.registry.Registry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the instrument of a file from the other hints real pipelines leave when INSTRUME, TELESCOP and OBSRVTRY
 * do not name it directly (the way sunpy's map sources recognise their files from several keywords):
 * <ol>
 *   <li>INSTRUME or CAMERA written with the mission in front ({@code SOHO/MDI}, {@code SOHO-EIT}, {@code SOHO_LASCO});</li>
 *   <li>DETECTOR naming a detector or instrument of the mission TELESCOP or OBSRVTRY names ({@code TELESCOP='SOHO'},
 *       {@code DETECTOR='C2'} is LASCO/C2; {@code OBSRVTRY='STEREO_A'}, {@code DETECTOR='EUVI'} is SECCHI/EUVI);</li>
 *   <li>a word of ORIGIN or CONTENT that is an instrument's code ({@code ORIGIN='SOHO/MDI'},
 *       {@code CONTENT='MDI FULL DISK MAGNETOGRAM'}), of the mission TELESCOP names when it names one;</li>
 *   <li>the JSOC series in the file name ({@code mdi.fd_M_96m_lev182.…}, {@code aia.lev1_euv_12s.…}).</li>
 * </ol>
 * Pure: the registry lookups are the only knowledge used, so a registry entry added by migration is recognised
 * through every hint at once.
 */
final class InstrumentHints {

    /** A JSOC export name: {@code <instrument>.<series>.<prime keys>…}, e.g. {@code mdi.fd_M_96m_lev182.20030101_000000_TAI.data.fits}. */
    private static final Pattern JSOC_NAME = Pattern.compile("^([a-z]{2,8})\\.([a-z0-9_]+)\\.", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]+");

    private final Registry registry;

    InstrumentHints(Registry registry) {
        this.registry = registry;
    }

    /** A match with the hint it came from, for the ingest notes. */
    record Found(Registry.Match match, String hint) {}

    /**
     * @param keyword  the header's value of a keyword (trimmed, sentinels as null)
     * @param fileName the file's name as received, or null
     */
    Optional<Found> find(Function<String, String> keyword, String fileName) {
        String telescop = keyword.apply("TELESCOP");
        String obsrvtry = keyword.apply("OBSRVTRY");
        Set<String> missions = new LinkedHashSet<>();
        missionOf(obsrvtry).ifPresent(missions::add);
        missionOf(telescop).ifPresent(missions::add);

        for (String key : List.of("INSTRUME", "CAMERA")) {
            String value = keyword.apply(key);
            if (value == null) {
                continue;
            }
            if (key.equals("CAMERA")) {
                Optional<Registry.Match> whole = registry.resolve("INSTRUME", value);
                if (whole.isPresent()) {
                    return Optional.of(new Found(whole.get(), "CAMERA = '" + value + "'"));
                }
            }
            // the mission written in front of the instrument: resolve what follows it
            List<String> words = words(value);
            for (int i = 1; i < words.size(); i++) {
                String rest = String.join("_", words.subList(i, words.size()));
                Optional<Registry.Match> match = registry.resolve("INSTRUME", rest).filter(m -> fits(m, missions));
                if (match.isPresent()) {
                    return Optional.of(new Found(match.get(), key + " = '" + value + "'"));
                }
            }
        }

        String detector = keyword.apply("DETECTOR");
        if (detector != null) {
            for (String mission : missions) {
                Optional<Registry.Match> match = byDetector(mission, detector.trim().toUpperCase(Locale.ROOT));
                if (match.isPresent()) {
                    return Optional.of(new Found(match.get(), "DETECTOR = '" + detector + "' of " + mission));
                }
            }
        }

        for (String key : List.of("ORIGIN", "CONTENT")) {
            String value = keyword.apply(key);
            if (value == null) {
                continue;
            }
            for (String word : words(value)) {
                Optional<Registry.Match> match = byInstrumentCode(word, missions);
                if (match.isPresent()) {
                    return Optional.of(new Found(match.get(), key + " = '" + value + "'"));
                }
            }
        }

        if (fileName != null) {
            Matcher jsoc = JSOC_NAME.matcher(fileName);
            if (jsoc.find()) {
                Optional<Registry.Match> match = byInstrumentCode(jsoc.group(1).toUpperCase(Locale.ROOT), missions);
                if (match.isPresent()) {
                    return Optional.of(new Found(match.get(), "JSOC series " + jsoc.group(1) + "." + jsoc.group(2)
                            + " in the file name"));
                }
            }
        }
        return Optional.empty();
    }

    /** The mission a TELESCOP or OBSRVTRY value names: a registered spelling, a mission's code or its name. */
    private Optional<String> missionOf(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (String keyword : List.of("OBSRVTRY", "TELESCOP")) {
            Optional<Registry.Match> alias = registry.resolve(keyword, value);
            if (alias.isPresent()) {
                return Optional.of(alias.get().missionCode());
            }
        }
        String text = value.trim().toUpperCase(Locale.ROOT);
        String compact = text.replaceAll("[^A-Z0-9]", "");
        for (Registry.Mission mission : registry.missions()) {
            String code = mission.code().replaceAll("[^A-Z0-9]", "");
            String name = mission.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
            // 'SOHO', 'SDO', 'Solar Orbiter', 'SOLO'; 'STEREO' alone names two missions and is left to OBSRVTRY
            if (compact.equals(code) || compact.equals(name) || words(text).contains(mission.code())) {
                return Optional.of(mission.code());
            }
        }
        return Optional.empty();
    }

    private Optional<Registry.Match> byDetector(String mission, String detector) {
        List<Registry.Match> found = new ArrayList<>();
        for (Registry.Detector d : registry.detectors()) {
            if (d.missionCode().equals(mission) && d.code().equalsIgnoreCase(detector)) {
                found.add(new Registry.Match(mission, d.instrumentCode(), d.code()));
            }
        }
        if (found.isEmpty()) {
            byInstrumentCode(detector, Set.of(mission)).ifPresent(found::add);
        }
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    /** The instrument whose code is {@code word}, within the given missions if any, else if only one has that code. */
    private Optional<Registry.Match> byInstrumentCode(String word, Set<String> missions) {
        List<Registry.Instrument> found = registry.instruments().stream()
                .filter(i -> i.code().equalsIgnoreCase(word))
                .filter(i -> missions.isEmpty() || missions.contains(i.missionCode()))
                .toList();
        if (found.size() != 1) {
            return Optional.empty();
        }
        Registry.Instrument instrument = found.getFirst();
        List<Registry.Detector> detectors = registry.detectorsOf(instrument.missionCode(), instrument.code());
        return Optional.of(new Registry.Match(instrument.missionCode(), instrument.code(),
                detectors.size() == 1 ? detectors.getFirst().code() : null));
    }

    private static boolean fits(Registry.Match match, Set<String> missions) {
        return missions.isEmpty() || missions.contains(match.missionCode());
    }

    private static List<String> words(String value) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(value.toUpperCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
