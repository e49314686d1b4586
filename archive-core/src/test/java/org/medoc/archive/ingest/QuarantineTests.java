package org.medoc.archive.ingest;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.archive.ArchiveTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.db.jooq.archive.Tables.OBSERVATION;
import static org.medoc.db.jooq.archive.Tables.QUARANTINE;

/** Damaged copies of the real sample files go to quarantine with a precise reason and never into the catalogue. */
@SpringBootTest(classes = ArchiveTestApplication.class)
class QuarantineTests {

    @Autowired IngestService ingest;
    @Autowired DSLContext dsl;
    @TempDir Path dir;

    private byte[] sample(String name) throws IOException {
        return Files.readAllBytes(ArchiveTestApplication.sampleFits().resolve(name));
    }

    private IngestOutcome ingestBytes(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        int catalogued = dsl.fetchCount(OBSERVATION);
        IngestOutcome outcome = ingest.ingestFile(file, name, "test");
        assertThat(dsl.fetchCount(OBSERVATION)).as("no catalogue row for a rejected file").isEqualTo(catalogued);
        return outcome;
    }

    private static void assertQuarantined(IngestOutcome outcome, String reasonStart) {
        assertThat(outcome.status()).isEqualTo(IngestOutcome.Status.QUARANTINED);
        assertThat(outcome.reason()).startsWith(reasonStart);
    }

    @Test
    void truncatedFileIsQuarantined() throws IOException {
        byte[] aia = sample("aia_171_level1.fits");
        assertQuarantined(ingestBytes("truncated.fits", Arrays.copyOf(aia, aia.length - 2880 * 3)), "truncated: data unit shorter than NAXIS implies");
    }

    @Test
    void headerWithoutEndCardIsQuarantined() throws IOException {
        byte[] eit = sample("efz20040301.000010_s.fits");
        byte[] headerOnly = Arrays.copyOf(eit, 2880);
        String text = new String(headerOnly, StandardCharsets.US_ASCII).replace("END     ", "        ");
        assertQuarantined(ingestBytes("no-end.fits", text.getBytes(StandardCharsets.US_ASCII)), "no END card");
    }

    @Test
    void corruptedDataIsCaughtByItsDatasum() throws IOException {
        byte[] bitmap = sample("hmi.sharp_cea_720s.377.20110215_020000_TAI.bitmap.fits").clone();
        bitmap[bitmap.length - 3000] ^= 0x5A;
        assertQuarantined(ingestBytes("corrupted.fits", bitmap), "DATASUM mismatch");
    }

    @Test
    void emptyFileIsQuarantined() throws IOException {
        assertQuarantined(ingestBytes("empty.fits", new byte[0]), "empty file (0 bytes)");
    }

    @Test
    void textFileIsNotFits() throws IOException {
        byte[] text = "SIMPLE? no, this is a README\n".repeat(200).getBytes(StandardCharsets.US_ASCII);
        assertQuarantined(ingestBytes("readme.fits", text), "not a FITS file");
    }

    @Test
    void headerClaimingEightyGigabytesIsRefusedBeforeReading() throws IOException {
        StringBuilder header = new StringBuilder();
        for (String card : List.of("SIMPLE  =                    T", "BITPIX  =                  -64",
                "NAXIS   =                    2", "NAXIS1  =               100000", "NAXIS2  =               100000",
                "INSTRUME= 'AIA_3   '", "DATE-OBS= '2011-02-15T00:00:00'", "END")) {
            header.append(String.format("%-80s", card));
        }
        while (header.length() % 2880 != 0) {
            header.append(' ');
        }
        byte[] file = Arrays.copyOf(header.toString().getBytes(StandardCharsets.US_ASCII), 5760);
        IngestOutcome outcome = ingestBytes("huge.fits", file);
        assertThat(outcome.status()).isEqualTo(IngestOutcome.Status.QUARANTINED);
        assertThat(outcome.reason()).containsAnyOf("truncated", "exceeds the limit");
    }

    @Test
    void fileThatCannotBePlacedInTimeIsQuarantined() throws IOException {
        byte[] eit = sample("efz20040301.000010_s.fits").clone();
        String header = new String(eit, 0, 2880 * 2, StandardCharsets.US_ASCII)
                .replace("DATE-OBS=", "XDATEOBS=").replace("DATE_OBS=", "XDATE_OB=");
        byte[] replaced = header.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(replaced, 0, eit, 0, replaced.length);
        assertQuarantined(ingestBytes("timeless.fits", eit), "FITS header lacks DATE-BEG/DATE-OBS/DATE_OBS/T_OBS");
    }

    @Test
    void quarantiningTheSameBytesTwiceKeepsOneRecord() throws IOException {
        byte[] junk = "not fits at all, twice".getBytes(StandardCharsets.US_ASCII);
        ingestBytes("junk-1.bin", junk);
        IngestOutcome second = ingestBytes("junk-2.bin", junk);
        assertQuarantined(second, "not a FITS file");
        assertThat(dsl.fetchCount(QUARANTINE, QUARANTINE.SHA256.eq(second.sha256()))).isEqualTo(1);
    }

    @Test
    void aBadFileDoesNotStopTheBatch() throws IOException {
        Path batch = Files.createDirectories(dir.resolve("batch"));
        Files.write(batch.resolve("a-broken.fits"), "garbage".getBytes(StandardCharsets.US_ASCII));
        Files.copy(ArchiveTestApplication.sampleFits().resolve("hmi_continuum_test_lowres_data.fits"), batch.resolve("b-good.fits"));
        IngestReport report = ingest.ingest(List.of(batch), "test");
        assertThat(report.outcomes()).hasSize(2);
        assertThat(report.quarantined()).isEqualTo(1);
        assertThat(report.ingested() + report.skipped()).isEqualTo(1);
    }
}
