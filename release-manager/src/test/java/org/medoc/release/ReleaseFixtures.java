package org.medoc.release;

import org.medoc.archive.demo.DemoObservations;
import org.medoc.archive.ingest.IngestService;
import org.medoc.release.model.CatalogFormat;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.SelectionRules;
import org.medoc.release.release.ReleaseService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Test data: three days of synthetic SPICE L2 rasters (plus EIT and SHARP-like files) made by the archive's demo
 * generator and ingested through the real ingest, and complete release metadata. Each test names its own collection
 * so that tests never see each other's releases.
 */
@Component
public class ReleaseFixtures {

    /** The SPICE files are on these three days (STP 122 and 123). */
    public static final Instant FIRST_DAY = Instant.parse("2020-11-20T08:00:00Z");
    private static final AtomicInteger COLLECTIONS = new AtomicInteger();
    private final IngestService ingest;
    private final ReleaseService releases;
    private boolean ingested;

    public ReleaseFixtures(IngestService ingest, ReleaseService releases) {
        this.ingest = ingest;
        this.releases = releases;
    }

    /** Ingests the demo files once per application context. */
    public synchronized void ingestDemoData() throws IOException {
        if (ingested) {
            return;
        }
        Path directory = Files.createTempDirectory("medoc-release-test-");
        List<Path> files = new ArrayList<>();
        DemoObservations demo = new DemoObservations(48, 7);
        for (int day = 0; day < 3; day++) {
            files.addAll(demo.write(directory.resolve("day" + day), FIRST_DAY.plusSeconds(day * 3 * 86_400L), 0));
        }
        ingest.ingest(files, "release tests");
        ingested = true;
    }

    public static String newCollection() {
        return "test-" + COLLECTIONS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
    }

    public static ReleaseMetadata metadata(String title) {
        return new ReleaseMetadata(title,
                List.of(ReleaseMetadata.Creator.organisation("SPICE consortium"),
                        new ReleaseMetadata.Creator("Buchlin, Éric", ReleaseMetadata.NameType.PERSONAL, "Éric", "Buchlin",
                                "0000-0002-1825-0097", List.of(new ReleaseMetadata.Affiliation("Institut d'Astrophysique Spatiale",
                                "https://ror.org/02feahw73")))),
                new ReleaseMetadata.Publisher("MEDOC", "https://ror.org/02feahw73"),
                null,
                "Calibrated SPICE rasters & their catalogue, for \"testing\" <release> pages.",
                "STP 122-123, level 2",
                List.of("Solar physics", "Solar Orbiter", "SPICE"),
                new ReleaseMetadata.License("CC-BY-4.0", "Creative Commons Attribution 4.0 International",
                        "https://creativecommons.org/licenses/by/4.0/"),
                List.of(new ReleaseMetadata.Funding("Centre National d'Études Spatiales", "https://ror.org/04h1h0y33", "ROR", null, null)),
                List.of(new ReleaseMetadata.RelatedIdentifier("10.1051/0004-6361/201935574", "DOI", "IsDocumentedBy", "JournalArticle")),
                List.of(),
                "We acknowledge the SPICE consortium.");
    }

    /** Only the SPICE files: instrument SPICE, level 2. */
    public static SelectionRules spiceLevel2() {
        return new SelectionRules(List.of("SPICE"), List.of("L2"), null, null, null, null, null, null, null);
    }

    /** A draft of a new collection with complete metadata selecting the SPICE L2 files. */
    public Release draft(String collection, String version) {
        return asManager(() -> releases.createDraft(new ReleaseService.NewDraft(collection, "SPICE test " + collection,
                CatalogFormat.SPICE, version, metadata("SPICE Data Release " + version), spiceLevel2())));
    }

    public Release published(String collection, String version) {
        Release draft = draft(collection, version);
        return asManager(() -> {
            releases.freeze(collection, version, draft.lockVersion());
            return releases.publish(collection, version, null);
        });
    }

    public static <T> T asManager(Supplier<T> action) {
        return as("manager", "ROLE_RELEASE_MANAGER", action);
    }

    public static <T> T as(String user, String role, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "n/a",
                List.of(new SimpleGrantedAuthority(role))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
