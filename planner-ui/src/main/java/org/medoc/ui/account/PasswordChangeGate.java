package org.medoc.ui.account;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.medoc.security.AccountService;
import org.medoc.security.MedocUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;


/**
 * Keeps a user who logged in with a one-time password on {@link ChangePasswordView} until they have chosen their own
 * password: every other view reroutes there. Only a session whose user had a one-time password at log-in asks the
 * database, so everyone else's navigation costs nothing.
 */
// the web UI only: batch commands (medoc ingest ...) start without Vaadin and its AuthenticationContext
@Component
@ConditionalOnWebApplication
class PasswordChangeGate implements VaadinServiceInitListener {

    private final AccountService accounts;

    private final AuthenticationContext authentication;

    PasswordChangeGate(AccountService accounts, AuthenticationContext authentication) {
        this.accounts = accounts;
        this.authentication = authentication;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    void check(BeforeEnterEvent event) {
        if (event.getNavigationTarget() == ChangePasswordView.class
                || event.getNavigationTarget().getPackageName().startsWith("org.medoc.ui.login")) {
            return;
        }
        authentication.getAuthenticatedUser(Object.class)
                .filter(MedocUser.class::isInstance).map(MedocUser.class::cast)
                .filter(MedocUser::passwordChangeRequired)
                .filter(user -> accounts.passwordChangeRequired(user.getUsername()))
                .ifPresent(user -> event.rerouteTo(ChangePasswordView.class));
    }
}
