package org.medoc.release.release;

import org.medoc.release.doi.DataCiteXml;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseDocument;
import org.medoc.release.registrar.DoiTarget;
import org.medoc.release.registrar.DoiTargets;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * What DataCite should hold for each of our DOIs, from the release's state when the registrar asks: a draft or frozen
 * release's DOI is a reserved draft; a published one is findable at its landing page with the current XML (which
 * names the newer version once there is one); a withdrawn one is registered (hidden) with its Withdrawn date; a
 * collection's concept DOI is findable at {@code /latest} and names every public version.
 */
@Component
class ReleaseDoiTargets implements DoiTargets {

    static final String ACTOR = "registrar";
    private final ReleaseRepository repository;
    private final ReleaseService releases;

    ReleaseDoiTargets(ReleaseRepository repository, ReleaseService releases) {
        this.repository = repository;
        this.releases = releases;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DoiTarget> target(DoiKey key) {
        if (key.releaseId() == null) {
            List<Release> versions = releases.versions(key.collection(), false);
            Optional<Release> latest = releases.latestPublished(key.collection()).or(() -> versions.stream().findFirst());
            return latest.map(release -> {
                ReleaseDocument document = releases.document(release);
                return new DoiTarget(key.doi(), key.collection(), null, DoiTarget.State.FINDABLE, document.conceptUrl(),
                        DataCiteXml.writeConcept(document, versions));
            });
        }
        return repository.byId(key.releaseId()).filter(Release::hasDoi).map(release -> switch (release.state()) {
            case DRAFT, FROZEN -> DoiTarget.draft(release.identifier(), release.collection(), release.id());
            case PUBLISHED -> new DoiTarget(release.identifier(), release.collection(), release.id(), DoiTarget.State.FINDABLE,
                    releases.document(release).landingUrl(), releases.dataCiteXml(release));
            case WITHDRAWN -> new DoiTarget(release.identifier(), release.collection(), release.id(), DoiTarget.State.REGISTERED,
                    releases.document(release).landingUrl(), releases.dataCiteXml(release));
        });
    }

    @Override
    @Transactional(readOnly = true)
    public List<DoiKey> all() {
        return repository.doiKeys();
    }

    @Override
    @Transactional
    public void registered(DoiTarget target, String remoteState) {
        if (target.releaseId() == null) {
            return;
        }
        repository.byId(target.releaseId()).ifPresent(release -> {
            repository.setDoiState(release.id(), remoteState);
            repository.event(release.id(), ACTOR, "DOI_REGISTERED", release.state(), release.state(),
                    "DataCite: " + target.doi() + " is " + remoteState
                            + (target.url() == null ? "" : ", resolving to " + target.url()));
        });
    }

    @Override
    @Transactional
    public void note(DoiKey key, String action, String reason) {
        if (key.releaseId() == null) {
            return;
        }
        repository.byId(key.releaseId()).ifPresent(release ->
                repository.event(release.id(), ACTOR, action, release.state(), release.state(), reason));
    }
}
