package org.medoc.release.packaging;

import org.medoc.archive.download.ArchiveStream;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.release.doi.DataCiteXml;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseDocument;
import org.medoc.release.model.ReleaseFile;
import org.medoc.release.model.ReleaseState;
import org.medoc.release.release.ReleaseService;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A frozen release as a BagIt 1.0 bag named {@code release-<version>/}, SPICE's release directory (§6.3) in BagIt's
 * form: payload under {@code data/level<N>/yyyy/mm/dd/}, and the tag files {@code bagit.txt}, {@code bag-info.txt}
 * (DOI, citation, Payload-Oxum), {@code manifest-sha256.txt}, {@code manifest-sha512.txt}, {@code catalog.csv},
 * {@code release-notes.md}, {@code datacite.xml} and the tag manifests.
 *
 * <p>The tag files are small and computed from the frozen file list, so a bag's manifests are known before a byte of
 * payload is sent; the payload is streamed from storage file by file and re-verified on the way
 * ({@link ArchiveStream}): any size, bounded memory. The tag files depend only on what cannot change after
 * publication (the datacite.xml inside the bag leaves out the link to a later version), so every download of a
 * published release carries the same manifests.
 */
@Service
public class ReleasePackage {

    public static final List<String> TAG_FILES = List.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt",
            "manifest-sha512.txt", "catalog.csv", "release-notes.md", "datacite.xml", "tagmanifest-sha256.txt",
            "tagmanifest-sha512.txt");
    private final ReleaseService releases;
    private final ArchiveStore store;

    public ReleasePackage(ReleaseService releases, ArchiveStore store) {
        this.releases = releases;
        this.store = store;
    }

    /** The bag's directory name, e.g. release-2.0. */
    public static String root(Release release) {
        return "release-" + release.version();
    }

    /** The tag files in bag order, by name. Only for releases whose file list is frozen. */
    public Map<String, byte[]> tagFiles(Release release) {
        if (release.state() == ReleaseState.DRAFT) {
            throw new IllegalStateException("release " + release.label() + " is a draft: it has no package yet");
        }
        ReleaseDocument full = releases.document(release);
        // the bag keeps what was true at publication: no link to a later version
        ReleaseDocument document = new ReleaseDocument(release, full.collection(), full.previous(), null, full.landingUrl(),
                full.collectionUrl(), full.conceptUrl(), full.conceptIdentifier(), full.conceptIsDoi());
        List<ReleaseFile> files = releases.files(release);
        Map<String, byte[]> tags = new LinkedHashMap<>();
        tags.put("bagit.txt", BagIt.declaration());
        List<Map.Entry<String, String>> sha256 = new ArrayList<>();
        List<Map.Entry<String, String>> sha512 = new ArrayList<>();
        long bytes = 0;
        for (ReleaseFile file : files) {
            sha256.add(new SimpleEntry<>(file.packagePath(), file.sha256()));
            sha512.add(new SimpleEntry<>(file.packagePath(), file.sha512()));
            bytes += file.sizeBytes();
        }
        String coverage = releases.coverage(release).orElse(null);
        List<Map.Entry<String, String>> info = new ArrayList<>();
        info.add(new SimpleEntry<>("Source-Organization", release.metadata().publisher() == null ? null : release.metadata().publisher().name()));
        info.add(new SimpleEntry<>("External-Identifier", release.hasDoi() ? "doi:" + release.identifier() : release.identifier()));
        info.add(new SimpleEntry<>("External-Description", release.metadata().title()));
        info.add(new SimpleEntry<>("Bagging-Date", release.frozenAt().atOffset(ZoneOffset.UTC).toLocalDate().toString()));
        info.add(new SimpleEntry<>("Bag-Group-Identifier", release.collection()));
        info.add(new SimpleEntry<>("Internal-Sender-Identifier", release.collection() + "/" + release.version()));
        info.add(new SimpleEntry<>("Payload-Oxum", bytes + "." + files.size()));
        info.add(new SimpleEntry<>("Bag-Size", BagIt.humanSize(bytes)));
        info.add(new SimpleEntry<>("Citation", document.citation()));
        info.add(new SimpleEntry<>("Landing-Page", document.landingUrl()));
        if (!release.hasDoi()) {
            info.add(new SimpleEntry<>("Identifier-Note", "local identifier, not a DOI: no DOI is registered for this release"));
        }
        tags.put("bag-info.txt", BagIt.info(info));
        tags.put("manifest-sha256.txt", BagIt.manifest(sha256));
        tags.put("manifest-sha512.txt", BagIt.manifest(sha512));
        tags.put("catalog.csv", CatalogCsv.write(full.collection().catalogFormat(), files));
        tags.put("release-notes.md", ReleaseNotes.markdown(document, document.citation()).getBytes(StandardCharsets.UTF_8));
        tags.put("datacite.xml", DataCiteXml.write(document, coverage).getBytes(StandardCharsets.UTF_8));
        for (String algorithm : BagIt.ALGORITHMS) {
            List<Map.Entry<String, String>> tagSums = new ArrayList<>();
            tags.forEach((name, content) -> {
                if (!name.startsWith("tagmanifest-")) {
                    tagSums.add(new SimpleEntry<>(name, BagIt.digest(algorithm, content)));
                }
            });
            tags.put("tagmanifest-" + algorithm + ".txt", BagIt.manifest(tagSums));
        }
        return tags;
    }

    public Optional<byte[]> tagFile(Release release, String name) {
        return Optional.ofNullable(tagFiles(release).get(name));
    }

    /** Streams the whole bag as a tar or zip, tag files first, then each payload file re-verified from storage. */
    public void write(Release release, ArchiveStream.Format format, OutputStream target) throws IOException {
        Map<String, byte[]> tags = tagFiles(release);
        String root = root(release) + "/";
        ArchiveStream archive = new ArchiveStream(format, target, store);
        for (Map.Entry<String, byte[]> tag : tags.entrySet()) {
            archive.addBytes(root + tag.getKey(), tag.getValue());
        }
        for (ReleaseFile file : releases.files(release)) {
            archive.addStored(root + file.packagePath(), file.storageKey(), file.sizeBytes(), file.sha256(),
                    file.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + file.itemId() + " (" + file.packagePath() + ")");
        }
        archive.finish();
    }
}
