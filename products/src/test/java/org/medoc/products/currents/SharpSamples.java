package org.medoc.products.currents;

import java.nio.file.Path;
import java.util.List;

/** The real SHARP record of HARP 377 (NOAA 11158), 2011-02-15 02:00 TAI, in testdata/fits (mbobra/SHARPs, MIT). */
final class SharpSamples {

    static final String PREFIX = "hmi.sharp_cea_720s.377.20110215_020000_TAI.";

    private SharpSamples() {
    }

    static Path testdata() {
        String configured = System.getProperty("medoc.testdata");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../testdata");
    }

    /** The segments the current map reads, Br first. */
    static List<Path> harp377() {
        return SharpRecordReader.SEGMENTS.stream().map(s -> testdata().resolve("fits").resolve(PREFIX + s + ".fits")).toList();
    }
}
