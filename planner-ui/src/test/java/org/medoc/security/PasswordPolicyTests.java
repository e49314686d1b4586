package org.medoc.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The password policy, without the application: length, the common-password list, the user name, repetition. */
class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy(new AccountProperties(12, 10, 5, 20, Duration.ofMinutes(15),
            Duration.ofMinutes(15), Duration.ofMillis(200), Duration.ofSeconds(2), List.of()));

    @Test
    void elevenCharactersAreTooFewAndTwelveAreEnough() {
        assertThat(policy.problem("alice", "solar-flare")).hasValueSatisfying(p -> assertThat(p).contains("at least 12"));
        assertThat(policy.problem("alice", "solar-flares")).isEmpty();
    }

    @Test
    void aCommonPasswordIsRefusedWhateverItsCase() {
        assertThat(policy.problem("alice", "1qaz2wsx3edc")).hasValueSatisfying(p -> assertThat(p).contains("commonly used"));
        assertThat(policy.problem("alice", "PasswordPassword")).hasValueSatisfying(p -> assertThat(p).contains("commonly used"));
    }

    @Test
    void aPasswordContainingTheUserNameIsRefused() {
        assertThat(policy.problem("archivist", "my-Archivist-2026")).hasValueSatisfying(p -> assertThat(p).contains("user name"));
    }

    @Test
    void aFewCharactersRepeatedAreRefused() {
        assertThat(policy.problem("alice", "abababababababab")).hasValueSatisfying(p -> assertThat(p).contains("repeated"));
    }

    @Test
    void checkThrowsWithTheReason() {
        assertThatThrownBy(() -> policy.check("alice", "short")).isInstanceOf(AccountRejectedException.class)
                .hasMessageContaining("at least 12");
    }

    @Test
    void theMinimumLengthCannotBeConfiguredBelowTwelve() {
        assertThatThrownBy(() -> new AccountProperties(8, 10, 5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15),
                Duration.ofMillis(200), Duration.ofSeconds(2), List.of())).hasMessageContaining("at least 12");
    }
}
