package org.medoc.archive.access;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.access.Visibility.Access;
import org.medoc.archive.access.Visibility.Reader;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one visibility rule: who may see which observation and product. */
class VisibilityTests {

    @AfterEach
    void forgetCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anonymousVisitorsSeePublicObservationsOnly() {
        assertThat(Visibility.observationsVisibleTo(Reader.ANONYMOUS)).containsExactly(Access.PUBLIC);
        assertThat(Visibility.mayRead(Reader.ANONYMOUS, Access.EMBARGOED)).isFalse();
        assertThat(Visibility.mayRead(Reader.ANONYMOUS, Access.RESTRICTED)).isFalse();
    }

    @Test
    void staffSeeEmbargoedAndRestrictedObservations() {
        assertThat(Visibility.observationsVisibleTo(Reader.STAFF)).containsExactlyInAnyOrder(Access.values());
    }

    @Test
    void chainsAndReleasesUsePublicObservationsOnlyBecauseTheirResultsArePublic() {
        assertThat(Visibility.observationsVisibleTo(Reader.CHAIN)).containsExactly(Access.PUBLIC);
        assertThat(Visibility.observationsVisibleTo(Reader.RELEASE)).containsExactly(Access.PUBLIC);
    }

    @Test
    void theCallerIsStaffOnlyWhenAuthenticated() {
        assertThat(Visibility.caller()).isEqualTo(Reader.ANONYMOUS);
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(Visibility.caller()).isEqualTo(Reader.ANONYMOUS);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("archivist",
                null, AuthorityUtils.createAuthorityList("ROLE_ARCHIVIST")));
        assertThat(Visibility.caller()).isEqualTo(Reader.STAFF);
    }

    @Test
    void cataloguedAccessLevelsAreReadStrictly() {
        assertThat(Access.of("EMBARGOED")).isEqualTo(Access.EMBARGOED);
        assertThatThrownBy(() -> Access.of("SECRET")).isInstanceOf(IllegalArgumentException.class);
    }
}
