package org.medoc.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.TestData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real sample files the build packs into the application for the demo, against testdata/fits. */
class DemoSamplesTests {

    @Test
    void thePackagedIndexListsExactlyTheFitsFilesOfTestdata() throws Exception {
        List<String> testdata;
        try (var files = Files.list(TestData.fits())) {
            testdata = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".fits")).sorted().toList();
        }
        assertThat(testdata).hasSize(17);
        assertThat(DemoSamples.names()).containsExactlyElementsOf(testdata);
    }

    @Test
    void extractionGivesByteIdenticalCopiesOfTestdata(@TempDir Path directory) throws Exception {
        Path samples = directory.resolve("demo/samples");
        List<Path> extracted = DemoSamples.extract(samples);
        assertThat(extracted).hasSize(DemoSamples.names().size())
                .allSatisfy(file -> assertThat(file.getParent()).isEqualTo(samples));
        for (Path file : extracted) {
            assertThat(Files.mismatch(file, TestData.fits(file.getFileName().toString())))
                    .as("first differing byte of %s", file.getFileName()).isEqualTo(-1L);
        }
    }

    @Test
    void extractingAgainReplacesAnAlteredCopy(@TempDir Path directory) throws Exception {
        Path altered = DemoSamples.extract(directory).getFirst();
        Files.writeString(altered, "not the sample any more");
        DemoSamples.extract(directory);
        assertThat(Files.mismatch(altered, TestData.fits(altered.getFileName().toString()))).isEqualTo(-1L);
    }
}
