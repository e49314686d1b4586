package org.medoc.client;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.cli.PackagedMedoc;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The Python client's pytest suite ({@code clients/python/tests}) against the packaged application as a user runs it:
 * {@code java -jar target/medoc.jar} ({@link PackagedMedoc#javaCommand}) with its demo data, on a free port and a
 * data directory of its own. Debian's Python runs it ({@code /usr/bin/python3} with python3-pytest, python3-sunpy,
 * python3-astropy, python3-requests, python3-parfive); without them the test is skipped with the install command,
 * except under CI, which installs them.
 */
class PythonClientIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final List<String> DEBIAN_PACKAGES = List.of("python3-pytest", "python3-sunpy", "python3-astropy",
            "python3-requests", "python3-parfive", "python3-zeep", "python3-parse", "python3-drms", "python3-bs4");
    private static final Duration START_UP = Duration.ofMinutes(3);

    @TempDir Path work;

    @Test
    void thePythonClientsSuitePassesAgainstThePackagedApplicationWithItsDemo() throws Exception {
        requirePython();
        Path repository = Path.of("").toAbsolutePath().getParent();
        Path client = repository.resolve("clients/python");
        int port = freePort();
        Path log = Path.of("target/python-client-it/medoc.log");
        Files.createDirectories(log.getParent());
        List<String> command = PackagedMedoc.javaCommand("-Xmx1g");
        command.addAll(List.of("--server.port=" + port, "--medoc.data-dir=" + work.resolve("data"),
                // the suite makes bursts of requests from one address; the client's 429 handling has its own tests
                "--medoc.limits.requests-per-second=1000"));
        Process medoc = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String url = "http://127.0.0.1:" + port;
            awaitStarted(medoc, url + "/api/v1/capabilities", log);
            ProcessBuilder pytest = new ProcessBuilder(PYTHON.toString(), "-m", "pytest", "-q", "-p", "no:cacheprovider",
                    "-W", "ignore::DeprecationWarning", client.resolve("tests").toString())
                    .directory(client.toFile()).redirectErrorStream(true);
            Map<String, String> environment = pytest.environment();
            environment.put("MEDOC_URL", url);
            environment.put("PYTHONPATH", client.toString());
            environment.put("PYTHONDONTWRITEBYTECODE", "1");
            environment.put("HOME", work.toString()); // sunpy's configuration and download directory stay here
            Process python = pytest.start();
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(python.waitFor(5, TimeUnit.MINUTES)).as("pytest finished").isTrue();
            System.out.println(output);
            assertThat(python.exitValue()).as("pytest (%s):%n%s", client.resolve("tests"), output).isZero();
            assertThat(output).as("every test ran: none skipped").doesNotContain("skipped").contains(" passed");
        } finally {
            medoc.destroy();
            if (!medoc.waitFor(30, TimeUnit.SECONDS)) {
                medoc.destroyForcibly().waitFor();
            }
        }
    }

    /** Debian's Python with the client's dependencies, or a skip naming the packages (a failure under CI). */
    private static void requirePython() throws IOException, InterruptedException {
        String missing = null;
        if (!Files.isExecutable(PYTHON)) {
            missing = PYTHON + " is missing";
        } else {
            Process probe = new ProcessBuilder(PYTHON.toString(), "-c",
                    "import pytest, astropy, requests, parfive, sunpy.net").redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (probe.waitFor() != 0) {
                missing = "Python modules are missing: " + output.lines().reduce((a, b) -> b).orElse(output);
            }
        }
        if (missing != null) {
            String message = missing + "; apt-get install -y " + String.join(" ", DEBIAN_PACKAGES) + " (as .ci/run does)";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitStarted(Process medoc, String url, Path log) throws Exception {
        Instant deadline = Instant.now().plus(START_UP);
        while (Instant.now().isBefore(deadline)) {
            if (!medoc.isAlive()) {
                fail("medoc stopped with exit code " + medoc.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(5000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        fail("medoc did not answer " + url + " within " + START_UP + ":\n" + Files.readString(log));
    }
}
