package org.medoc.ui.golf;

import org.medoc.ops.golf.GolfNotFoundException;
import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.ui.base.Notices;
import org.springframework.security.core.context.SecurityContextHolder;

/** What every GOLF screen does around a write: who is acting, and a refusal shown as an error notice. */
final class GolfActions {

    private GolfActions() {
    }

    /** Whether the user may change GOLF operations (operators and administrators, as the API allows); others read. */
    static boolean operates(com.vaadin.flow.spring.security.AuthenticationContext authentication) {
        return authentication.hasAnyRole("GOLF_OPERATOR", "ADMIN");
    }

    /** The logged-in operator's user name, recorded with what they do. */
    static String user() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    /** Runs a GOLF write; a refusal (rule, workflow state, unknown item) becomes an error notice naming what is wrong. */
    static boolean attempt(Runnable write) {
        try {
            write.run();
            return true;
        } catch (GolfRejectedException | GolfNotFoundException e) {
            Notices.error(e.getMessage());
            return false;
        }
    }
}
