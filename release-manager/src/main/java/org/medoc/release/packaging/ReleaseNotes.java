package org.medoc.release.packaging;

import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseDocument;
import org.medoc.release.model.ReleaseMetadata;

import java.time.ZoneOffset;

/**
 * Release notes in Markdown, generated from the metadata after the sections of SPICE's release notes
 * (ARCHIVE_AND_RELEASES.md §6.2): header with the DOI (and the {@code DC.Identifier} meta tag SPICE embeds), access,
 * content, citation and acknowledgements, licence. A release manager may replace them with edited text while the
 * release is a draft. Without a DOI the notes say so plainly.
 */
public final class ReleaseNotes {
    private ReleaseNotes() {
    }

    public static String markdown(ReleaseDocument document, String citation) {
        Release release = document.release();
        if (release.releaseNotes() != null) {
            return release.releaseNotes();
        }
        ReleaseMetadata metadata = release.metadata();
        StringBuilder md = new StringBuilder();
        if (release.hasDoi()) {
            md.append("<meta name=\"DC.Identifier\" scheme=\"doi\" content=\"").append(release.identifier()).append("\">\n\n");
        }
        md.append("# ").append(orDash(metadata.title())).append("\n\n");
        md.append("* Creators: ").append(String.join("; ", document.creatorNames())).append('\n');
        if (metadata.publisher() != null) {
            md.append("* Publisher: ").append(metadata.publisher().name()).append('\n');
        }
        md.append("* Version: ").append(release.version()).append('\n');
        if (release.publishedAt() != null) {
            md.append("* Date: ").append(release.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate()).append('\n');
        }
        if (release.hasDoi()) {
            md.append("* DOI: [").append(release.identifier()).append("](https://doi.org/").append(release.identifier()).append(")\n");
        } else {
            md.append("* Identifier: ").append(release.identifier())
                    .append(" (a local identifier: no DOI is registered for this release)\n");
        }
        md.append("\n## Access to the data\n\n");
        md.append("* This release: ").append(document.landingUrl()).append('\n');
        md.append("* All releases of this collection: ").append(document.collectionUrl()).append('\n');
        md.append("* Files: ").append(document.landingUrl()).append("/files/ (catalogue: catalog.csv)\n");
        if (metadata.description() != null) {
            md.append("\n## Description\n\n").append(metadata.description().strip()).append('\n');
        }
        md.append("\n## Content\n\n");
        if (metadata.contents() != null) {
            md.append(metadata.contents().strip()).append("\n\n");
        }
        if (release.fileCount() != null) {
            md.append(release.fileCount()).append(" files, ").append(release.totalBytes()).append(" bytes, listed in catalog.csv ")
                    .append("with their SHA-256. The package is a BagIt 1.0 bag (RFC 8493): manifest-sha256.txt and ")
                    .append("manifest-sha512.txt let anyone verify every file.\n");
        }
        md.append("\n## Citation and acknowledgements\n\n");
        md.append("Please cite this release as:\n\n> ").append(citation).append('\n');
        if (metadata.acknowledgement() != null) {
            md.append('\n').append(metadata.acknowledgement().strip()).append('\n');
        }
        if (metadata.license() != null && metadata.license().identifier() != null) {
            md.append("\n## Licence\n\n").append(metadata.license().name() != null ? metadata.license().name() : metadata.license().identifier());
            if (metadata.license().uri() != null) {
                md.append(" (").append(metadata.license().uri()).append(')');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "(untitled release)" : text;
    }
}
