package org.medoc.security.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medoc.audit.AuditTrail;
import org.medoc.security.FederatedAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/**
 * A failed OIDC sign-in: recorded in the audit trail and the log, then back to the login page with
 * {@code ?oidc-failed}, which says only that it failed (the reason is for administrators). Spring Security publishes
 * no authentication event for OAuth2 errors, so they are recorded here: a refused account as
 * {@code auth.login-disabled} or {@code auth.login-refused} with its name, a protocol failure (a state that matches no
 * sign-in begun in this session, an ID token with a wrong signature, issuer, audience or nonce, a provider error) as
 * {@code auth.login-failed} with the OAuth2 error code.
 */
final class OidcLoginFailures implements AuthenticationFailureHandler {

    static final String FAILURE_URL = "/login?oidc-failed";
    private static final Logger log = LoggerFactory.getLogger(OidcLoginFailures.class);
    private final AuditTrail audit;
    private final String issuer;

    OidcLoginFailures(AuditTrail audit, String issuer) {
        this.audit = audit;
        this.issuer = issuer;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof MedocOidcUserService.SignInRefused refused) {
            FederatedAccounts.SignInRefusedException why = refused.refusal();
            String action = why.reason() == FederatedAccounts.Refusal.DISABLED ? "auth.login-disabled" : "auth.login-refused";
            log.warn("Refused OIDC sign-in from {} for {}: {}", request.getRemoteAddr(), why.username(), why.getMessage());
            audit.recordAs(AuditTrail.ANONYMOUS, action, "user", why.username(), null, null,
                    "OIDC " + why.reason() + ": " + why.getMessage());
        } else {
            String error = failure instanceof OAuth2AuthenticationException oauth2
                    ? oauth2.getError().getErrorCode() + (oauth2.getError().getDescription() == null ? ""
                    : ": " + oauth2.getError().getDescription())
                    : failure.getClass().getSimpleName() + ": " + failure.getMessage();
            log.warn("Failed OIDC sign-in from {}: {}", request.getRemoteAddr(), error);
            audit.recordAs(AuditTrail.ANONYMOUS, "auth.login-failed", null, null, null, null, "OIDC (" + issuer + ") " + error);
        }
        new DefaultRedirectStrategy().sendRedirect(request, response, FAILURE_URL);
    }
}
