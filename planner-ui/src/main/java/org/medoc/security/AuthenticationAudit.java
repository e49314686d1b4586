package org.medoc.security;

import org.medoc.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Logins, refused logins and logouts in the audit trail, from Spring Security's authentication events.
 *
 * <p>A login is an interactive one (the login page); an API call authenticated by HTTP Basic is not recorded as a
 * login, since every such call authenticates again and would bury the trail. Every refused authentication is
 * recorded, the API's included: repeated refusals for one name are what an administrator looks for. The refused
 * name is the object, never the actor (the caller has not proven who they are), and no password is ever recorded.
 */
@Component
class AuthenticationAudit {

    private final AuditTrail audit;

    AuthenticationAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        String user = event.getAuthentication().getName();
        audit.recordAs(user, "auth.login", "user", user, null, null, null);
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        String action = switch (event) {
            case AuthenticationFailureLockedEvent locked -> "auth.login-locked";
            case AuthenticationFailureDisabledEvent disabled -> "auth.login-disabled";
            default -> "auth.login-failed";
        };
        audit.recordAs(AuditTrail.ANONYMOUS, action, "user", event.getAuthentication().getName(), null, null,
                event.getException().getClass().getSimpleName() + ": " + event.getException().getMessage());
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        String user = event.getAuthentication().getName();
        audit.recordAs(user, "auth.logout", "user", user, null, null, null);
    }
}
