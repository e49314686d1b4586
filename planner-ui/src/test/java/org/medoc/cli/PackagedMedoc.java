package org.medoc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged jar as a user does ({@code java -jar medoc.jar <command> ...}) on its own data directory.
 * <p>
 * On JDK 25 the build prepares, before the ITs, the jar extracted as Spring Boot documents it for AOT caches
 * ({@code target/medoc-aot/app}: the same classes and resources, as an application jar and its libraries) and an AOT
 * cache of one training start ({@code target/medoc-aot/medoc.aot}, see the {@code it-aot-cache} profile of the pom);
 * with them a start costs about half the CPU. They are used only when the cache is newer than
 * {@code target/medoc.jar}, so a jar rebuilt since is never tested through a stale extraction. {@link #shipped} always
 * starts {@code target/medoc.jar} itself.
 */
public final class PackagedMedoc {

    /** What one command printed (standard output and error together) and its exit code. */
    record Run(int exitCode, String output) {}

    private static final Path JAR = Path.of("target/medoc.jar");
    private static final Path EXTRACTED_JAR = Path.of("target/medoc-aot/app/medoc.jar");
    private static final Path AOT_CACHE = Path.of("target/medoc-aot/medoc.aot");

    private final Path dataDirectory;
    private final boolean shippedJarOnly;

    public PackagedMedoc(Path dataDirectory) {
        this(dataDirectory, false);
    }

    private PackagedMedoc(Path dataDirectory, boolean shippedJarOnly) {
        this.dataDirectory = dataDirectory;
        this.shippedJarOnly = shippedJarOnly;
    }

    /** Always {@code java -jar target/medoc.jar}, the file users get, never the extracted jar with the AOT cache. */
    static PackagedMedoc shipped(Path dataDirectory) {
        return new PackagedMedoc(dataDirectory, true);
    }

    /**
     * The java command that starts the packaged application, up to and including the jar: the extracted jar with the
     * build's AOT cache when that cache belongs to the current {@code target/medoc.jar}, else the packaged jar.
     */
    public static List<String> javaCommand(String... jvmOptions) throws IOException {
        return javaCommand(false, jvmOptions);
    }

    private static List<String> javaCommand(boolean shippedJarOnly, String... jvmOptions) throws IOException {
        assertThat(JAR).as("the packaged application (mvn package builds it)").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // as ./medoc and docs/operations.md start nodes: with the Vector API, so that the DEM products the ITs make
        // go through the lane search (DemLaneSearch); the JVM prints one "Using incubator modules" warning
        command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        command.addAll(List.of(jvmOptions));
        if (!shippedJarOnly && Files.isRegularFile(AOT_CACHE) && Files.isRegularFile(EXTRACTED_JAR)
                && Files.getLastModifiedTime(AOT_CACHE).compareTo(Files.getLastModifiedTime(JAR)) > 0) {
            // absolute paths, as the training start had them: the cache is only used with the same class path
            command.addAll(List.of("-XX:AOTCache=" + AOT_CACHE.toAbsolutePath(), "-jar", EXTRACTED_JAR.toAbsolutePath().toString()));
        } else {
            command.addAll(List.of("-jar", JAR.toString()));
        }
        return command;
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
        List<String> command = javaCommand(shippedJarOnly);
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
