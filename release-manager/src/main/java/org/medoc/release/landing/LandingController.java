package org.medoc.release.landing;

import org.medoc.archive.download.ArchiveStream;
import org.medoc.archive.download.FileResponses;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.release.doi.RegistrarSettings;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseDocument;
import org.medoc.release.model.ReleaseFile;
import org.medoc.release.model.ReleaseState;
import org.medoc.release.packaging.BagIt;
import org.medoc.release.packaging.ReleasePackage;
import org.medoc.release.release.Actor;
import org.medoc.release.release.ReleaseService;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The public pages of releases, server-rendered (Thymeleaf) so that crawlers and citation managers read them:
 * {@code /releases} (all), {@code /releases/<collection>} (its versions, latest first), the landing page
 * {@code /releases/<collection>/<version>}, its exports, files ({@code /files/...}, with Range) and packages
 * ({@code package.zip}, {@code package.tar}). Drafts and frozen releases are visible only to release managers; a
 * withdrawn release answers 410 Gone with a tombstone page that keeps its citation, and serves no file.
 */
@Controller
@RequestMapping("/releases")
public class LandingController {

    static final MediaType BIBTEX = MediaType.parseMediaType("application/x-bibtex;charset=UTF-8");
    static final MediaType RIS = MediaType.parseMediaType("application/x-research-info-systems;charset=UTF-8");
    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json;charset=UTF-8");
    static final MediaType DATACITE_XML = MediaType.parseMediaType("application/vnd.datacite.datacite+xml;charset=UTF-8");
    private final ReleaseService releases;
    private final ReleasePackage packages;
    private final ArchiveStore store;
    private final RegistrarSettings settings;
    private final ObjectMapper json;

    public LandingController(ReleaseService releases, ReleasePackage packages, ArchiveStore store, RegistrarSettings settings,
                             ObjectMapper json) {
        this.releases = releases;
        this.packages = packages;
        this.store = store;
        this.settings = settings;
        this.json = json;
    }

    @GetMapping
    public String all(Model model) {
        List<Release> visible = releases.list(false);
        model.addAttribute("releases", visible);
        model.addAttribute("registrar", settings.registrarConfigured());
        return "releases/index";
    }

    @GetMapping("/{collection}")
    public String collection(@PathVariable String collection, Model model) {
        var code = releases.collection(collection)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no collection " + collection));
        List<Release> versions = releases.versions(collection, Actor.mayReadUnpublished());
        model.addAttribute("collection", code);
        model.addAttribute("versions", versions);
        model.addAttribute("latest", releases.latestPublished(collection).orElse(null));
        model.addAttribute("registrar", settings.registrarConfigured());
        return "releases/collection";
    }

    /** The concept DOI's target: always the newest published version. */
    @GetMapping("/{collection}/latest")
    public ResponseEntity<Void> latest(@PathVariable String collection) {
        Release latest = releases.latestPublished(collection)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "collection " + collection + " has no published release"));
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, "/releases/" + collection + "/" + latest.version()).build();
    }

    /** SPICE's metadata/latest-release.txt: the first line names the newest published release. */
    @GetMapping(value = "/{collection}/metadata/latest-release.txt", produces = "text/plain;charset=UTF-8")
    public ResponseEntity<String> latestReleaseText(@PathVariable String collection) {
        Release latest = releases.latestPublished(collection)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "collection " + collection + " has no published release"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8")).body(latest.version() + "\n");
    }

    @GetMapping("/{collection}/{version}")
    public ModelAndView landing(@PathVariable String collection, @PathVariable String version) {
        Release release = visible(collection, version);
        ReleaseDocument document = releases.document(release);
        ModelAndView page = new ModelAndView(release.state() == ReleaseState.WITHDRAWN ? "releases/tombstone" : "releases/landing");
        page.addObject("release", release);
        page.addObject("document", document);
        page.addObject("metadata", release.metadata());
        page.addObject("registrar", settings.registrarConfigured());
        page.addObject("base", "/releases/" + collection + "/" + version);
        page.addObject("versions", releases.versions(collection, false).stream()
                .sorted(Comparator.comparing(Release::id).reversed()).toList());
        page.addObject("size", release.totalBytes() == null ? null : BagIt.humanSize(release.totalBytes()));
        page.addObject("contents", release.state() == ReleaseState.DRAFT ? List.of() : releases.contents(release).stream()
                .map(line -> new ContentsLine(line, BagIt.humanSize(line.totalBytes()))).toList());
        page.addObject("jsonLd", jsonLd(document));
        if (release.state() == ReleaseState.WITHDRAWN) {
            page.setStatus(HttpStatus.GONE);
        }
        return page;
    }

    @GetMapping("/{collection}/{version}/cite.bib")
    public ResponseEntity<String> bibtex(@PathVariable String collection, @PathVariable String version) {
        Release release = visible(collection, version);
        return export(CitationExports.bibtex(releases.document(release)), BIBTEX, release, "bib");
    }

    @GetMapping("/{collection}/{version}/cite.ris")
    public ResponseEntity<String> ris(@PathVariable String collection, @PathVariable String version) {
        Release release = visible(collection, version);
        return export(CitationExports.ris(releases.document(release)), RIS, release, "ris");
    }

    @GetMapping("/{collection}/{version}/datacite.xml")
    public ResponseEntity<String> dataCite(@PathVariable String collection, @PathVariable String version) {
        Release release = visible(collection, version);
        return export(releases.dataCiteXml(release), DATACITE_XML, release, "xml");
    }

    @GetMapping("/{collection}/{version}/schema.jsonld")
    public ResponseEntity<String> schemaOrg(@PathVariable String collection, @PathVariable String version) {
        Release release = visible(collection, version);
        return export(jsonLd(releases.document(release)), JSON_LD, release, "jsonld");
    }

    @GetMapping("/{collection}/{version}/files")
    public ResponseEntity<Void> filesWithoutSlash(@PathVariable String collection, @PathVariable String version) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .header(HttpHeaders.LOCATION, "/releases/" + collection + "/" + version + "/files/").build();
    }

    /** The package file by file: an index page at {@code files/}, any tag or payload file below it, with Range. */
    @GetMapping("/{collection}/{version}/files/{*path}")
    public Object file(@PathVariable String collection, @PathVariable String version, @PathVariable String path,
                       WebRequest request, Model model) throws IOException {
        Release release = servable(collection, version);
        String name = path.startsWith("/") ? path.substring(1) : path;
        if (name.isEmpty()) {
            model.addAttribute("release", release);
            model.addAttribute("base", "/releases/" + collection + "/" + version);
            model.addAttribute("tagFiles", packages.tagFiles(release).entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), (long) e.getValue().length)).toList());
            model.addAttribute("files", releases.files(release));
            return "releases/files";
        }
        if (!name.startsWith("data/")) {
            byte[] content = packages.tagFile(release, name)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no file " + name + " in release " + release.label()));
            MediaType type = name.endsWith(".xml") ? MediaType.APPLICATION_XML
                    : name.endsWith(".csv") ? MediaType.parseMediaType("text/csv;charset=UTF-8")
                    : name.endsWith(".md") ? MediaType.parseMediaType("text/markdown;charset=UTF-8")
                    : MediaType.parseMediaType("text/plain;charset=UTF-8");
            return FileResponses.file(new ByteArrayResource(content), name, type, content.length,
                    BagIt.digest("sha256", content), false, request);
        }
        ReleaseFile file = releases.file(release, name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no file " + name + " in release " + release.label()));
        Resource body = store.resource(file.storageKey());
        return FileResponses.file(body, file.fileName(), MediaType.parseMediaType(file.mediaType()), file.sizeBytes(),
                file.sha256(), true, request);
    }

    @GetMapping("/{collection}/{version}/package.zip")
    public ResponseEntity<StreamingResponseBody> zip(@PathVariable String collection, @PathVariable String version) {
        return bag(servable(collection, version), ArchiveStream.Format.ZIP);
    }

    @GetMapping("/{collection}/{version}/package.tar")
    public ResponseEntity<StreamingResponseBody> tar(@PathVariable String collection, @PathVariable String version) {
        return bag(servable(collection, version), ArchiveStream.Format.TAR);
    }

    private ResponseEntity<StreamingResponseBody> bag(Release release, ArchiveStream.Format format) {
        // the tag files are computed before the first byte is sent, so a problem there is still an HTTP error
        packages.tagFiles(release);
        String name = "medoc_" + release.collection() + "_" + ReleasePackage.root(release) + format.extension;
        StreamingResponseBody body = out -> packages.write(release, format, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Medoc-File-Count", String.valueOf(release.fileCount()))
                .body(body);
    }

    private ResponseEntity<String> export(String body, MediaType type, Release release, String extension) {
        String name = "medoc_" + release.collection() + "_" + release.version() + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** JSON for a script element: "</" is escaped so that the text cannot close the element. */
    private String jsonLd(ReleaseDocument document) {
        String packageUrl = document.landingUrl() + "/package.zip";
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(CitationExports.jsonLd(document, packageUrl)).replace("</", "<\\/");
    }

    /** A release the caller may see: public ones for everyone, drafts and frozen ones for release managers. */
    private Release visible(String collection, String version) {
        Release release = releases.find(collection, version)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no release " + collection + " " + version));
        if (!release.state().isPublic() && !Actor.mayReadUnpublished()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no release " + collection + " " + version);
        }
        return release;
    }

    /** A release whose files may be served: published (frozen ones to release managers); withdrawn ones are gone. */
    private Release servable(String collection, String version) {
        Release release = visible(collection, version);
        if (release.state() == ReleaseState.WITHDRAWN) {
            throw new ResponseStatusException(HttpStatus.GONE, "release " + release.label() + " was withdrawn ("
                    + release.withdrawalReason() + "): its files are no longer served; see /releases/" + collection + "/" + version);
        }
        if (release.state() == ReleaseState.DRAFT) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "release " + release.label() + " is a draft: it has no files yet");
        }
        return release;
    }


    /** One line of "what the pack contains" with its size for people. */
    public record ContentsLine(org.medoc.release.model.ReleaseContents contents, String size) {}
}
