package org.medoc.release.release;

import org.junit.jupiter.api.Test;
import org.medoc.release.model.CatalogFormat;
import org.medoc.release.model.SelectionRules;

import static org.assertj.core.api.Assertions.assertThat;

/** How a new draft release starts: its title, its publication year and its selection. */
class DraftStartTests {

    @Test
    void aDraftIsTitledAfterItsCollectionTitleAndVersion() {
        ReleaseService.NewDraft draft = DraftStart.of(" spice ", " SPICE L2 ", CatalogFormat.GENERIC, " 2.0 ");
        assertThat(draft.collection()).isEqualTo("spice");
        assertThat(draft.collectionTitle()).isEqualTo("SPICE L2");
        assertThat(draft.version()).isEqualTo("2.0");
        assertThat(draft.metadata().title()).isEqualTo("SPICE L2 Data Release 2.0");
        assertThat(draft.metadata().publicationYear()).isNull();
        assertThat(draft.selection()).isEqualTo(SelectionRules.none());
    }

    @Test
    void aDraftOfACollectionWithoutATitleIsTitledAfterItsCode() {
        ReleaseService.NewDraft draft = DraftStart.of("dem-maps", "  ", CatalogFormat.GENERIC, "1.0");
        assertThat(draft.metadata().title()).isEqualTo("dem-maps Data Release 1.0");
        assertThat(draft.collectionTitle()).isNull();
    }
}
