package org.medoc.archive.ingest;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.archive.catalogue.KeywordFilter;
import org.medoc.archive.catalogue.ObservationDetail;
import org.medoc.archive.catalogue.ObservationQuery;
import org.medoc.archive.catalogue.ObservationSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.db.jooq.archive.Tables.OBSERVATION;
import static org.medoc.db.jooq.archive.Tables.QUARANTINE;

@SpringBootTest(classes = ArchiveTestApplication.class)
class IngestServiceTests {

    @Autowired IngestService ingest;
    @Autowired CatalogueService catalogue;
    @Autowired DSLContext dsl;

    @BeforeEach
    void ingestSharedSamples() throws IOException {
        ingest.ingest(List.of(ArchiveTestApplication.sampleFits()), "test");
    }

    private ObservationDetail byName(String fileName) {
        long id = dsl.select(OBSERVATION.ID).from(OBSERVATION).where(OBSERVATION.FILE_NAME.eq(fileName)).fetchSingle().value1();
        return catalogue.detail(id).orElseThrow();
    }

    @Test
    void everySampleFileOfEveryMissionIsCatalogued() throws IOException {
        List<String> checksums;
        try (var list = Files.list(ArchiveTestApplication.sampleFits())) {
            checksums = list.filter(p -> p.toString().endsWith(".fits")).map(IngestServiceTests::sha256).toList();
        }
        assertThat(checksums).hasSize(17);
        // other test classes share this database: look only at the sample files' own content
        assertThat(dsl.fetchCount(OBSERVATION, OBSERVATION.SHA256.in(checksums))).isEqualTo(checksums.size());
        assertThat(dsl.fetchCount(QUARANTINE, QUARANTINE.SHA256.in(checksums))).isZero();
        Map<String, Long> byInstrument = dsl.select(OBSERVATION.INSTRUMENT).from(OBSERVATION)
                .where(OBSERVATION.SHA256.in(checksums)).fetch(OBSERVATION.INSTRUMENT)
                .stream().collect(Collectors.groupingBy(i -> i, Collectors.counting()));
        assertThat(byInstrument).containsOnly(Map.entry("AIA", 2L), Map.entry("HMI", 11L), Map.entry("EIT", 1L),
                Map.entry("MDI", 1L), Map.entry("SPICE", 2L));
    }

    private static String sha256(Path file) {
        try {
            return org.medoc.archive.storage.Sha256.of(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aiaLevelOneHeaderIsNormalised() {
        ObservationSummary aia = byName("aia_171_level1.fits").summary();
        assertThat(aia.mission()).isEqualTo("SDO");
        assertThat(aia.instrument()).isEqualTo("AIA");
        assertThat(aia.detector()).isEqualTo("AIA");
        assertThat(aia.wavelength()).isEqualTo(171.0);
        assertThat(aia.dateObs()).isEqualTo(Instant.parse("2011-02-15T00:00:00.340Z"));
        // DATE-OBS + EXPTIME 2.000191 s
        assertThat(aia.dateEnd()).isEqualTo(Instant.parse("2011-02-15T00:00:02.340191Z"));
        assertThat(aia.exposure()).isEqualTo(2.000191);
        assertThat(aia.level()).isEqualTo("1");
        assertThat(aia.imageWidth()).isEqualTo(128);
        assertThat(aia.imageHeight()).isEqualTo(128);
        assertThat(aia.previewUrl()).isNotNull();
    }

    @Test
    void wcsAndObserverOfAiaAreKept() {
        Map<String, Object> n = byName("aia_171_level1.fits").normalised();
        assertThat(n.get("ctype1")).isEqualTo("HPLN-TAN");
        assertThat(n.get("ctype2")).isEqualTo("HPLT-TAN");
        assertThat((Double) n.get("crotaDegrees")).isEqualTo(0.019413);
        assertThat((Double) n.get("dsunObsMetres")).isGreaterThan(1.4e11).isLessThan(1.5e11);
        assertThat(n.get("rsunObsArcsec")).isNotNull();
    }

    @Test
    void tileCompressedAiaCutoutIsReadFromItsExtension() {
        ObservationDetail cutout = byName("aia_171_cutout.fits");
        assertThat(cutout.summary().instrument()).isEqualTo("AIA");
        assertThat(cutout.summary().imageWidth()).isEqualTo(769);
        assertThat(cutout.summary().imageHeight()).isEqualTo(705);
        assertThat(cutout.summary().dateObs()).isEqualTo(Instant.parse("2013-03-10T12:00:11.341Z"));
        assertThat(cutout.normalised().get("compressed")).isEqualTo(true);
    }

    @Test
    void sharpFilesCarryTheirHarpNumber() {
        List<Integer> harps = dsl.select(OBSERVATION.HARPNUM).from(OBSERVATION)
                .where(OBSERVATION.FILE_NAME.startsWith("hmi.sharp_cea_720s.377")).fetch(OBSERVATION.HARPNUM);
        assertThat(harps).hasSize(9).containsOnly(377);
        ObservationSummary br = byName("hmi.sharp_cea_720s.377.20110215_020000_TAI.Br.fits").summary();
        assertThat(br.mission()).isEqualTo("SDO");
        assertThat(br.instrument()).isEqualTo("HMI");
        assertThat(br.wavelength()).isEqualTo(6173.0);
        assertThat(br.dateObs()).isEqualTo(Instant.parse("2011-02-15T01:58:12.300Z"));
        assertThat(br.imageWidth()).isEqualTo(744);
        assertThat(br.imageHeight()).isEqualTo(377);
    }

    @Test
    void spiceFilesCarryTheirPlanningKeys() {
        Map<String, Object> raster = byName("solo_L2_spice-n-ras-db_20200602T081733_V01_12583760-000.fits").normalised();
        assertThat(raster.get("spiobsid")).isEqualTo(12583760L);
        assertThat(raster.get("studyId")).isEqualTo(33L);
        // commissioning files say "MISSING (Study Set and/or IORs not available during commissioning)"
        assertThat(raster.get("study")).isNull();
        assertThat(raster.get("soopname")).isNull();

        ObservationDetail sitAndStare = byName("solo_L2_spice-n-sit_20200620T235901_V01_16777431-000.fits");
        assertThat(sitAndStare.normalised().get("spiobsid")).isEqualTo(16777431L);
        assertThat(sitAndStare.normalised().get("studyId")).isEqualTo(57L);
        assertThat(sitAndStare.normalised().get("study")).isEqualTo("CAL_FULLSP-PREP_TS_SL04_0.5S_FD");
        ObservationSummary s = sitAndStare.summary();
        assertThat(s.mission()).isEqualTo("SOLO");
        assertThat(s.instrument()).isEqualTo("SPICE");
        assertThat(s.detector()).isEqualTo("SW");
        assertThat(s.level()).isEqualTo("2");
        assertThat(s.dateObs()).isEqualTo(Instant.parse("2020-06-20T23:59:01.862Z"));
        assertThat(s.dateEnd()).isEqualTo(Instant.parse("2020-06-20T23:59:33.362Z"));
    }

    @Test
    void sohoLegacyHeadersAreNormalised() {
        ObservationSummary eit = byName("efz20040301.000010_s.fits").summary();
        assertThat(eit.mission()).isEqualTo("SOHO");
        assertThat(eit.instrument()).isEqualTo("EIT");
        assertThat(eit.wavelength()).isEqualTo(195.0);
        assertThat(eit.dateObs()).isEqualTo(Instant.parse("2004-03-01T00:00:10.515Z"));
        ObservationSummary mdi = byName("mdi_fd_M_96m_01d.5874.0005_s.fits").summary();
        assertThat(mdi.instrument()).isEqualTo("MDI");
        // MDI headers carry no WAVELNTH: Ni I 6768 Å by the instrument's convention
        assertThat(mdi.wavelength()).isEqualTo(6768.0);
        assertThat(mdi.dateObs()).isEqualTo(Instant.parse("2009-01-31T08:03:02.462Z"));
    }

    @Test
    void ingestingTheSameContentAgainSkipsItAndAddsNothing() throws IOException {
        int before = dsl.fetchCount(OBSERVATION);
        IngestReport again = ingest.ingest(List.of(ArchiveTestApplication.sampleFits()), "test again");
        assertThat(again.ingested()).isZero();
        assertThat(again.skipped()).isEqualTo(17);
        assertThat(again.summary()).isEqualTo("ingested 0, skipped 17 (already present), quarantined 0");
        assertThat(dsl.fetchCount(OBSERVATION)).isEqualTo(before);
    }

    @Test
    void sameContentUnderAnotherNameIsStillSkipped(@TempDir Path dir) throws IOException {
        Path copy = Files.copy(ArchiveTestApplication.sampleFits().resolve("aia_171_level1.fits"), dir.resolve("renamed.fits"));
        IngestOutcome outcome = ingest.ingestFile(copy, "renamed.fits", "test");
        assertThat(outcome.status()).isEqualTo(IngestOutcome.Status.SKIPPED);
        assertThat(outcome.observationId()).isEqualTo(byName("aia_171_level1.fits").summary().id());
    }

    @Test
    void aPageWithoutItsTotalHoldsTheSameRowsAsTheSearch() {
        var query = new ObservationQuery(null, null, "SDO", null, null, null, null, null, null, List.of(), null, 1, 4, null);
        assertThat(catalogue.page(query)).isEqualTo(catalogue.search(query).items()).hasSize(4);
    }

    @Test
    void headerKeywordsAreSearchable() {
        var query = new ObservationQuery(null, null, null, null, null, null, null, null, null,
                List.of(KeywordFilter.parse("HARPNUM:377"), KeywordFilter.parse("BUNIT:Mx/cm^2")), null, 0, 50, null);
        assertThat(catalogue.search(query).items()).extracting(ObservationSummary::filename)
                .contains("hmi.sharp_cea_720s.377.20110215_020000_TAI.Br.fits")
                .doesNotContain("hmi.sharp_cea_720s.377.20110215_020000_TAI.bitmap.fits");
        var numeric = new ObservationQuery(null, null, "SDO", null, null, null, null, null, null,
                List.of(KeywordFilter.parse("WAVELNTH:171.0"), KeywordFilter.parse("TELESCOP:SDO/AIA")), null, 0, 50, null);
        assertThat(catalogue.search(numeric).items()).extracting(ObservationSummary::filename)
                .contains("aia_171_level1.fits", "aia_171_cutout.fits").allMatch(name -> !name.contains("_193"));
    }
}
