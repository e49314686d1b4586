package org.medoc.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One node of medoc, the packaged jar started in a child JVM on its own data directory and HTTP port, with whatever
 * settings the test gives it (database URL, node role, store); its output is collected while it runs. Killed with
 * SIGKILL as a crash or the OOM killer would, or stopped with SIGTERM.
 */
final class MedocNode implements AutoCloseable {

    final String name;
    final int port;
    private final Process process;
    private final StringBuffer output = new StringBuffer();

    private MedocNode(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try {
                byte[] buffer = new byte[8192];
                for (int n; (n = process.getInputStream().read(buffer)) > 0; ) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException gone) {
                // the process has ended
            }
        });
    }

    /** Starts the server on a free port, named {@code name} ({@code medoc.node.name}). */
    static MedocNode start(String name, Path dataDirectory, List<String> settings) throws IOException {
        int port = freePort();
        List<String> arguments = new ArrayList<>(settings);
        arguments.add("--server.port=" + port);
        arguments.add("--medoc.node.name=" + name);
        return new MedocNode(name, port, new PackagedMedoc(dataDirectory).start(arguments.toArray(String[]::new)));
    }

    String output() {
        return output.toString();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, then waits until the JVM is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(name + " killed").isTrue();
    }

    /** Polls an anonymous API call until it answers 200: the node has started. */
    void awaitStarted(Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as(name + " died:\n" + output()).isTrue();
            try {
                if (get("/api/v1/product-types").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not answer within " + patience + ":\n" + output());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** A JSON POST with HTTP Basic credentials, as a script would send it. */
    HttpResponse<String> post(String path, String json, String user, String password) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** SIGTERM, the ordinary stop; SIGKILL if it does not end within a minute. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
