package org.medoc.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The object store several medoc nodes share in a test: Adobe's S3Mock (the S3-compatible stand-in archive-core's
 * S3ArchiveStoreTests use), started from the jar the build copies to target/s3mock in its own JVM, reached by the
 * nodes over HTTP as they would reach a real S3 endpoint.
 */
final class S3StandIn implements AutoCloseable {

    static final String BUCKET = "medoc-nodes";

    private final Process process;
    private final int port;

    S3StandIn(Path directory) throws Exception {
        Path jar = Path.of("target/s3mock/s3mock-exec.jar");
        assertThat(jar).as("S3Mock, copied by the planner-ui build (mvn verify)").exists();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createDirectories(directory).resolve("s3mock.log");
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-jar", jar.toString(), "--com.adobe.testing.s3mock.http-port=" + port, "--server.port=0",
                "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                "--com.adobe.testing.s3mock.store.root=" + directory.resolve("store"), "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("S3Mock did not start: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }

    /** The settings that put a node's archive store on this server. */
    List<String> settings() {
        return List.of("--medoc.storage=s3", "--medoc.storage.s3.endpoint=http://localhost:" + port,
                "--medoc.storage.s3.bucket=" + BUCKET, "--medoc.storage.s3.access-key=medoc",
                "--medoc.storage.s3.secret-key=medoc-secret");
    }

    private boolean listening() {
        try (Socket ignored = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
