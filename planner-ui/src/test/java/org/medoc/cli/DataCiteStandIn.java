package org.medoc.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DataCite REST API that keeps state, for tests that run the application in a child JVM: {@code PUT /dois/{doi}}
 * is an upsert (created as draft; {@code event: publish} makes it findable, {@code hide} registered; url and xml
 * kept), {@code GET /dois/{doi}} answers the record or 404, anything else (e.g. a POST) is counted and refused. It can
 * hold the next publish call open, as a slow DataCite would, and then drop it without applying it.
 */
final class DataCiteStandIn implements AutoCloseable {

    /** One DOI as DataCite would hold it. */
    record Doi(String state, String url, int puts) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Doi> dois = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean armed;
    private volatile CountDownLatch release = new CountDownLatch(0);
    private volatile CountDownLatch held = new CountDownLatch(1);

    DataCiteStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/dois/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    Map<String, Doi> dois() {
        return Map.copyOf(dois);
    }

    /** Requests other than PUT and GET on a DOI (DataCite's POST /dois would create a DOI we did not name). */
    int refused() {
        return refused.get();
    }

    /** Sets a DOI's state as if someone changed it at DataCite. */
    void change(String doi, String state) {
        dois.computeIfPresent(doi, (key, old) -> new Doi(state, old.url(), old.puts()));
    }

    /** The next publish PUT is held open until {@link #dropHeldCall()}, and then never applied. */
    void holdNextPublish() {
        held = new CountDownLatch(1);
        release = new CountDownLatch(1);
        armed = true;
    }

    /** Waits until a publish call is being held. */
    boolean awaitHeldCall(long seconds) throws InterruptedException {
        return held.await(seconds, TimeUnit.SECONDS);
    }

    void dropHeldCall() {
        release.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String doi = exchange.getRequestURI().getPath().substring("/dois/".length());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Basic ")) {
                answer(exchange, 401, "{\"errors\":[{\"status\":\"401\",\"title\":\"Bad credentials\"}]}");
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "GET" -> {
                    Doi record = dois.get(doi);
                    if (record == null) {
                        answer(exchange, 404, "{\"errors\":[{\"status\":\"404\",\"title\":\"not found\"}]}");
                    } else {
                        answer(exchange, 200, body(doi, record));
                    }
                }
                case "PUT" -> put(exchange, doi);
                default -> {
                    refused.incrementAndGet();
                    answer(exchange, 405, "{}");
                }
            }
        }
    }

    private void put(HttpExchange exchange, String doi) throws IOException {
        JsonNode attributes = json.readTree(exchange.getRequestBody().readAllBytes()).path("data").path("attributes");
        String event = attributes.path("event").isString() ? attributes.path("event").asString() : null;
        // a release's DOI ends in its version (....1.0); a concept DOI does not: only the release's call is held
        if ("publish".equals(event) && armed && doi.matches(".*\\.[0-9][0-9.]*")) {
            armed = false;
            held.countDown();
            try {
                release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // the caller is gone: DataCite never saw this call through
            answer(exchange, 503, "{}");
            return;
        }
        String url = attributes.path("url").isString() ? attributes.path("url").asString() : null;
        Doi record = dois.compute(doi, (key, old) -> {
            String state = old == null ? "draft" : old.state();
            if ("publish".equals(event)) {
                state = "findable";
            } else if ("hide".equals(event)) {
                state = "registered";
            }
            return new Doi(state, url != null ? url : old == null ? null : old.url(), old == null ? 1 : old.puts() + 1);
        });
        answer(exchange, record.puts() == 1 ? 201 : 200, body(doi, record));
    }

    private static String body(String doi, Doi record) {
        return "{\"data\":{\"id\":\"" + doi + "\",\"type\":\"dois\",\"attributes\":{\"doi\":\"" + doi + "\",\"state\":\""
                + record.state() + "\"" + (record.url() == null ? "" : ",\"url\":\"" + record.url() + "\"") + "}}}";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.api+json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException gone) {
            // the application was killed while we held its call
        }
    }

    @Override
    public void close() {
        dropHeldCall();
        server.stop(0);
        threads.shutdownNow();
    }
}
