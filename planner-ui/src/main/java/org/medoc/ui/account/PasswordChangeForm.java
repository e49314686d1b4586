package org.medoc.ui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import org.medoc.security.AccountRejectedException;
import org.medoc.security.AccountService;
import org.medoc.security.PasswordPolicy;

/**
 * The change of one's own password: the current one, the new one twice. The new one is checked against the
 * {@link PasswordPolicy} as it is typed; the current one by the service, whose refusal lands on its field.
 */
class PasswordChangeForm extends VerticalLayout {

    /** What the form edits. */
    static final class PasswordChange {
        String current = "";
        String chosen = "";
        String repeated = "";
    }

    final PasswordField current = new PasswordField("Current password");
    final PasswordField chosen = new PasswordField("New password");
    final PasswordField repeated = new PasswordField("New password again");
    final Button save = new Button("Change password");
    private final Binder<PasswordChange> binder = new Binder<>();

    PasswordChangeForm(String username, AccountService accounts, PasswordPolicy policy, Runnable changed) {
        setPadding(false);
        current.setId("password-current");
        chosen.setId("password-new");
        repeated.setId("password-repeat");
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        chosen.setHelperText("At least " + policy.minLength() + " characters, not a common password; a few unrelated words make a good one.");

        binder.forField(current).asRequired("Give your current password")
                .bind(change -> change.current, (change, value) -> change.current = value);
        binder.forField(chosen).asRequired("Choose a new password")
                .withValidator((value, context) -> policy.problem(username, value)
                        .map(ValidationResult::error).orElse(ValidationResult.ok()))
                .bind(change -> change.chosen, (change, value) -> change.chosen = value);
        binder.forField(repeated).asRequired("Type the new password again")
                .withValidator(value -> value.equals(chosen.getValue()), "The two new passwords differ")
                .bind(change -> change.repeated, (change, value) -> change.repeated = value);
        binder.setBean(new PasswordChange());

        save.addClickListener(click -> {
            if (!binder.validate().isOk()) {
                return;
            }
            PasswordChange change = binder.getBean();
            try {
                accounts.changeOwnPassword(username, change.current, change.chosen);
            } catch (AccountRejectedException e) {
                PasswordField field = e.getMessage().startsWith("The current password") ? current : chosen;
                field.setInvalid(true);
                field.setErrorMessage(e.getMessage());
                return;
            }
            binder.setBean(new PasswordChange());
            changed.run();
        });

        FormLayout fields = new FormLayout(current, chosen, repeated);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        fields.setMaxWidth("28em");
        add(fields, save);
    }
}
