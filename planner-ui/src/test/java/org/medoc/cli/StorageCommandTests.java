package org.medoc.cli;

import org.junit.jupiter.api.Test;
import org.medoc.archive.storage.StorageCheck;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** {@code medoc storage check [--delete]}: what it prints and the exit code scripts read. */
class StorageCommandTests {

    private final StorageCheck check = mock(StorageCheck.class);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int run(String... arguments) {
        return new StorageCommand(check).run(List.of(arguments), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aReportListsOrphansAndMissingObjectsAndExitsWithOne() throws Exception {
        when(check.run(false)).thenReturn(new StorageCheck.Report(12, List.of("fits/00/orphan.fits"),
                List.of("fits/ab/lost.fits"), 0, List.of(), Map.of("products/", 3L)));

        assertThat(run("check")).isEqualTo(1);

        assertThat(output()).contains("checked 12 objects", "orphan (no record refers to it): fits/00/orphan.fits",
                "missing (a record refers to it): fits/ab/lost.fits", "not checked: 3 objects under products/",
                "1 orphans, 1 missing");
    }

    @Test
    void deletingEveryOrphanOfAConsistentCatalogueExitsWithZero() throws Exception {
        when(check.run(true)).thenReturn(new StorageCheck.Report(5, List.of("fits/00/orphan.fits"), List.of(), 1,
                List.of(), Map.of()));

        assertThat(run("check", "--delete")).isEqualTo(0);

        verify(check).run(true);
        assertThat(output()).contains("1 orphans, 0 missing, 1 orphans deleted");
    }

    @Test
    void anythingButCheckIsAUsageError() {
        assertThat(run("fix")).isEqualTo(2);
        assertThat(output()).contains("usage: medoc storage check [--delete]");
    }
}
