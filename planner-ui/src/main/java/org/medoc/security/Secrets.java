package org.medoc.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random passwords and tokens, and the digest under which tokens are stored. */
final class Secrets {

    // no look-alike characters (0/O, 1/l/I): one-time passwords are read off a screen or a log and typed by hand
    private static final String READABLE = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final String TOKEN_PREFIX = "medoc_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 16 readable characters: about 94 bits. */
    static String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(READABLE.charAt(RANDOM.nextInt(READABLE.length())));
        }
        return password.toString();
    }

    /** {@code medoc_} and 32 random bytes in URL-safe Base64 (256 bits: a plain SHA-256 is enough to store it). */
    static String apiToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
