package org.medoc.archive.fits;

import org.medoc.archive.ArchiveTestApplication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real sample files of testdata/fits, scratch space under target/, and the CFITSIO tools. */
final class TestFiles {

    static final String SHARP = "hmi.sharp_cea_720s.377.20110215_020000_TAI.";

    private TestFiles() {
    }

    static Path real(String name) {
        Path p = ArchiveTestApplication.sampleFits().resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("sample file missing: " + p);
        }
        return p;
    }

    static List<Path> allReal() throws IOException {
        try (var s = Files.list(ArchiveTestApplication.sampleFits())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".fits")).sorted().toList();
        }
    }

    /** A fresh scratch directory under target/ for this test class. */
    static Path scratch(String name) throws IOException {
        Path dir = Path.of("target", "fits-tests", name).toAbsolutePath();
        Files.createDirectories(dir);
        return dir;
    }

    /** Skips without the CFITSIO tool on a developer's machine; fails under CI, which installs it. */
    static void assumeTool(String tool) {
        org.medoc.archive.ExternalTools.require(tool, "libcfitsio-bin");
    }

    /** Runs a CFITSIO tool and fails on a non-zero exit. */
    static void run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.set(0, "/usr/bin/" + cmd.get(0));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    static FitsInspection inspect(Path p) throws Exception {
        return FitsInspector.inspect(p, FitsLimits.defaults());
    }

    static ImagePlane readPrimaryImage(Path p) throws Exception {
        FitsInspection i = inspect(p);
        return FitsImageReader.readPlane(p, i, i.primaryImage(), FitsLimits.defaults());
    }
}
