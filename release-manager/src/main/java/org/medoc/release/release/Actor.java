package org.medoc.release.release;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is changing a release. Every change needs the RELEASE_MANAGER role, checked here as well as by the web
 * security, so that the Vaadin views, the REST API and batch commands obey one rule.
 */
public final class Actor {
    public static final String ROLE = "ROLE_RELEASE_MANAGER";

    private Actor() {
    }

    /** The caller's user name; throws AccessDeniedException (403) unless a release manager is logged in. */
    public static String requireReleaseManager() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
            throw new AccessDeniedException("changing a release needs a logged-in release manager");
        }
        boolean allowed = caller.getAuthorities().stream().anyMatch(authority -> ROLE.equals(authority.getAuthority()));
        if (!allowed) {
            throw new AccessDeniedException(caller.getName() + " lacks the RELEASE_MANAGER role needed to change releases");
        }
        return caller.getName();
    }

    /** True when the caller may see drafts and frozen releases (release managers). */
    public static boolean mayReadUnpublished() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)
                && caller.getAuthorities().stream().anyMatch(authority -> ROLE.equals(authority.getAuthority()));
    }
}
