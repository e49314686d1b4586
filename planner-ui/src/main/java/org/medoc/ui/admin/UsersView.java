package org.medoc.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.medoc.security.AccountNotFoundException;
import org.medoc.security.AccountRejectedException;
import org.medoc.security.AccountService;
import org.medoc.security.AccountSummary;
import org.medoc.security.ApiTokenInfo;
import org.medoc.security.ApiTokens;
import org.medoc.security.LoginThrottle;
import org.medoc.security.Role;
import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;
import org.medoc.ui.base.SecretDialog;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Staff accounts for administrators: the list with roles, last log-in, failed attempts and locks; a form to create an
 * account; for the selected account its roles, Disable/Enable, Reset password and Unlock; every account's API tokens
 * with Revoke; client addresses locked after failed log-ins. New and reset passwords are one-time passwords shown once.
 */
@Route("admin/users")
@PageTitle("Users · Admin · medoc")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

    /** What the new-account form edits. */
    static final class NewAccount {
        String username = "";
        String fullName = "";
        Set<Role> roles = EnumSet.noneOf(Role.class);
    }

    final Grid<AccountSummary> users = new Grid<>();
    final TextField newUsername = new TextField("User name");
    final TextField newFullName = new TextField("Full name");
    final CheckboxGroup<Role> newRoles = new CheckboxGroup<>("Roles");
    final Button create = new Button("Create account");

    final Span selected = new Span("Select an account in the list.");
    final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
    final Button saveRoles = new Button("Save roles");
    final Button disable = new Button("Disable");
    final Button enable = new Button("Enable");
    final Button resetPassword = new Button("Reset password");
    final Button unlock = new Button("Unlock");

    final Grid<ApiTokenInfo> tokens = new Grid<>();
    final Grid<Map.Entry<String, java.time.OffsetDateTime>> lockedAddresses = new Grid<>();

    /** The last one-time password dialog (for tests). */
    SecretDialog oneTimeDialog;

    private final Binder<NewAccount> binder = new Binder<>();
    private final AccountService accounts;
    private final ApiTokens apiTokens;
    private final LoginThrottle throttle;
    private final String actor;
    private AccountSummary current;

    public UsersView(AuthenticationContext authentication, AccountService accounts, ApiTokens apiTokens, LoginThrottle throttle) {
        this.accounts = accounts;
        this.apiTokens = apiTokens;
        this.throttle = throttle;
        this.actor = authentication.getPrincipalName().orElseThrow();
        setId("users-view");

        users.setId("users-grid");
        users.addColumn(AccountSummary::username).setHeader("User").setAutoWidth(true).setSortable(true);
        users.addColumn(a -> a.fullName() == null ? "" : a.fullName()).setHeader("Name").setAutoWidth(true);
        users.addColumn(a -> a.roles().stream().map(Role::name).collect(Collectors.joining(", "))).setHeader("Roles").setAutoWidth(true);
        users.addColumn(UsersView::state).setHeader("State").setAutoWidth(true);
        // accounts of the OIDC login sign in at the centre's identity provider, which also grants their roles
        users.addColumn(a -> a.oidcIssuer() == null ? "password" : "identity provider").setHeader("Signs in with").setAutoWidth(true);
        users.addColumn(a -> a.lastLoginAt() == null ? "never" : Formats.utc(a.lastLoginAt().toInstant())).setHeader("Last log-in").setAutoWidth(true);
        users.addColumn(AccountSummary::failedAttempts).setHeader("Failed attempts").setAutoWidth(true);
        users.addColumn(a -> a.locked() ? Formats.utc(a.lockedUntil().toInstant()) : "").setHeader("Locked until").setAutoWidth(true);
        users.setAllRowsVisible(true);
        users.asSingleSelect().addValueChangeListener(event -> select(event.getValue()));

        newUsername.setId("new-user-name");
        newFullName.setId("new-user-full-name");
        newRoles.setId("new-user-roles");
        newRoles.setItems(Role.values());
        create.setId("new-user-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        binder.forField(newUsername).asRequired("Give a user name")
                .withValidator(name -> name.strip().matches("^[a-z0-9][a-z0-9._-]{1,63}$"),
                        "2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or a digit")
                .bind(a -> a.username, (a, value) -> a.username = value);
        binder.forField(newFullName).bind(a -> a.fullName, (a, value) -> a.fullName = value);
        binder.forField(newRoles).bind(a -> a.roles, (a, value) -> a.roles = value);
        binder.setBean(new NewAccount());
        create.addClickListener(click -> create());

        roles.setId("user-roles");
        roles.setItems(Role.values());
        saveRoles.setId("user-save-roles");
        disable.setId("user-disable");
        enable.setId("user-enable");
        resetPassword.setId("user-reset-password");
        unlock.setId("user-unlock");
        selected.setId("user-selected");
        disable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        saveRoles.addClickListener(click -> actOnSelected(() -> accounts.setRoles(actor, current.username(), roles.getValue()), "Roles saved."));
        disable.addClickListener(click -> actOnSelected(() -> accounts.disable(actor, current.username()), "Account disabled."));
        enable.addClickListener(click -> actOnSelected(() -> accounts.enable(actor, current.username()), "Account enabled."));
        unlock.addClickListener(click -> actOnSelected(() -> accounts.unlock(actor, current.username()), "Account unlocked."));
        resetPassword.addClickListener(click -> {
            if (current != null) {
                try {
                    showOneTimePassword(accounts.resetPassword(actor, current.username()));
                } catch (AccountRejectedException | AccountNotFoundException e) {
                    Notices.error(e.getMessage());
                }
                refresh();
            }
        });

        tokens.setId("admin-token-grid");
        tokens.addColumn(ApiTokenInfo::username).setHeader("User").setAutoWidth(true);
        tokens.addColumn(ApiTokenInfo::name).setHeader("Token").setAutoWidth(true);
        tokens.addColumn(t -> Formats.utc(t.createdAt().toInstant())).setHeader("Created").setAutoWidth(true);
        tokens.addColumn(t -> t.lastUsedAt() == null ? "never" : Formats.utc(t.lastUsedAt().toInstant())).setHeader("Last used").setAutoWidth(true);
        tokens.addColumn(t -> t.expiresAt() == null ? "never" : Formats.utc(t.expiresAt().toInstant())).setHeader("Expires").setAutoWidth(true);
        tokens.addColumn(t -> t.revokedAt() != null ? "revoked by " + t.revokedBy() : t.live() ? "live" : "expired").setHeader("Status").setAutoWidth(true);
        tokens.addComponentColumn(token -> {
            Button revoke = new Button("Revoke", click -> act(() -> apiTokens.revoke(actor, token.id()), "Token revoked."));
            revoke.setId("admin-token-revoke-" + token.id());
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.setVisible(token.live());
            return revoke;
        }).setAutoWidth(true);
        tokens.setAllRowsVisible(true);

        lockedAddresses.setId("locked-address-grid");
        lockedAddresses.addColumn(Map.Entry::getKey).setHeader("Client address").setAutoWidth(true);
        lockedAddresses.addColumn(e -> Formats.utc(e.getValue().toInstant())).setHeader("Locked until").setAutoWidth(true);
        lockedAddresses.addComponentColumn(entry -> new Button("Unlock",
                click -> act(() -> throttle.unlockAddress(actor, entry.getKey()), "Address unlocked."))).setAutoWidth(true);
        lockedAddresses.setAllRowsVisible(true);

        HorizontalLayout createForm = new HorizontalLayout(newUsername, newFullName, newRoles, create);
        createForm.setAlignItems(Alignment.BASELINE);
        createForm.setWrap(true);
        HorizontalLayout actions = new HorizontalLayout(saveRoles, disable, enable, resetPassword, unlock);
        actions.setWrap(true);
        add(new H2("Users"), users, new H3("Selected account"), selected, roles, actions,
                new H3("New account"), new Paragraph("The account gets a one-time password, shown once; its owner chooses their own at the first log-in."),
                createForm, new H3("API tokens of all accounts"), tokens,
                new H3("Locked client addresses"), lockedAddresses);
        refresh();
        select(null);
    }

    void refresh() {
        users.setItems(accounts.list());
        tokens.setItems(apiTokens.all());
        lockedAddresses.setItems(throttle.lockedAddresses().entrySet().stream().toList());
    }

    void select(AccountSummary account) {
        current = account;
        boolean any = account != null;
        selected.setText(any ? account.username() + " · " + state(account) : "Select an account in the list.");
        roles.setValue(any ? Set.copyOf(account.roles()) : Set.of());
        roles.setEnabled(any);
        saveRoles.setEnabled(any);
        disable.setEnabled(any && account.enabled());
        enable.setEnabled(any && !account.enabled());
        resetPassword.setEnabled(any);
        unlock.setEnabled(any && (account.locked() || account.failedAttempts() > 0));
    }

    private void create() {
        if (!binder.validate().isOk()) {
            return;
        }
        NewAccount form = binder.getBean();
        try {
            showOneTimePassword(accounts.create(actor, form.username, form.fullName, form.roles));
        } catch (AccountRejectedException e) {
            newUsername.setInvalid(true);
            newUsername.setErrorMessage(e.getMessage());
            return;
        }
        binder.setBean(new NewAccount());
        refresh();
    }

    /** An action on the selected account; nothing without a selection. */
    private void actOnSelected(Runnable action, String done) {
        if (current != null) {
            act(action, done);
        }
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notices.success(done);
        } catch (AccountRejectedException | AccountNotFoundException e) {
            Notices.error(e.getMessage());
        }
        String keep = current == null ? null : current.username();
        refresh();
        select(keep == null ? null : accounts.list().stream().filter(a -> a.username().equals(keep)).findFirst().orElse(null));
    }

    private void showOneTimePassword(AccountService.OneTimePassword password) {
        oneTimeDialog = new SecretDialog("One-time password", "Give it to " + password.username() + " by a safe channel: "
                + "it is shown only now, and they must choose their own password when they first log in with it.",
                "One-time password of " + password.username(), password.password(), "one-time-password", "Done");
    }

    static String state(AccountSummary account) {
        String state = account.enabled() ? "enabled" : "disabled";
        if (account.locked()) {
            state += ", locked";
        }
        if (account.passwordChangeRequired()) {
            state += ", one-time password";
        }
        return state;
    }
}
