package org.medoc.release.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.release.doi.RegistrarSettings;
import org.medoc.release.model.CatalogFormat;
import org.medoc.release.model.DoiRegistration;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseDocument;
import org.medoc.release.model.ReleaseEvent;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.ReleaseState;
import org.medoc.release.model.SelectionRules;
import org.medoc.release.model.SelectionSummary;
import org.medoc.release.model.ValidationProblem;
import org.medoc.release.model.ReleaseException;
import org.medoc.release.release.Actor;
import org.medoc.release.release.ReleaseService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON API of releases. Reading is public for published and withdrawn releases (a withdrawn one answers 410
 * with a JSON tombstone, as InvenioRDM does); drafts, frozen releases, selections, validation and history need the
 * RELEASE_MANAGER role, and so does every change. Changes may name the {@code lockVersion} they read in an
 * {@code If-Match} header (the detail's ETag): a release changed since then answers 409.
 */
@RestController
@RequestMapping("/api/v1/releases")
@Tag(name = "Releases", description = "Citable data releases: metadata, state, DOI, files; lifecycle for release managers")
public class ReleaseApiController {

    private final ReleaseService releases;
    private final RegistrarSettings settings;

    public ReleaseApiController(ReleaseService releases, RegistrarSettings settings) {
        this.releases = releases;
        this.settings = settings;
    }

    /** A new draft. */
    public record NewDraftRequest(String collection, String collectionTitle, CatalogFormat catalogFormat, String version,
                                  ReleaseMetadata metadata, SelectionRules selection) {}

    public record WithdrawRequest(String reason) {}

    public record NewVersionRequest(String version) {}

    public record ReleaseNotesRequest(String markdown) {}

    @GetMapping
    @Operation(summary = "All releases visible to the caller (published and withdrawn; drafts too for release managers)")
    public List<Map<String, Object>> list() {
        return releases.list(Actor.mayReadUnpublished()).stream().map(this::summary).toList();
    }

    @GetMapping("/{collection}/{version}")
    @Operation(summary = "One release: metadata, state, identifier, file count and size; 410 tombstone when withdrawn")
    public ResponseEntity<Object> detail(@PathVariable String collection, @PathVariable String version) {
        Release release = visible(collection, version);
        Map<String, Object> body = summary(release);
        ReleaseDocument document = releases.document(release);
        body.put("metadata", release.metadata());
        body.put("citation", document.citation());
        body.put("previousVersion", document.previous() == null ? null : document.previous().version());
        body.put("nextVersion", document.next() == null ? null : document.next().version());
        body.put("conceptIdentifier", document.conceptIdentifier());
        if (Actor.mayReadUnpublished()) {
            body.put("selection", release.selection());
            body.put("lockVersion", release.lockVersion());
        }
        if (release.state() == ReleaseState.WITHDRAWN) {
            ProblemDetail tombstone = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, "release " + release.label()
                    + " was withdrawn: " + release.withdrawalReason());
            tombstone.setTitle("Release withdrawn");
            tombstone.setInstance(URI.create("/api/v1/releases/" + collection + "/" + version));
            body.forEach(tombstone::setProperty);
            return ResponseEntity.status(HttpStatus.GONE).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(tombstone);
        }
        return ResponseEntity.ok().eTag("\"" + release.lockVersion() + "\"").body(body);
    }

    @GetMapping("/{collection}/{version}/history")
    @Operation(summary = "Every change and transition: who, when, why (release managers)")
    public List<ReleaseEvent> history(@PathVariable String collection, @PathVariable String version) {
        requireManager();
        return releases.history(releases.get(collection, version));
    }

    @GetMapping("/{collection}/{version}/selection/summary")
    @Operation(summary = "Live count, total size and first files of a release's selection (release managers)")
    public SelectionSummary selectionSummary(@PathVariable String collection, @PathVariable String version,
                                             @RequestParam(defaultValue = "50") int preview) {
        requireManager();
        return releases.selectionSummary(releases.get(collection, version).selection(), Math.clamp(preview, 0, 1000));
    }

    @GetMapping("/{collection}/{version}/validation")
    @Operation(summary = "Every problem that would stop a freeze or publication (release managers)")
    public Map<String, Object> validation(@PathVariable String collection, @PathVariable String version) {
        requireManager();
        List<ValidationProblem> problems = releases.validate(releases.get(collection, version));
        return Map.of("valid", problems.stream().noneMatch(ValidationProblem::blocking), "problems", problems);
    }

    @PostMapping
    @Operation(summary = "Create a draft release (its DOI is reserved when a registrar is configured)")
    public ResponseEntity<Map<String, Object>> create(@RequestBody NewDraftRequest request) {
        Release release = releases.createDraft(new ReleaseService.NewDraft(request.collection(), request.collectionTitle(),
                request.catalogFormat(), request.version(), request.metadata(), request.selection()));
        return ResponseEntity.created(URI.create("/api/v1/releases/" + release.collection() + "/" + release.version()))
                .eTag("\"" + release.lockVersion() + "\"").body(summary(release));
    }

    @PutMapping("/{collection}/{version}/metadata")
    @Operation(summary = "Replace a draft's metadata")
    public ResponseEntity<Map<String, Object>> metadata(@PathVariable String collection, @PathVariable String version,
                                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                        @RequestBody ReleaseMetadata metadata) {
        return changed(releases.updateMetadata(collection, version, lock(ifMatch), metadata));
    }

    @PutMapping("/{collection}/{version}/selection")
    @Operation(summary = "Replace a draft's selection rules")
    public ResponseEntity<Map<String, Object>> selection(@PathVariable String collection, @PathVariable String version,
                                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                         @RequestBody SelectionRules rules) {
        return changed(releases.updateSelection(collection, version, lock(ifMatch), rules));
    }

    @PutMapping("/{collection}/{version}/release-notes")
    @Operation(summary = "Replace a draft's generated release notes with edited Markdown (empty: back to generated)")
    public ResponseEntity<Map<String, Object>> releaseNotes(@PathVariable String collection, @PathVariable String version,
                                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                            @RequestBody ReleaseNotesRequest request) {
        return changed(releases.updateReleaseNotes(collection, version, lock(ifMatch), request.markdown()));
    }

    @PostMapping("/{collection}/{version}/freeze")
    @Operation(summary = "Freeze a draft: the selection becomes a verified file list (422 with every problem otherwise)")
    public ResponseEntity<Map<String, Object>> freeze(@PathVariable String collection, @PathVariable String version,
                                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return changed(releases.freeze(collection, version, lock(ifMatch)));
    }

    @PostMapping("/{collection}/{version}/publish")
    @Operation(summary = "Publish a frozen release: DOI findable, landing page live, package downloadable")
    public ResponseEntity<Map<String, Object>> publish(@PathVariable String collection, @PathVariable String version,
                                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return changed(releases.publish(collection, version, lock(ifMatch)));
    }

    @PostMapping("/{collection}/{version}/withdraw")
    @Operation(summary = "Withdraw a published release with a reason (files stop being served; 410 tombstone)")
    public ResponseEntity<Map<String, Object>> withdraw(@PathVariable String collection, @PathVariable String version,
                                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                        @RequestBody WithdrawRequest request) {
        return changed(releases.withdraw(collection, version, lock(ifMatch), request.reason()));
    }

    @PostMapping("/{collection}/{version}/doi/retry")
    @Operation(summary = "Send a FAILED DOI registration to DataCite again now (409 unless it is FAILED)")
    public ResponseEntity<Map<String, Object>> retryDoi(@PathVariable String collection, @PathVariable String version) {
        return changed(releases.retryDoiRegistration(collection, version));
    }

    @PostMapping("/{collection}/{version}/versions")
    @Operation(summary = "Start a new version as a copy of this one")
    public ResponseEntity<Map<String, Object>> newVersion(@PathVariable String collection, @PathVariable String version,
                                                          @RequestBody NewVersionRequest request) {
        Release release = releases.newVersion(collection, version, request.version());
        return ResponseEntity.created(URI.create("/api/v1/releases/" + release.collection() + "/" + release.version()))
                .eTag("\"" + release.lockVersion() + "\"").body(summary(release));
    }

    private ResponseEntity<Map<String, Object>> changed(Release release) {
        return ResponseEntity.ok().eTag("\"" + release.lockVersion() + "\"").body(summary(release));
    }

    private Map<String, Object> summary(Release release) {
        Map<String, Object> body = new LinkedHashMap<>();
        String base = settings.publicBaseUrl() + "/releases/" + release.collection() + "/" + release.version();
        body.put("collection", release.collection());
        body.put("version", release.version());
        body.put("title", release.metadata().title());
        body.put("state", release.state());
        body.put("identifier", release.identifier());
        body.put("identifierType", release.identifierType());
        body.put("doi", release.hasDoi() ? release.identifier() : null);
        body.put("doiUrl", release.hasDoi() ? "https://doi.org/" + release.identifier() : null);
        body.put("doiState", release.doiState());
        releases.registration(release).ifPresent(registration -> body.put("doiRegistration", registration(registration)));
        body.put("fileCount", release.fileCount());
        body.put("totalBytes", release.totalBytes());
        body.put("publishedAt", release.publishedAt());
        body.put("withdrawnAt", release.withdrawnAt());
        body.put("withdrawalReason", release.withdrawalReason());
        body.put("landingPage", base);
        body.put("package", release.state() == ReleaseState.PUBLISHED ? base + "/package.zip" : null);
        return body;
    }

    /**
     * Where the DOI's registration at DataCite stands: everyone sees whether it is still pending; release managers also
     * see the attempts, the next try and the last error.
     */
    private static Map<String, Object> registration(DoiRegistration registration) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", registration.status());
        if (Actor.mayReadUnpublished()) {
            body.put("attempts", registration.attempts());
            body.put("nextAttemptAt", registration.status() == DoiRegistration.Status.PENDING ? registration.nextAttemptAt() : null);
            body.put("lastError", registration.lastError());
            body.put("remoteState", registration.remoteState());
            body.put("requestedAt", registration.requestedAt());
            body.put("reconciledAt", registration.reconciledAt());
        }
        return body;
    }

    private Release visible(String collection, String version) {
        Release release = releases.find(collection, version)
                .orElseThrow(() -> new ReleaseException.NotFound("no release " + collection + " " + version));
        if (!release.state().isPublic() && !Actor.mayReadUnpublished()) {
            throw new ReleaseException.NotFound("no release " + collection + " " + version);
        }
        return release;
    }

    private static void requireManager() {
        if (!Actor.mayReadUnpublished()) {
            throw new AccessDeniedException("this needs the RELEASE_MANAGER role");
        }
    }

    /** If-Match: "3" (or W/"3", or 3) → 3; absent → no check. */
    static Integer lock(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new ReleaseException.Invalid("If-Match", "If-Match must be the ETag (lock version) of the release, was " + ifMatch);
        }
    }

}
