package org.medoc.release.packaging;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tag-file formats of RFC 8493, line by line. */
class BagItTests {

    @Test
    void theDeclarationIsExactlyTheTwoLinesOfSection211() {
        assertThat(new String(BagIt.declaration(), StandardCharsets.UTF_8))
                .isEqualTo("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
    }

    @Test
    void manifestLinesAreChecksumSpacePathWithPercentCrAndLfEncoded() {
        byte[] manifest = BagIt.manifest(List.of(Map.entry("data/a b.fits", "ab12"), Map.entry("data/100%\nx\r.fits", "cd34")));
        assertThat(new String(manifest, StandardCharsets.UTF_8)).isEqualTo("ab12 data/a b.fits\ncd34 data/100%25%0Ax%0D.fits\n");
    }

    @Test
    void bagInfoValuesAreSingleLinesAndEmptyOnesAreLeftOut() {
        byte[] info = BagIt.info(List.of(Map.entry("External-Description", "two\r\n  lines"), Map.entry("Source-Organization", " "),
                Map.entry("Payload-Oxum", "279164.3")));
        assertThat(new String(info, StandardCharsets.UTF_8)).isEqualTo("External-Description: two lines\nPayload-Oxum: 279164.3\n");
    }

    @Test
    void digestsAreLowerCaseHexOfTheNamedAlgorithm() {
        // FIPS 180-2 test vector "abc"
        assertThat(BagIt.digest("sha256", "abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(BagIt.digest("sha512", "abc".getBytes(StandardCharsets.US_ASCII))).startsWith("ddaf35a193617aba").hasSize(128);
    }

    @Test
    void bagSizeIsWrittenInDecimalUnits() {
        assertThat(BagIt.humanSize(999)).isEqualTo("999 B");
        assertThat(BagIt.humanSize(1_234_567)).isEqualTo("1.2 MB");
        assertThat(BagIt.humanSize(5_000_000_000_000L)).isEqualTo("5.0 TB");
    }
}
