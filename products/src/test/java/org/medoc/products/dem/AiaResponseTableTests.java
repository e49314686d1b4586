package org.medoc.products.dem;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The AIA response table shipped with the DEM product against the reference table of testdata/aia. */
class AiaResponseTableTests {

    /** The header line and the data rows, without the # comments (the shipped copy adds its provenance there). */
    private static List<String> rows(String csv) {
        return csv.lines().filter(line -> !line.startsWith("#")).toList();
    }

    @Test
    void theShippedTableHoldsExactlyTheRowsOfTheReferenceTable() throws Exception {
        String configured = System.getProperty("medoc.testdata");
        Path testdata = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../testdata");
        String reference = Files.readString(testdata.resolve("aia/aia_tresp_en.csv"));
        String shipped;
        try (InputStream in = AiaResponseTableTests.class.getResourceAsStream("aia_tresp_en.csv")) {
            assertThat(in).as("the table on the classpath next to the DEM code").isNotNull();
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(rows(reference)).hasSize(102).first().isEqualTo("log_t,A94,A131,A171,A193,A211,A335");
        assertThat(rows(shipped)).isEqualTo(rows(reference));
    }
}
