package org.medoc.cli;

import org.medoc.archive.storage.StorageCheck;
import org.medoc.archive.storage.StorageMigration;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code medoc storage check [--delete]}: compares the archive store with the catalogue and lists the objects no
 * record refers to (orphans) and the records whose object is missing; {@code --delete} removes the orphans (those older
 * than {@code medoc.storage.orphan-min-age}). Exit code 0 when the store and the records agree, 1 when something was
 * found (after {@code --delete}, when anything is left), 2 on a usage error or when the check could not run.
 * <p>
 * {@code medoc storage migrate --to s3|local}: copies every stored object from the store in use to the other one,
 * verified and resumable ({@link StorageMigration}), printing progress lines; exit code 0 when everything is there
 * and verified, 1 when some objects could not be moved (listed), 2 on a usage error or when the copy could not run.
 */
@Component
public class StorageCommand {

    /** At most this many keys are printed per list; the counts are always whole. */
    static final int SHOWN = 50;
    /** A progress line at most this often (and one at the end). */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private static final String USAGE = "usage: medoc storage check [--delete] | medoc storage migrate --to s3|local";

    private final StorageCheck check;
    private final StorageMigration migration;

    public StorageCommand(StorageCheck check, StorageMigration migration) {
        this.check = check;
        this.migration = migration;
    }

    public int run(List<String> arguments, PrintStream out) {
        if (!arguments.isEmpty() && arguments.getFirst().equals("migrate")) {
            return migrate(arguments.subList(1, arguments.size()), out);
        }
        boolean delete = arguments.contains("--delete");
        List<String> rest = arguments.stream().filter(a -> !a.equals("--delete")).toList();
        if (!rest.equals(List.of("check"))) {
            out.println(USAGE);
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

    private int migrate(List<String> arguments, PrintStream out) {
        String to = arguments.size() == 2 && arguments.getFirst().equals("--to") ? arguments.get(1)
                : arguments.size() == 1 && arguments.getFirst().startsWith("--to=") ? arguments.getFirst().substring(5) : null;
        if (to == null || !to.matches("(?i)s3|local")) {
            out.println(USAGE);
            return 2;
        }
        StorageMigration.Kind kind = StorageMigration.Kind.parse(to);
        StorageMigration.Report report;
        try {
            out.printf("copying every object from %s to %s%n", migration.current().location(), migration.target(kind).location());
            long[] lastLine = {System.nanoTime()};
            report = migration.migrate(kind, progress -> {
                if (System.nanoTime() - lastLine[0] >= PROGRESS_EVERY.toNanos()) {
                    out.println(line(progress));
                    lastLine[0] = System.nanoTime();
                }
            });
        } catch (IOException | RuntimeException e) {
            out.println("storage migrate failed: " + e.getMessage() + " (rerun to resume: verified copies are kept)");
            return 2;
        }
        out.println(line(report.totals()));
        report.failures().stream().limit(SHOWN)
                .forEach(f -> out.println("not moved: " + f.key() + ": " + f.reason()));
        if (report.failures().size() > SHOWN) {
            out.printf("… and %d more%n", report.failures().size() - SHOWN);
        }
        out.printf("%d copied, %d already there and verified, %d not moved%n", report.totals().copied(),
                report.totals().alreadyThere(), report.totals().failed());
        if (!report.complete()) {
            return 1;
        }
        out.printf("every object is in %s and verified; %s is unchanged.%n", report.to(), report.from());
        out.println(kind == StorageMigration.Kind.S3
                ? "next: set medoc.storage=s3 on every node (keeping the medoc.storage.s3.* settings) and restart them"
                : "next: remove medoc.storage=s3 on every node (the archive is under ${medoc.data-dir}/archive) and restart them");
        return 0;
    }

    /** One progress line: "120/4000 objects, 1.5 GB of 48.0 GB, 85.2 MB/s, ETA 0:09:12, 0 failed". */
    static String line(StorageMigration.Progress p) {
        Duration eta = p.eta();
        return String.format(Locale.ROOT, "%d/%d objects, %s of %s, %.1f MB/s, ETA %s, %d failed", p.done(), p.objects(),
                size(p.bytesDone()), size(p.bytes()), p.bytesPerSecond() / 1e6,
                eta == null ? "unknown" : String.format(Locale.ROOT, "%d:%02d:%02d", eta.toHours(), eta.toMinutesPart(),
                        eta.toSecondsPart()), p.failed());
    }

    private static String size(long bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static void print(PrintStream out, String what, List<String> keys) {
        keys.stream().limit(SHOWN).forEach(key -> out.println(what + ": " + key));
        if (keys.size() > SHOWN) {
            out.printf("… and %d more%n", keys.size() - SHOWN);
        }
    }
}
