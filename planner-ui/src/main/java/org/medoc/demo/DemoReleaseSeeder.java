package org.medoc.demo;

import org.medoc.release.model.CatalogFormat;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseException;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.SelectionRules;
import org.medoc.release.release.ReleaseService;
import org.medoc.security.DemoAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * In demo mode, once the demo archive is in place (after every application runner, so after
 * {@link DemoArchiveSeeder}), adds two releases so that the release pages have something to show: a published
 * release of the SPICE files ({@code spice-demo 1.0}, with sospice's catalog.csv columns) and a draft of the AIA
 * images ({@code aia-demo 1.0}). Runs once: an installation that has any release is left alone. The releases are
 * made through {@link ReleaseService} like any other, as the demo release manager, so their history says so.
 */
@Component
class DemoReleaseSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoReleaseSeeder.class);
    static final String ACTOR = "release-manager";
    private final Environment environment;
    private final ReleaseService releases;

    DemoReleaseSeeder(Environment environment, ReleaseService releases) {
        this.environment = environment;
        this.releases = releases;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!DemoAccounts.enabled(environment) || !environment.getProperty("medoc.demo.releases", Boolean.class, true)
                || !releases.list(true).isEmpty()) {
            return;
        }
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ACTOR, "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_RELEASE_MANAGER"))));
        try {
            Release spice = releases.createDraft(new ReleaseService.NewDraft("spice-demo", "SPICE demo data", CatalogFormat.SPICE, "1.0",
                    metadata("SPICE Demo Data Release 1.0", "Synthetic SPICE-like level 2 rasters made by medoc's demo generator.",
                            "Level 2 rasters of the demo set; synthetic, not observations.", List.of("Solar physics", "Solar Orbiter", "SPICE")),
                    new SelectionRules(List.of("SPICE"), List.of("L2"), null, null, null, null, null, null, null)));
            releases.freeze(spice.collection(), spice.version(), null);
            releases.publish(spice.collection(), spice.version(), null);
            releases.createDraft(new ReleaseService.NewDraft("aia-demo", "AIA demo images", CatalogFormat.GENERIC, "1.0",
                    metadata("AIA Demo Data Release 1.0", "Synthetic AIA-like EUV images in six channels.",
                            "Level 1 EUV images of the demo set.", List.of("Solar physics", "SDO", "AIA")),
                    new SelectionRules(List.of("AIA"), null, null, null, null, null, null, null, null)));
            // the demo DEM maps are made by the product chain after start-up, so this draft is a rule (every dem 1.0
            // map) whose live count grows as the chain catalogues them
            releases.createDraft(new ReleaseService.NewDraft("dem-maps", "DEM maps", CatalogFormat.GENERIC, "1.0",
                    metadata("DEM Maps Release 1.0", "Differential emission measure maps made by medoc's product chain "
                                    + "(recipe dem 1.0) from the synthetic AIA six-channel sets of the demo archive.",
                            "DEM maps version 1.0 (FITS); their inputs are listed in catalog.csv.",
                            List.of("Solar physics", "SDO", "AIA", "Differential emission measure")),
                    new SelectionRules(null, null, null, null, List.of("dem"), List.of("1.0"), null, null, null)));
            log.info("Demo releases: spice-demo 1.0 published at /releases/spice-demo/1.0, aia-demo 1.0 and dem-maps 1.0 left as drafts");
        } catch (ReleaseException e) {
            log.warn("Demo releases not made: {}", e.getMessage());
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private static ReleaseMetadata metadata(String title, String description, String contents, List<String> subjects) {
        return new ReleaseMetadata(title,
                List.of(ReleaseMetadata.Creator.organisation("medoc demo team")),
                new ReleaseMetadata.Publisher("MEDOC", null),
                null, description + " Every file's header says ORIGIN = 'medoc demo'.", contents, subjects,
                new ReleaseMetadata.License("CC-BY-4.0", "Creative Commons Attribution 4.0 International",
                        "https://creativecommons.org/licenses/by/4.0/"),
                List.of(), List.of(), List.of(), "Demo data: not for scientific use.");
    }
}
