package org.medoc.archive.storage;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A feature that keeps objects in the {@link ArchiveStore} under key prefixes of its own and records them in its
 * tables: the storage check asks each owner which objects its records refer to. A feature that stores objects
 * registers one as a Spring bean; objects under a prefix no owner claims are reported, never deleted.
 */
public interface StoredObjectOwner {

    /** The key prefixes this owner's objects live under, e.g. {@code "fits/"}. */
    Set<String> prefixes();

    /** Of the given keys (under this owner's prefixes), those a record refers to. */
    Set<String> referenced(Collection<String> keys);

    /** Calls {@code each} with every key a record refers to (streamed: there may be millions). */
    void forEachReferenced(Consumer<String> each);

    /**
     * Of the given keys, the SHA-256 the records hold for their objects (lower-case hexadecimal), for the keys whose
     * records hold one: {@code medoc storage migrate} refuses to copy an object whose bytes no longer match it. An owner
     * that records no hashes keeps the default; its objects are then copied as they are and verified against the
     * hash of the bytes read.
     */
    default Map<String, String> recordedSha256(Collection<String> keys) {
        return Map.of();
    }
}
