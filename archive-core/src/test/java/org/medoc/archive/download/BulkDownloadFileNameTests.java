package org.medoc.archive.download;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** How a bulk download is named, from the API and from the archive screen alike. */
class BulkDownloadFileNameTests {

    @Test
    void aDownloadIsNamedAfterItsUtcSecondAndItsFormat() {
        Instant at = Instant.parse("2026-12-15T06:07:08.900Z");
        assertThat(BulkDownload.Format.TAR.fileName("medoc-", at)).isEqualTo("medoc-20261215T060708Z.tar");
        assertThat(BulkDownload.Format.ZIP.fileName("medoc_archive_export_", at)).isEqualTo("medoc_archive_export_20261215T060708Z.zip");
    }
}
