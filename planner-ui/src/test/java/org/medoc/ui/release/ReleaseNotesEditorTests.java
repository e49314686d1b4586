package org.medoc.ui.release;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The release notes editor without a browser: the text it shows, saves and drops. */
// routes of this package only: scanning the whole class path costs half a minute
@ViewPackages(classes = ReleaseNotesEditorTests.class)
class ReleaseNotesEditorTests extends BrowserlessTest {

    private final List<String> saved = new ArrayList<>();
    private ReleaseNotesEditor editor;

    @BeforeEach
    void openEditor() {
        editor = new ReleaseNotesEditor(saved::add);
        UI.getCurrent().add(editor);
    }

    @Test
    void theEditedTextIsSaved() {
        editor.edit("# Generated", true, false);
        assertThat(editor.text.getValue()).isEqualTo("# Generated");

        test(editor.text).setValue("# Our notes");
        test(editor.save).click();

        assertThat(saved).containsExactly("# Our notes");
    }

    @Test
    void goingBackToTheGeneratedNotesSavesNoText() {
        editor.edit("# Ours", true, true);
        test(editor.generated).click();

        assertThat(saved).hasSize(1).containsOnlyNulls();
    }

    @Test
    void generatedNotesOfADraftCannotBeDroppedAndAFrozenReleaseIsReadOnly() {
        editor.edit("# Generated", true, false);
        assertThat(editor.generated.isEnabled()).isFalse();

        editor.edit("# Frozen", false, true);
        assertThat(editor.text.isReadOnly()).isTrue();
        assertThat(editor.save.isEnabled()).isFalse();
        assertThat(editor.generated.isEnabled()).isFalse();
    }
}
