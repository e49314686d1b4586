package org.medoc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the packaged jar as a user does ({@code java -jar medoc.jar <command> ...}) on its own data directory. */
public final class PackagedMedoc {

    /** What one command printed (standard output and error together) and its exit code. */
    record Run(int exitCode, String output) {}

    private final Path dataDirectory;

    public PackagedMedoc(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    Run run(String... arguments) throws IOException, InterruptedException {
        Process process = start(arguments);
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Starts the jar and returns at once; standard output and error are merged in the process's input stream. */
    public Process start(String... arguments) throws IOException {
        return start(java.util.Map.of(), arguments);
    }

    /** {@link #start(String...)} with extra environment variables (e.g. a password kept off the command line). */
    public Process start(java.util.Map<String, String> environment, String... arguments) throws IOException {
        Path jar = Path.of("target/medoc.jar");
        assertThat(jar).as("the packaged application (mvn package builds it)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        command.add("--medoc.data-dir=" + dataDirectory);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Collects what {@code process} prints, while it runs, into the buffer returned (read it at any time). */
    public static StringBuffer collectOutput(Process process) {
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
