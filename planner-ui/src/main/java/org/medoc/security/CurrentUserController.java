package org.medoc.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/v1/me}: who the API takes the caller for, so scripts can check their credentials. */
@RestController
public class CurrentUserController {

    /** The caller's account name, display name and roles (without the {@code ROLE_} prefix). */
    public record CurrentUser(String username, String displayName, List<String> roles) {}

    @GetMapping("/api/v1/me")
    public CurrentUser me(Authentication authentication) {
        String displayName = authentication.getPrincipal() instanceof MedocUser user
                ? user.displayName() : authentication.getName();
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .toList();
        return new CurrentUser(authentication.getName(), displayName, roles);
    }
}
