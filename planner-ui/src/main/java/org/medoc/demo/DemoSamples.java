package org.medoc.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The real sample files of the repository's testdata/fits, which the planner-ui build packs into the application
 * under {@value #LOCATION} with an index of their names ({@value #INDEX}, made at build time: the entries of a jar
 * cannot be listed reliably). The demo extracts them to a directory and ingests them, so that {@code java -jar}
 * shows real observations from any working directory.
 */
final class DemoSamples {

    static final String LOCATION = "org/medoc/demo/samples/";
    static final String INDEX = LOCATION + "index.txt";

    private DemoSamples() {
    }

    /** The names of the packaged samples, sorted; empty when the application was built without testdata/fits. */
    static List<String> names() throws IOException {
        try (InputStream index = resource(INDEX)) {
            if (index == null) {
                return List.of();
            }
            return new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(name -> !name.isEmpty()).toList();
        }
    }

    /** Copies every packaged sample, byte for byte, into {@code directory} (created if needed); returns the files. */
    static List<Path> extract(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : names()) {
            try (InputStream sample = resource(LOCATION + name)) {
                if (sample == null) {
                    throw new IllegalStateException("demo sample " + name + " is in " + INDEX
                            + " but not in the application: rebuild it (./medoc build)");
                }
                Files.createDirectories(directory);
                Path file = directory.resolve(name);
                Files.copy(sample, file, StandardCopyOption.REPLACE_EXISTING);
                files.add(file);
            }
        }
        return files;
    }

    private static InputStream resource(String name) {
        return DemoSamples.class.getClassLoader().getResourceAsStream(name);
    }
}
