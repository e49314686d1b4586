package org.medoc.archive.access;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * THE rule of who may see which observation and product. Every reader of the catalogue goes through it: the REST API
 * and the views (for the caller), the product chains, the release selection, and the VO services to come. Nowhere
 * else in medoc is an access level compared.
 *
 * <ul>
 *   <li>{@link Reader#ANONYMOUS} visitors see {@link Access#PUBLIC} observations only. Invisible rows are simply
 *       absent (404, not 403), so that their existence does not leak.</li>
 *   <li>{@link Reader#STAFF} (any logged-in role) see everything, embargoed and restricted included: a team works on
 *       its data before its first release.</li>
 *   <li>{@link Reader#CHAIN}: product chains use public observations only, because products are public and name
 *       their inputs (an embargoed image would leak through a DEM map and its provenance).</li>
 *   <li>{@link Reader#RELEASE}: a release is published with a DOI for everyone, so it holds public observations
 *       only; selecting anything else is refused.</li>
 * </ul>
 * Products have no access level of their own and need no check: being made of public observations only (the
 * {@link Reader#CHAIN} rule), every product is public.
 */
public final class Visibility {

    private Visibility() {
    }

    /** An observation's access level, as catalogued ({@code archive.observation.access}). */
    public enum Access {
        PUBLIC, EMBARGOED, RESTRICTED;

        /** The catalogued spelling, e.g. {@code "PUBLIC"}; unknown values are refused. */
        public static Access of(String catalogued) {
            return valueOf(catalogued.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** Who reads the catalogue. */
    public enum Reader { ANONYMOUS, STAFF, CHAIN, RELEASE }

    /** The access levels of observations the reader may see. */
    public static Set<Access> observationsVisibleTo(Reader reader) {
        return switch (reader) {
            case STAFF -> EnumSet.allOf(Access.class);
            case ANONYMOUS, CHAIN, RELEASE -> EnumSet.of(Access.PUBLIC);
        };
    }

    public static boolean mayRead(Reader reader, Access access) {
        return observationsVisibleTo(reader).contains(access);
    }

    /** The reader behind the current request: staff when authenticated with any role, else anonymous. */
    public static Reader caller() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        boolean staff = caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
        return staff ? Reader.STAFF : Reader.ANONYMOUS;
    }
}
