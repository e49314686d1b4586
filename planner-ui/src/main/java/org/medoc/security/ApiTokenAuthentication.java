package org.medoc.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.util.List;

/** An {@code Authorization: Bearer} API token: before authentication the token, after it the owner's account. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final MedocUser owner;
    private String token;

    private ApiTokenAuthentication(String token, MedocUser owner) {
        super(owner == null ? List.of() : owner.getAuthorities());
        this.token = token;
        this.owner = owner;
        setAuthenticated(owner != null);
    }

    static ApiTokenAuthentication unauthenticated(String token) {
        return new ApiTokenAuthentication(token, null);
    }

    static ApiTokenAuthentication authenticated(MedocUser owner, Object details) {
        ApiTokenAuthentication authentication = new ApiTokenAuthentication(null, owner);
        authentication.setDetails(details);
        return authentication;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return owner;
    }

    @Override
    public String getName() {
        return owner == null ? "" : owner.getUsername();
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        token = null;
    }
}
