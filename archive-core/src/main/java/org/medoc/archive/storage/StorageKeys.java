package org.medoc.archive.storage;

import java.util.regex.Pattern;

/**
 * The form of a storage key, compiled once: {@code String.matches} compiles its pattern on every call, and every put
 * and read checks its key (a tenth of the storage's CPU at hundreds of small files a second).
 */
final class StorageKeys {

    static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*");

    private StorageKeys() {
    }
}
