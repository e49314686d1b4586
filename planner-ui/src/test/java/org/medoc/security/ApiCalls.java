package org.medoc.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Real HTTP calls to the application under test on its random port, without following redirects. */
final class ApiCalls {

    static final String DEMO_PASSWORD = "test-demo-password";
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    ApiCalls(int port) {
        this.port = port;
    }

    String origin() {
        return "http://localhost:" + port;
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(origin() + path)).GET();
    }

    HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(URI.create(origin() + path)).POST(HttpRequest.BodyPublishers.noBody());
    }

    HttpRequest.Builder postJson(String path, String json) {
        return HttpRequest.newBuilder(URI.create(origin() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
