package org.medoc.ui.release;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.ValidationProblem;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The metadata form of a draft release without a browser: binding, unreadable lines and service problems as field errors. */
// routes of this package only: scanning the whole class path costs half a minute
@ViewPackages(classes = ReleaseMetadataFormTests.class)
class ReleaseMetadataFormTests extends BrowserlessTest {

    private final List<ReleaseMetadata> saved = new ArrayList<>();
    private ReleaseMetadataForm form;

    @BeforeEach
    void openForm() {
        form = new ReleaseMetadataForm(saved::add);
        UI.getCurrent().add(form);
        form.edit(ReleaseMetadata.empty().withTitle("SPICE Data Release 2.0"), true);
    }

    @Test
    void savingReadsEveryFieldIntoTheMetadata() {
        test(form.creators).setValue("org: SPICE consortium\nBuchlin, Éric | 0000-0002-1825-0097 | IAS | https://ror.org/02feahw73");
        test(form.publisher).setValue(" MEDOC ");
        test(form.subjects).setValue("Sun, spectroscopy");
        test(form.licenseId).setValue("CC-BY-4.0");
        test(form.save).click();

        assertThat(saved).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("SPICE Data Release 2.0");
            assertThat(m.creators()).hasSize(2);
            assertThat(m.creators().get(1).familyName()).isEqualTo("Buchlin");
            assertThat(m.creators().get(1).orcid()).isEqualTo("0000-0002-1825-0097");
            assertThat(m.publisher().name()).isEqualTo("MEDOC");
            assertThat(m.subjects()).containsExactly("Sun", "spectroscopy");
            assertThat(m.license().identifier()).isEqualTo("CC-BY-4.0");
            assertThat(m.description()).isNull();
        });
    }

    @Test
    void savingAnUnreadableCreatorLineShowsAnErrorOnTheCreatorsAndSavesNothing() {
        test(form.creators).setValue("org: SPICE consortium\n | 0000-0002-1825-0097");
        test(form.save).click();

        assertThat(form.creators.isInvalid()).isTrue();
        assertThat(form.creators.getErrorMessage()).contains("creator line 2 has no name");
        assertThat(saved).isEmpty();
    }

    @Test
    void problemsFoundByTheServiceAreShownOnTheFieldTheyPointInto() {
        form.showProblems(List.of(ValidationProblem.error("/creators/0/orcid", "ORCID iD 1 has a wrong check character"),
                ValidationProblem.error("/publisher/rorId", "'x' is not a ROR identifier"),
                ValidationProblem.error("/selection", "the selection is empty")));

        assertThat(form.creators.isInvalid()).isTrue();
        assertThat(form.creators.getErrorMessage()).isEqualTo("ORCID iD 1 has a wrong check character");
        assertThat(form.publisherRor.isInvalid()).isTrue();
        assertThat(form.publisher.isInvalid()).isFalse();
        assertThat(form.title.isInvalid()).isFalse();
    }

    @Test
    void aReleaseThatIsNoLongerADraftIsReadOnly() {
        form.edit(ReleaseMetadata.empty().withTitle("Frozen"), false);

        assertThat(form.title.getValue()).isEqualTo("Frozen");
        assertThat(form.title.isReadOnly()).isTrue();
        assertThat(form.save.isEnabled()).isFalse();
    }
}
