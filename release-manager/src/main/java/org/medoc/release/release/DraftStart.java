package org.medoc.release.release;

import org.medoc.release.model.CatalogFormat;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.SelectionRules;

/**
 * How a new draft release starts: titled "&lt;collection title&gt; Data Release &lt;version&gt;" (the collection code when the
 * collection has no title yet), with no publication year (the year of publication is filled in at publication) and an
 * empty selection.
 */
public final class DraftStart {

    private DraftStart() {
    }

    /** The draft to create; codes, titles and the version are trimmed, a blank collection title is no title. */
    public static ReleaseService.NewDraft of(String collection, String collectionTitle, CatalogFormat format, String version) {
        String code = collection == null ? "" : collection.strip();
        String title = collectionTitle == null || collectionTitle.isBlank() ? null : collectionTitle.strip();
        String number = version == null ? "" : version.strip();
        ReleaseMetadata metadata = ReleaseMetadata.empty().withTitle((title == null ? code : title) + " Data Release " + number)
                .withPublicationYear(null);
        return new ReleaseService.NewDraft(code, title, format, number, metadata, SelectionRules.none());
    }
}
