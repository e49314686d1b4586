package org.medoc.ui.release;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseState;

import java.util.function.Consumer;

/**
 * Freeze, publish and withdraw a release, each after a confirmation that states its consequence (a withdrawal also
 * asks for the reason shown on the tombstone). Each button is enabled only in the state its action starts from.
 */
class ReleaseLifecycleActions extends HorizontalLayout {

    /** What the view runs on confirmation; the reason is empty but for a withdrawal. */
    interface Lifecycle {
        void freeze(Release release);

        void publish(Release release);

        void withdraw(Release release, String reason);
    }

    final Button freeze = new Button("Freeze…");
    final Button publish = new Button("Publish…");
    final Button withdraw = new Button("Withdraw…");

    ReleaseLifecycleActions(Release release, Lifecycle lifecycle) {
        freeze.addClickListener(click -> confirm("Freeze " + release.label() + "?",
                "The selection becomes a fixed list of files, each re-read from storage and checked against its SHA-256. "
                        + "The metadata can no longer change.", null, reason -> lifecycle.freeze(release)));
        freeze.setId("freeze");
        freeze.setEnabled(release.state() == ReleaseState.DRAFT);
        publish.addClickListener(click -> confirm("Publish " + release.label() + "?",
                release.hasDoi() ? "The DOI " + release.identifier() + " becomes findable, the landing page and the package go public. "
                        + "A published release never changes." : "The landing page and the package go public under the local identifier "
                        + release.identifier() + " (no DOI registrar is configured). A published release never changes.", null,
                reason -> lifecycle.publish(release)));
        publish.setId("publish");
        publish.setEnabled(release.state() == ReleaseState.FROZEN);
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        withdraw.addClickListener(click -> confirm("Withdraw " + release.label() + "?",
                "Its files stop being served and its landing page becomes a tombstone (HTTP 410) with your reason and the "
                        + "citation. Nothing is deleted.", "Reason (shown on the tombstone)", reason -> lifecycle.withdraw(release, reason)));
        withdraw.setId("withdraw");
        withdraw.setEnabled(release.state() == ReleaseState.PUBLISHED);
        withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(freeze, publish, withdraw);
    }

    private static void confirm(String question, String consequence, String reasonLabel, Consumer<String> action) {
        Dialog dialog = new Dialog();
        dialog.setId("confirm-dialog");
        dialog.setHeaderTitle(question);
        TextArea reason = new TextArea(reasonLabel == null ? "" : reasonLabel);
        reason.setId("confirm-reason");
        reason.setWidthFull();
        reason.setVisible(reasonLabel != null);
        dialog.add(new Paragraph(consequence), reason);
        Button ok = new Button("Confirm", click -> {
            dialog.close();
            action.accept(reason.getValue());
        });
        ok.setId("confirm-button");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> dialog.close());
        dialog.getFooter().add(cancel, ok);
        dialog.open();
    }
}
