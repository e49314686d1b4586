package org.medoc.security;

import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password chosen by a person must be (OWASP ASVS 5.0 §6.2): at least {@code medoc.security.password-min-length}
 * characters (12 by default, never fewer), not one of the common passwords of {@code common-passwords.txt}, not the
 * user name, and not a few characters repeated. No composition rules (digits, symbols): length is what counts.
 */
@Component
public class PasswordPolicy {

    static final String COMMON_PASSWORDS = "common-passwords.txt";
    private final int minLength;
    private final Set<String> common;

    PasswordPolicy(AccountProperties properties) {
        this.minLength = properties.passwordMinLength();
        this.common = load();
    }

    public int minLength() {
        return minLength;
    }

    /** Why {@code password} is not acceptable for {@code username}, or empty when it is. */
    public Optional<String> problem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            return Optional.of("A password needs at least " + minLength + " characters; a few unrelated words make a good one.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("This password is on the list of commonly used passwords: choose another.");
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("A password must not contain the user name.");
        }
        if (lower.chars().distinct().count() < 5) {
            return Optional.of("A password must not be a few characters repeated.");
        }
        return Optional.empty();
    }

    /** Throws {@link AccountRejectedException} with the reason when the password is not acceptable. */
    public void check(String username, String password) {
        problem(username, password).ifPresent(reason -> {
            throw new AccountRejectedException(reason);
        });
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
