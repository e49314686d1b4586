package org.medoc.archive.storage;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Adobe's S3Mock, an S3-compatible stand-in server, run as its own process from the jar the build copies to
 * target/s3mock (so its Spring Boot never shares a classpath with ours). One server per test JVM.
 */
final class S3MockServer {

    static final String BUCKET = "medoc-test";
    private static S3MockServer running;

    final String endpoint;
    private final Process process;

    private S3MockServer(String endpoint, Process process) {
        this.endpoint = endpoint;
        this.process = process;
    }

    static synchronized S3MockServer start() throws IOException, InterruptedException {
        if (running != null) {
            return running;
        }
        Path jar = Path.of("target/s3mock/s3mock-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("S3Mock jar missing at " + jar.toAbsolutePath() + ": run the tests through Maven");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path root = Files.createTempDirectory("s3mock");
        Path log = root.resolve("s3mock.log");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString(),
                "--com.adobe.testing.s3mock.http-port=" + port, "--server.port=0",
                "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                "--com.adobe.testing.s3mock.store.root=" + root.resolve("store"),
                "--spring.main.banner-mode=off"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!listening(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("S3Mock did not start: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
        running = new S3MockServer("http://localhost:" + port, process);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return running;
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
