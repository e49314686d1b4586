package org.medoc.ui.release;

import org.junit.jupiter.api.Test;
import org.medoc.release.model.DoiRegistration;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.ReleaseState;
import org.medoc.release.model.SelectionRules;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The Releases view says where a DOI's registration stands, without a browser. */
class RegistrationTextTests {

    private static final String DOI = "10.80000/idoc.medoc.spice.2.0";

    private static Release published(String doiState) {
        return new Release(1, "spice", "2.0", ReleaseState.PUBLISHED, ReleaseMetadata.empty(), SelectionRules.none(), null, DOI,
                Release.IdentifierType.DOI, doiState, null, 3, 100L, Instant.EPOCH, Instant.EPOCH, null, null, 2, Instant.EPOCH, Instant.EPOCH);
    }

    private static DoiRegistration registration(DoiRegistration.Status status, int attempts, String error) {
        return new DoiRegistration(DOI, status, attempts, Instant.EPOCH, error, null, Instant.EPOCH, null, null);
    }

    @Test
    void aRegisteredDoiShowsDataCitesState() {
        assertThat(ReleaseManagerView.registrationText(published("findable"), registration(DoiRegistration.Status.DONE, 1, null)))
                .isEqualTo("findable");
    }

    @Test
    void aPendingRegistrationShowsTheAttemptAndTheLastError() {
        assertThat(ReleaseManagerView.registrationText(published("draft"),
                registration(DoiRegistration.Status.PENDING, 3, "DataCite answered 503")))
                .isEqualTo("draft; registration pending, attempt 3: DataCite answered 503");
        assertThat(ReleaseManagerView.registrationText(published(null), registration(DoiRegistration.Status.PENDING, 0, null)))
                .isEqualTo("not at DataCite yet; registration pending");
    }

    @Test
    void aFailedOrConflictingRegistrationSaysWhy() {
        assertThat(ReleaseManagerView.registrationText(published("draft"),
                registration(DoiRegistration.Status.FAILED, 1, "DataCite rejected the metadata (422)")))
                .isEqualTo("draft; registration failed: DataCite rejected the metadata (422)");
        assertThat(ReleaseManagerView.registrationText(published("findable"),
                registration(DoiRegistration.Status.CONFLICT, 0, "a DOI never goes back to draft")))
                .isEqualTo("findable; conflict with DataCite: a DOI never goes back to draft");
    }
}
