package org.medoc.security;

/** An account change refused because of what was asked (a weak password, a bad user name, the last administrator...). */
public class AccountRejectedException extends RuntimeException {
    public AccountRejectedException(String message) {
        super(message);
    }
}
