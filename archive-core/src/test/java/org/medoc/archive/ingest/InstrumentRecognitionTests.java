package org.medoc.archive.ingest;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.archive.ArchiveTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.db.jooq.archive.Tables.OBSERVATION;

/**
 * The instrument is told from every hint real pipelines leave, mission by mission, on real files (testdata/fits) or
 * headers reconstructed card by card from the pipelines' exports; a file whose instrument cannot be told is still
 * quarantined with that reason.
 */
@SpringBootTest(classes = ArchiveTestApplication.class, properties = "medoc.data-dir=target/test-data/instruments-${random.uuid}")
class InstrumentRecognitionTests {

    @Autowired IngestService ingest;
    @Autowired DSLContext dsl;
    @TempDir Path dir;

    /** mission/instrument/detector of the catalogued file, or the quarantine reason. */
    private String recognise(String fileName, Map<String, String> cards) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(cards);
        all.putIfAbsent("DATE-OBS", "'2003-01-01T00:00:00'");
        all.put("COMMENT", "'" + Integer.toHexString(cards.hashCode()) + fileName.length() + "'"); // distinct bytes per case
        Path file = HeaderFiles.headerOnly(dir, fileName, all);
        return outcome(file, fileName);
    }

    private String outcome(Path file, String fileName) {
        IngestOutcome outcome = ingest.ingestFile(file, fileName, "test");
        if (outcome.status() == IngestOutcome.Status.QUARANTINED) {
            return "quarantined: " + outcome.reason();
        }
        assertThat(outcome.status()).isIn(IngestOutcome.Status.INGESTED, IngestOutcome.Status.SKIPPED);
        var row = dsl.selectFrom(OBSERVATION).where(OBSERVATION.ID.eq(outcome.observationId())).fetchOne();
        return row.getMission() + "/" + row.getInstrument() + "/" + row.getDetector();
    }

    private String real(String name) {
        return outcome(ArchiveTestApplication.sampleFits().resolve(name), name);
    }

    @Test
    void aSohoMdiMagnetogramExportedByJsocIsToldFromContentAndOrigin() throws IOException {
        // JSOC's export of mdi.fd_M_96m_lev182: TELESCOP names the spacecraft only, no INSTRUME
        Map<String, String> jsoc = new LinkedHashMap<>();
        jsoc.put("TELESCOP", "'SOHO'");
        jsoc.put("ORIGIN", "'SOHO/MDI'");
        jsoc.put("CONTENT", "'MDI FULL DISK MAGNETOGRAM'");
        jsoc.put("T_OBS", "'2003.01.01_00:00:30_TAI'");
        jsoc.put("BUNIT", "'Gauss'");
        assertThat(recognise("export.fits", jsoc)).isEqualTo("SOHO/MDI/MDI");

        Map<String, String> contentOnly = new LinkedHashMap<>(jsoc);
        contentOnly.remove("ORIGIN");
        assertThat(recognise("content-only.fits", contentOnly)).isEqualTo("SOHO/MDI/MDI");
    }

    @Test
    void theJsocSeriesInTheFileNameTellsTheInstrument() throws IOException {
        Map<String, String> cards = Map.of("TELESCOP", "'SOHO'", "T_OBS", "'2003.01.01_00:00:30_TAI'");
        assertThat(recognise("mdi.fd_M_96m_lev182.20030101_000000_TAI.data.fits", cards)).isEqualTo("SOHO/MDI/MDI");
        assertThat(recognise("hmi.M_45s.20110215_000000_TAI.2.magnetogram.fits", Map.of("TELESCOP", "'SDO'")))
                .isEqualTo("SDO/HMI/HMI");
        assertThat(recognise("aia.lev1_euv_12s.2011-02-15T000000Z.171.image_lev1.fits", Map.of("WAVELNTH", "171")))
                .isEqualTo("SDO/AIA/AIA");
    }

    @Test
    void sohoInstrumentsAreToldFromTheirLegacySpellings() throws IOException {
        assertThat(real("efz20040301.000010_s.fits")).isEqualTo("SOHO/EIT/EIT");
        assertThat(real("mdi_fd_M_96m_01d.5874.0005_s.fits")).isEqualTo("SOHO/MDI/MDI");
        // LASCO level 0.5 (lasco_readfits): INSTRUME and DETECTOR
        assertThat(recognise("22650296.fts", Map.of("TELESCOP", "'SOHO'", "INSTRUME", "'LASCO'", "DETECTOR", "'C2'")))
                .isEqualTo("SOHO/LASCO/C2");
        // the spacecraft and the camera only
        assertThat(recognise("32000001.fts", Map.of("TELESCOP", "'SOHO'", "DETECTOR", "'C3'"))).isEqualTo("SOHO/LASCO/C3");
        assertThat(recognise("eit-detector.fits", Map.of("TELESCOP", "'SOHO'", "DETECTOR", "'EIT'"))).isEqualTo("SOHO/EIT/EIT");
        // Stanford's MDI files name the instrument in CAMERA (as sunpy's MDIMap reads it)
        assertThat(recognise("fd_M_01h.fits", Map.of("CAMERA", "'MDI'"))).isEqualTo("SOHO/MDI/MDI");
        // the mission written in front of the instrument
        assertThat(recognise("soho-eit.fits", Map.of("INSTRUME", "'SOHO/EIT'"))).isEqualTo("SOHO/EIT/EIT");
    }

    @Test
    void sdoInstrumentsAreToldFromInstrumeOrTelescop() throws IOException {
        assertThat(real("aia_171_level1.fits")).isEqualTo("SDO/AIA/AIA");
        assertThat(real("hmi.sharp_cea_720s.377.20110215_020000_TAI.Br.fits")).isEqualTo("SDO/HMI/HMI");
        assertThat(recognise("hmi-telescop.fits", Map.of("TELESCOP", "'SDO/HMI'"))).isEqualTo("SDO/HMI/HMI");
    }

    @Test
    void stereoSecchiCamerasAreToldFromObservatoryAndDetector() throws IOException {
        // secchi_prep headers: OBSRVTRY names the spacecraft, DETECTOR the camera
        assertThat(recognise("20110215_000615_n4euA.fts", Map.of("OBSRVTRY", "'STEREO_A'", "INSTRUME", "'SECCHI'",
                "DETECTOR", "'EUVI'"))).isEqualTo("STEREO-A/SECCHI/EUVI");
        assertThat(recognise("20110215_000615_d4c2B.fts", Map.of("OBSRVTRY", "'STEREO_B'", "DETECTOR", "'COR2'")))
                .isEqualTo("STEREO-B/SECCHI/COR2");
    }

    @Test
    void traceIsToldFromItsOwnName() throws IOException {
        assertThat(recognise("tri19990618.1200.fits", Map.of("TELESCOP", "'TRACE'"))).isEqualTo("TRACE/TRACE/TRACE");
        assertThat(recognise("trace-instrume.fits", Map.of("INSTRUME", "'TRACE'", "WAVE_LEN", "'171'"))).isEqualTo("TRACE/TRACE/TRACE");
    }

    @Test
    void solarOrbiterInstrumentsAreToldFromInstrumeAndDetector() throws IOException {
        assertThat(real("solo_L2_spice-n-ras-db_20200602T081733_V01_12583760-000.fits")).startsWith("SOLO/SPICE/");
        assertThat(recognise("solo_L2_eui-fsi174-image_20220317T000800.fits", Map.of("OBSRVTRY", "'Solar Orbiter'",
                "INSTRUME", "'EUI'", "DETECTOR", "'FSI'"))).isEqualTo("SOLO/EUI/FSI");
        assertThat(recognise("solo-phi.fits", Map.of("TELESCOP", "'SOLO'", "DETECTOR", "'HRT'"))).isEqualTo("SOLO/PHI/HRT");
    }

    @Test
    void irisPicardAndCoronasInstrumentsAreRecognised() throws IOException {
        assertThat(recognise("iris_l2_sji.fits", Map.of("TELESCOP", "'IRIS'", "INSTRUME", "'SJI'"))).startsWith("IRIS/IRIS/");
        assertThat(recognise("sodism.fits", Map.of("INSTRUME", "'SODISM'"))).isEqualTo("PICARD/SODISM/SODISM");
        assertThat(recognise("spirit.fits", Map.of("INSTRUME", "'SPIRIT'"))).isEqualTo("CORONAS-F/SPIRIT/SPIRIT");
    }

    @Test
    void aFileWhoseInstrumentCannotBeToldIsQuarantinedWithThatReason() throws IOException {
        assertThat(recognise("xrt.fits", Map.of("TELESCOP", "'HINODE'", "INSTRUME", "'XRT'")))
                .isEqualTo("quarantined: unknown instrument: INSTRUME='XRT', TELESCOP='HINODE' match no instrument of the"
                        + " registry, and neither DETECTOR, CAMERA, ORIGIN, CONTENT nor the file name names one");
        // a spacecraft alone, with an ORIGIN that names an institute, is not enough
        assertThat(recognise("soho-only.fits", Map.of("TELESCOP", "'SOHO'", "ORIGIN", "'SOI Science Support Center'")))
                .startsWith("quarantined: unknown instrument: INSTRUME=(absent), TELESCOP='SOHO'");
        assertThat(recognise("nothing.fits", Map.of("OBJECT", "'Sun'")))
                .startsWith("quarantined: unknown instrument: header has no INSTRUME, TELESCOP or OBSRVTRY");
    }
}
