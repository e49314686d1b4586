package org.medoc.security;

/** An account or API token that does not exist (or is not the caller's). */
public class AccountNotFoundException extends RuntimeException {
    public AccountNotFoundException(String message) {
        super(message);
    }
}
