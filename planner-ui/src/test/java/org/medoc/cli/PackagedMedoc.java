package org.medoc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the packaged jar as a user does ({@code java -jar medoc.jar <command> ...}) on its own data directory. */
final class PackagedMedoc {

    /** What one command printed (standard output and error together) and its exit code. */
    record Run(int exitCode, String output) {}

    private final Path dataDirectory;

    PackagedMedoc(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    Run run(String... arguments) throws IOException, InterruptedException {
        Process process = start(arguments);
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Starts the jar and returns at once; standard output and error are merged in the process's input stream. */
    Process start(String... arguments) throws IOException {
        Path jar = Path.of("target/medoc.jar");
        assertThat(jar).as("the packaged application (mvn package builds it)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        command.add("--medoc.data-dir=" + dataDirectory);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Collects what a started process prints (standard output and error merged), as it runs. */
    static StringBuffer collectOutput(Process process) {
        StringBuffer collected = new StringBuffer();
        Thread.ofVirtual().start(() -> {
            try {
                byte[] buffer = new byte[8192];
                for (int n; (n = process.getInputStream().read(buffer)) > 0; ) {
                    collected.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        });
        return collected;
    }
}
