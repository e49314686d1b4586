package org.medoc.ui.base;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Shows a secret exactly once — a new API token, a one-time password — in a read-only field to copy, with a sentence on
 * what to do with it. medoc keeps no copy, so closing the dialog is the end of it.
 */
public class SecretDialog extends Dialog {

    private final TextField secret;

    /** {@code id} names the field ({@code id}) and the close button ({@code id-close}). */
    public SecretDialog(String title, String explanation, String label, String value, String id, String closeText) {
        secret = new TextField(label);
        secret.setId(id);
        secret.setValue(value);
        secret.setReadOnly(true);
        secret.setWidthFull();
        setHeaderTitle(title);
        add(new Paragraph(explanation), secret);
        Button close = new Button(closeText, click -> close());
        close.setId(id + "-close");
        getFooter().add(close);
        setWidth("40em");
        open();
    }

    /** The secret as shown. */
    public String secret() {
        return secret.getValue();
    }
}
