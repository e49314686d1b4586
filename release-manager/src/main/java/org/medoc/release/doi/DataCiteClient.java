package org.medoc.release.doi;

import org.medoc.release.model.ReleaseException;
import org.medoc.release.model.ValidationProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * DataCite REST API client (JSON:API, {@code application/vnd.api+json}, HTTP Basic with the repository account;
 * ARCHIVE_AND_RELEASES.md §8). Every write is a {@code PUT /dois/{doi}}, which DataCite documents as an upsert: the
 * first call creates the record, a repeated one updates it, so a registration retried after a crash or a timeout
 * never makes a second DOI. A draft is a PUT without event; {@code publish} and {@code hide} are events on the same
 * PUT. Metadata travels as base64 DataCite XML ({@code attributes.xml}), the same XML the landing page exports.
 *
 * <p>429 (rate limit) and 5xx answers, and network failures, are retried with exponential back-off (honouring
 * {@code Retry-After}); DataCite asks bulk clients to keep well under its per-5-minute limits. A 422 is reported
 * with DataCite's pointer to the failing attribute.
 */
public class DataCiteClient implements Registrar {

    private static final Logger log = LoggerFactory.getLogger(DataCiteClient.class);
    static final String JSON_API = "application/vnd.api+json";
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(2);
    private final RegistrarSettings settings;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Sleeper sleeper;

    /** How the client waits between attempts; tests pass one that records instead of sleeping. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public DataCiteClient(RegistrarSettings settings, ObjectMapper json) {
        this(settings, json, duration -> Thread.sleep(duration.toMillis()));
    }

    public DataCiteClient(RegistrarSettings settings, ObjectMapper json, Sleeper sleeper) {
        this.settings = settings;
        this.json = json;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public boolean registersDois() {
        return true;
    }

    @Override
    public String reserve(String doi) {
        return put(doi, attributes(doi, null, null, null));
    }

    @Override
    public String publish(String doi, String url, String dataCiteXml) {
        return put(doi, attributes(doi, "publish", url, dataCiteXml));
    }

    @Override
    public String update(String doi, String url, String dataCiteXml) {
        return put(doi, attributes(doi, null, url, dataCiteXml));
    }

    @Override
    public String hide(String doi, String url, String dataCiteXml) {
        return put(doi, attributes(doi, "hide", url, dataCiteXml));
    }

    /** {@code GET /dois/{doi}}: one attempt, the reconciler asks again at its next run. */
    @Override
    public Optional<RemoteDoi> fetch(String doi) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.endpoint() + "/dois/" + doi))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", JSON_API)
                .header("Authorization", "Basic " + credentials())
                .header("User-Agent", settings.userAgent())
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 404) {
                return Optional.empty();
            }
            if (status == 200) {
                JsonNode attributes = json.readTree(response.body()).path("data").path("attributes");
                return Optional.of(new RemoteDoi(doi, text(attributes.path("state")), text(attributes.path("url"))));
            }
            if (status == 429 || status >= 500) {
                throw new ReleaseException.Registration("DataCite answered " + status + " when asked for " + doi, List.of(), true);
            }
            throw refusal(doi, status, response.body());
        } catch (IOException e) {
            throw new ReleaseException.Registration("DataCite could not be reached for " + doi + ": " + e.getMessage(), List.of(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException.Registration("interrupted while reading " + doi, List.of(), true);
        }
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private String credentials() {
        return Base64.getEncoder().encodeToString((settings.repositoryId() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode attributes(String doi, String event, String url, String xml) {
        ObjectNode body = json.createObjectNode();
        ObjectNode data = body.putObject("data");
        data.put("id", doi);
        data.put("type", "dois");
        ObjectNode attributes = data.putObject("attributes");
        attributes.put("doi", doi);
        if (event != null) {
            attributes.put("event", event);
        }
        if (url != null) {
            attributes.put("url", url);
        }
        if (xml != null) {
            attributes.put("xml", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
        }
        return body;
    }

    private String put(String doi, ObjectNode body) {
        URI uri = URI.create(settings.endpoint() + "/dois/" + doi);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", JSON_API)
                .header("Accept", JSON_API)
                .header("Authorization", "Basic " + credentials())
                .header("User-Agent", settings.userAgent())
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        Duration wait = settings.firstBackoff();
        String lastFailure = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200 || status == 201) {
                    JsonNode state = json.readTree(response.body()).path("data").path("attributes").path("state");
                    return state.isMissingNode() || state.isNull() ? null : state.asString();
                }
                if (status == 429 || status >= 500) {
                    lastFailure = "DataCite answered " + status + " for " + doi;
                    Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(DataCiteClient::seconds);
                    if (attempt < settings.maxAttempts()) {
                        Duration pause = retryAfter.filter(after -> after.compareTo(LONGEST_WAIT) <= 0).orElse(wait);
                        log.warn("{} (attempt {}/{}); retrying in {}", lastFailure, attempt, settings.maxAttempts(), pause);
                        sleeper.sleep(pause);
                        wait = wait.multipliedBy(2);
                    }
                    continue;
                }
                throw refusal(doi, status, response.body());
            } catch (IOException e) {
                lastFailure = "DataCite could not be reached for " + doi + ": " + e.getMessage();
                if (attempt < settings.maxAttempts()) {
                    log.warn("{} (attempt {}/{})", lastFailure, attempt, settings.maxAttempts());
                    sleepQuietly(wait);
                    wait = wait.multipliedBy(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReleaseException.Registration("interrupted while registering " + doi, List.of(), true);
            }
        }
        throw new ReleaseException.Registration(lastFailure + " after " + settings.maxAttempts() + " attempts; nothing was changed "
                + "here, and retrying later is safe (registration is idempotent)", List.of(), true);
    }

    private void sleepQuietly(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * DataCite's error body: {@code {"errors":[{"status":"422","source":"metadata","title":"Is invalid"}]}}; the
     * source is an attribute name or, in JSON:API form, {@code {"pointer": "/data/attributes/..."}}.
     */
    private ReleaseException.Registration refusal(String doi, int status, String body) {
        List<ValidationProblem> problems = new ArrayList<>();
        try {
            for (JsonNode error : json.readTree(body).path("errors")) {
                JsonNode source = error.path("source");
                String pointer = source.isObject() ? source.path("pointer").asString("/data")
                        : source.isString() ? "/data/attributes/" + source.asString() : "/data";
                String title = error.path("title").asString(error.path("detail").asString("invalid"));
                problems.add(ValidationProblem.error(pointer, title));
            }
        } catch (RuntimeException e) {
            problems.add(ValidationProblem.error("/data", body.length() > 500 ? body.substring(0, 500) : body));
        }
        String reason = switch (status) {
            case 401 -> "DataCite refused the repository credentials (401): check medoc.release.doi.repository-id and password";
            case 403 -> "DataCite forbids this repository to change " + doi + " (403): is the prefix assigned to it?";
            case 404 -> "DataCite does not know " + doi + " (404)";
            case 422 -> "DataCite rejected the metadata of " + doi + " (422)";
            default -> "DataCite answered " + status + " for " + doi;
        };
        String details = problems.stream().map(p -> p.pointer() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("");
        return new ReleaseException.Registration(details.isEmpty() ? reason : reason + ": " + details, problems);
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
