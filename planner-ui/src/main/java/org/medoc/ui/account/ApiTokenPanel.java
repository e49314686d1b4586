package org.medoc.ui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.medoc.security.AccountRejectedException;
import org.medoc.security.ApiTokenInfo;
import org.medoc.security.ApiTokens;
import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;
import org.medoc.ui.base.SecretDialog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The signed-in user's personal API tokens: the list (never the secrets), a form to make one, which is shown once in
 * a dialog, and a Revoke button per live token.
 */
class ApiTokenPanel extends VerticalLayout {

    /** What the new-token form edits. */
    static final class NewToken {
        String name = "";
        LocalDate expires;
    }

    final Grid<ApiTokenInfo> tokens = new Grid<>();
    final TextField name = new TextField("Token name");
    final DatePicker expires = new DatePicker("Expires (optional, UTC)");
    final Button create = new Button("Create token");
    /** The dialog showing the token just made (for tests). */
    SecretDialog shown;
    private final Binder<NewToken> binder = new Binder<>();
    private final String username;
    private final ApiTokens apiTokens;

    ApiTokenPanel(String username, ApiTokens apiTokens) {
        this.username = username;
        this.apiTokens = apiTokens;
        setPadding(false);
        tokens.setId("token-grid");
        name.setId("token-name");
        expires.setId("token-expires");
        create.setId("token-create");
        name.setPlaceholder("e.g. nightly ingest script");

        tokens.addColumn(ApiTokenInfo::name).setHeader("Name").setAutoWidth(true);
        tokens.addColumn(token -> "…" + token.hint()).setHeader("Ends with").setAutoWidth(true);
        tokens.addColumn(token -> Formats.utc(token.createdAt().toInstant())).setHeader("Created").setAutoWidth(true);
        tokens.addColumn(token -> token.lastUsedAt() == null ? "never" : Formats.utc(token.lastUsedAt().toInstant()))
                .setHeader("Last used").setAutoWidth(true);
        tokens.addColumn(token -> token.expiresAt() == null ? "never" : Formats.utc(token.expiresAt().toInstant()))
                .setHeader("Expires").setAutoWidth(true);
        tokens.addColumn(ApiTokenPanel::status).setHeader("Status").setAutoWidth(true);
        tokens.addComponentColumn(token -> {
            Button revoke = new Button("Revoke", click -> revoke(token));
            revoke.setId("token-revoke-" + token.id());
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.setVisible(token.live());
            return revoke;
        }).setAutoWidth(true);
        tokens.setAllRowsVisible(true);

        binder.forField(name).asRequired("Name the token after its use")
                .withValidator(value -> value.strip().length() <= 80, "At most 80 characters")
                .bind(token -> token.name, (token, value) -> token.name = value);
        binder.forField(expires)
                .withValidator(date -> date == null || date.isAfter(LocalDate.now(ZoneOffset.UTC)), "The expiry must be after today")
                .bind(token -> token.expires, (token, value) -> token.expires = value);
        binder.setBean(new NewToken());
        create.addClickListener(click -> create());

        HorizontalLayout form = new HorizontalLayout(name, expires, create);
        form.setAlignItems(Alignment.BASELINE);
        add(new Paragraph("Scripts authenticate with a personal API token: send it as \"Authorization: Bearer <token>\". "
                + "A token acts with your roles; revoke it when the script no longer needs it."), form, tokens);
        refresh();
    }

    void refresh() {
        tokens.setItems(apiTokens.own(username));
    }

    private void create() {
        if (!binder.validate().isOk()) {
            return;
        }
        NewToken form = binder.getBean();
        OffsetDateTime expiry = form.expires == null ? null : form.expires.atStartOfDay().atOffset(ZoneOffset.UTC);
        ApiTokens.CreatedToken created;
        try {
            created = apiTokens.create(username, form.name, expiry);
        } catch (AccountRejectedException e) {
            Notices.error(e.getMessage());
            return;
        }
        binder.setBean(new NewToken());
        refresh();
        shown = new SecretDialog("Token \"" + created.info().name() + "\" created",
                "Copy it now: it is shown only this once (medoc keeps only a fingerprint of it).", "Your new token",
                created.token(), "token-secret", "I have copied it");
    }

    private void revoke(ApiTokenInfo token) {
        apiTokens.revokeOwn(username, token.id());
        Notices.success("Token \"" + token.name() + "\" revoked.");
        refresh();
    }

    static String status(ApiTokenInfo token) {
        if (token.revokedAt() != null) {
            return "revoked " + Formats.utc(token.revokedAt().toInstant())
                    + (token.revokedBy() == null || token.revokedBy().equals(token.username()) ? "" : " by " + token.revokedBy());
        }
        return token.live() ? "live" : "expired";
    }
}
