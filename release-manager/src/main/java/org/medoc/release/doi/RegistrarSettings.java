package org.medoc.release.doi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * How release identifiers are made and registered ({@code medoc.release.doi.*}). With no {@code endpoint} (the
 * embedded default) no registrar is configured: releases get local identifiers ({@code medoc-local:spice/2.0}) that
 * cannot be mistaken for DOIs. The DOI suffix follows IDOC's human-readable pattern (ARCHIVE_AND_RELEASES.md §7):
 * {@code pattern} with {@code <collection>} and {@code <version>} placeholders, {@code concept-pattern} without the
 * version for the collection's concept DOI. Test and production DataCite accounts have different prefixes: none is
 * hard-coded.
 */
@Component
public class RegistrarSettings {

    private final String endpoint;
    private final String repositoryId;
    private final String password;
    private final String prefix;
    private final String pattern;
    private final String conceptPattern;
    private final String publicBaseUrl;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final String userAgent;

    public RegistrarSettings(@Value("${medoc.release.doi.endpoint:}") String endpoint,
                             @Value("${medoc.release.doi.repository-id:}") String repositoryId,
                             @Value("${medoc.release.doi.password:}") String password,
                             @Value("${medoc.release.doi.prefix:}") String prefix,
                             @Value("${medoc.release.doi.pattern:idoc.medoc.<collection>.<version>}") String pattern,
                             @Value("${medoc.release.doi.concept-pattern:idoc.medoc.<collection>}") String conceptPattern,
                             @Value("${medoc.release.public-base-url:http://localhost:8080}") String publicBaseUrl,
                             @Value("${medoc.release.doi.max-attempts:5}") int maxAttempts,
                             @Value("${medoc.release.doi.first-backoff:PT1S}") Duration firstBackoff,
                             @Value("${medoc.release.doi.user-agent:medoc release-manager}") String userAgent) {
        this.endpoint = endpoint.strip();
        this.repositoryId = repositoryId;
        this.password = password;
        this.prefix = prefix.strip();
        this.pattern = pattern;
        this.conceptPattern = conceptPattern;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstBackoff = firstBackoff;
        this.userAgent = userAgent;
        if (registrarConfigured() && (this.prefix.isEmpty() || repositoryId.isBlank())) {
            throw new IllegalStateException("medoc.release.doi.endpoint is set, so medoc.release.doi.prefix and "
                    + "medoc.release.doi.repository-id must be set too");
        }
    }

    public boolean registrarConfigured() {
        return !endpoint.isEmpty();
    }

    /** The identifier a release of this collection and version gets: a DOI with a registrar, a local one without. */
    public String identifier(String collection, String version) {
        if (!registrarConfigured()) {
            return "medoc-local:" + collection + "/" + version;
        }
        return prefix + "/" + pattern.replace("<collection>", collection).replace("<version>", version).toLowerCase(Locale.ROOT);
    }

    public String conceptIdentifier(String collection) {
        if (!registrarConfigured()) {
            return "medoc-local:" + collection;
        }
        return prefix + "/" + conceptPattern.replace("<collection>", collection).toLowerCase(Locale.ROOT);
    }

    public URI endpoint() {
        return URI.create(endpoint.replaceAll("/+$", ""));
    }

    public String repositoryId() {
        return repositoryId;
    }

    String password() {
        return password;
    }

    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration firstBackoff() {
        return firstBackoff;
    }

    public String userAgent() {
        return userAgent;
    }
}
