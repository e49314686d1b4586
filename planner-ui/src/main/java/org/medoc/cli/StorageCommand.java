package org.medoc.cli;

import org.medoc.archive.storage.StorageCheck;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code medoc storage check [--delete]}: compares the archive store with the catalogue and lists the objects no
 * record refers to (orphans) and the records whose object is missing; {@code --delete} removes the orphans (those older
 * than {@code medoc.storage.orphan-min-age}). Exit code 0 when the store and the records agree, 1 when something was
 * found (after {@code --delete}, when anything is left), 2 on a usage error or when the check could not run.
 */
@Component
public class StorageCommand {

    /** At most this many keys are printed per list; the counts are always whole. */
    static final int SHOWN = 50;

    private final StorageCheck check;

    public StorageCommand(StorageCheck check) {
        this.check = check;
    }

    public int run(List<String> arguments, PrintStream out) {
        boolean delete = arguments.contains("--delete");
        List<String> rest = arguments.stream().filter(a -> !a.equals("--delete")).toList();
        if (!rest.equals(List.of("check"))) {
            out.println("usage: medoc storage check [--delete]");
            return 2;
        }
        StorageCheck.Report report;
        try {
            report = check.run(delete);
        } catch (IOException | RuntimeException e) {
            out.println("storage check failed: " + e.getMessage());
            return 2;
        }
        out.printf("checked %d objects%n", report.objectsChecked());
        print(out, "orphan (no record refers to it)", report.orphans());
        print(out, "missing (a record refers to it)", report.missing());
        if (!report.youngOrphans().isEmpty()) {
            out.printf("%d unreferenced objects younger than medoc.storage.orphan-min-age kept (an ingest may be writing them)%n",
                    report.youngOrphans().size());
        }
        report.unowned().forEach((prefix, count) ->
                out.printf("not checked: %d objects under %s (no feature claims this prefix)%n", count, prefix));
        out.printf("%d orphans, %d missing%s%n", report.orphans().size(), report.missing().size(),
                delete ? ", " + report.deleted() + " orphans deleted" : "");
        boolean left = !report.missing().isEmpty() || report.orphans().size() > report.deleted();
        return left ? 1 : 0;
    }

    private static void print(PrintStream out, String what, List<String> keys) {
        keys.stream().limit(SHOWN).forEach(key -> out.println(what + ": " + key));
        if (keys.size() > SHOWN) {
            out.printf("… and %d more%n", keys.size() - SHOWN);
        }
    }
}
