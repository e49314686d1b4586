package org.medoc.ui.release;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;

import java.util.function.Consumer;

/**
 * The release notes of a draft, in Markdown: the generated notes until a release manager saves their own text, which
 * then replaces them; "back to generated notes" drops the saved text. The text is bound to a {@link Notes} bean.
 */
class ReleaseNotesEditor extends VerticalLayout {

    final TextArea text = new TextArea("Release notes (Markdown; saved text replaces the generated notes)");
    final Button save = new Button("Save release notes");
    final Button generated = new Button("Back to generated notes");

    private final Binder<Notes> binder = new Binder<>();

    /** {@code onSave} receives the text to keep, or null to go back to the generated notes. */
    ReleaseNotesEditor(Consumer<String> onSave) {
        setPadding(false);
        text.setId("release-notes");
        text.setWidthFull();
        text.setMinHeight("24rem");
        save.setId("save-release-notes");
        generated.setId("generated-release-notes");
        binder.forField(text).bind(Notes::getMarkdown, Notes::setMarkdown);
        save.addClickListener(click -> onSave.accept(binder.getBean().getMarkdown()));
        generated.addClickListener(click -> onSave.accept(null));
        add(text, new HorizontalLayout(save, generated));
        edit("", false, false);
    }

    /**
     * Shows the notes of a release: editable in a draft; "back to generated notes" only when a draft holds its own
     * text ({@code ownText}).
     */
    void edit(String markdown, boolean draft, boolean ownText) {
        Notes notes = new Notes();
        notes.setMarkdown(markdown);
        binder.setBean(notes);
        binder.setReadOnly(!draft);
        save.setEnabled(draft);
        generated.setEnabled(draft && ownText);
    }

    /** The bean of the editor: the Markdown text. */
    static final class Notes {
        private String markdown;

        String getMarkdown() { return markdown; }
        void setMarkdown(String markdown) { this.markdown = markdown; }
    }
}
