package org.medoc.cli;

import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.ops.golf.hk.HkImportReport;
import org.medoc.ops.golf.hk.HkImporter;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code medoc golf hk-import <file>...}: imports GOLF housekeeping files (CSV, or FITS by extension) one by one, each
 * in its own transaction, with a progress line every {@link HkImporter#PROGRESS_EVERY} samples and a summary per file.
 * Exit status 1 when any file was rejected (the others are still imported), 2 on a usage error.
 */
@Component
public class GolfCommand {

    static final String USAGE = "usage: medoc golf hk-import <file>...";

    private final HkImporter importer;

    public GolfCommand(HkImporter importer) {
        this.importer = importer;
    }

    public int run(List<String> arguments, PrintStream out) {
        if (arguments.size() < 2 || !arguments.getFirst().equals("hk-import")) {
            out.println(USAGE);
            return 2;
        }
        int status = 0;
        for (String name : arguments.subList(1, arguments.size())) {
            Path file = Path.of(name);
            if (!Files.isRegularFile(file)) {
                out.println("rejected " + name + ": no such file");
                status = 1;
                continue;
            }
            try {
                HkImportReport report = importer.importFile(file, "command line",
                        read -> out.printf("… %s: %,d samples read%n", file.getFileName(), read));
                out.println(report.summary());
            } catch (GolfRejectedException e) {
                out.println("rejected " + e.getMessage());
                status = 1;
            } catch (IOException e) {
                out.println("rejected " + name + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }
}
