package org.medoc.release.model;

import java.util.Map;

/**
 * One file of a release: (kind, id, storage key, sha256, size, path in the package). The path is relative to the
 * bag root and always starts with {@code data/}; the catalogue row is what catalog.csv will say about the file.
 *
 * @param sha512 filled when the file is frozen (the freeze re-reads every file), null in a draft's preview
 */
public record ReleaseFile(FileKind kind, long itemId, String storageKey, String sha256, String sha512, long sizeBytes,
                          String packagePath, String mediaType, Map<String, String> catalogRow) {

    public ReleaseFile {
        catalogRow = catalogRow == null ? Map.of() : catalogRow;
    }

    public String fileName() {
        return packagePath.substring(packagePath.lastIndexOf('/') + 1);
    }

    /** The directory within the package, e.g. data/level2/2022/03/08 (SPICE's FILE_PATH). */
    public String directory() {
        return packagePath.substring(0, packagePath.lastIndexOf('/'));
    }

    public ReleaseFile withSha512(String value) {
        return new ReleaseFile(kind, itemId, storageKey, sha256, value, sizeBytes, packagePath, mediaType, catalogRow);
    }
}
