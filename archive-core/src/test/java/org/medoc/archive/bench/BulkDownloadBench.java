package org.medoc.archive.bench;

import org.medoc.archive.download.ArchiveStream;
import org.medoc.archive.storage.LocalArchiveStore;
import org.medoc.archive.storage.Sha256;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Bulk-download throughput: stored files streamed into a tar and a zip through {@link ArchiveStream#addStored}, each
 * re-verified on the way (SHA-256 and size against the record), written to a discarding output so that only the read,
 * the verification and the container format are measured. Not part of the test run. Command (from the repository
 * root; arguments: number of files, MiB per file, rounds):
 *
 * <pre>
 * ./mvnw -q -pl archive-core -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.medoc.archive.bench.BulkDownloadBench -Dexec.args="16 64 5"
 * </pre>
 */
public final class BulkDownloadBench {

    private record Stored(String key, long sizeBytes, String sha256) {}

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int mebibytes = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path root = Files.createTempDirectory("medoc-bulk-bench");
        try {
            LocalArchiveStore store = new LocalArchiveStore(root);
            List<Stored> stored = new ArrayList<>();
            byte[] content = new byte[mebibytes << 20];
            Random random = new Random(2026);
            for (int i = 0; i < files; i++) {
                random.nextBytes(content);
                String key = "fits/bench/file-" + i + ".fits";
                store.put(key, content);
                stored.add(new Stored(key, content.length, Sha256.of(root.resolve(key))));
            }
            double total = (double) files * content.length / 1e6;
            System.out.printf("%d files of %d MiB (%.0f MB), %d rounds per format, JDK %s%n", files, mebibytes, total,
                    rounds, Runtime.version());
            for (ArchiveStream.Format format : ArchiveStream.Format.values()) {
                double best = 0;
                List<String> all = new ArrayList<>();
                for (int round = 0; round < rounds + 1; round++) {
                    long start = System.nanoTime();
                    try (ArchiveStream stream = new ArchiveStream(format, OutputStream.nullOutputStream(), store)) {
                        for (Stored file : stored) {
                            stream.addStored(file.key().substring(file.key().lastIndexOf('/') + 1), file.key(),
                                    file.sizeBytes(), file.sha256(), file.key());
                        }
                        stream.finish();
                    }
                    double rate = total / ((System.nanoTime() - start) / 1e9);
                    if (round > 0) { // the first round warms up the JIT and the page cache
                        all.add(String.format("%.0f", rate));
                        best = Math.max(best, rate);
                    }
                }
                System.out.printf("%s: best %.0f MB/s (rounds: %s MB/s)%n", format, best, String.join(", ", all));
            }
        } finally {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
