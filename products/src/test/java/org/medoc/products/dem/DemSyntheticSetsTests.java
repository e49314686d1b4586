package org.medoc.products.dem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.archive.fits.FitsHeader;
import org.medoc.archive.fits.FitsInspection;
import org.medoc.archive.fits.FitsInspector;
import org.medoc.archive.fits.FitsLimits;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Synthetic AIA sets look like AIA level-1.5 files to the archive's reader and carry their truth. */
class DemSyntheticSetsTests {

    private static final Instant TIME = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void sixChannelFilesWithAiaHeadersAndVerifiedChecksums(@TempDir Path directory) throws Exception {
        DemSyntheticSets.SyntheticSet set = new DemSyntheticSets().write(DemSyntheticSets.Scene.FULL_DISC, 64, TIME, 1,
                true, directory);
        assertThat(set.files()).hasSize(6);
        int[] cameras = {4, 1, 3, 2, 2, 1};
        for (AiaChannel channel : AiaChannel.values()) {
            Path file = set.files().get(channel.ordinal());
            FitsInspection inspection = FitsInspector.inspect(file, FitsLimits.defaults());
            assertThat(inspection.checksumStatus()).startsWith(FitsInspector.STATUS_VERIFIED);
            FitsHeader header = inspection.primaryImage().header();
            assertThat(header.string("TELESCOP")).isEqualTo("SDO/AIA");
            assertThat(header.string("INSTRUME")).isEqualTo("AIA_" + cameras[channel.ordinal()]);
            assertThat(header.number("WAVELNTH")).isEqualTo(channel.wavelengthAngstrom());
            assertThat(header.string("DATE-OBS")).isEqualTo("2026-11-24T12:00:%02d.000".formatted(2 * channel.ordinal()));
            assertThat(header.string("T_OBS")).endsWith("Z");
            assertThat(header.number("EXPTIME")).isEqualTo(DemSyntheticSets.exposureSeconds(channel));
            assertThat(header.string("BUNIT")).isEqualTo("DN");
            assertThat(header.string("CTYPE1")).isEqualTo("HPLN-TAN");
            assertThat(header.number("CDELT1")).isCloseTo(0.6 * 4096 / 64, within(1e-9));
            assertThat(header.number("RSUN_OBS")).isBetween(940.0, 980.0);
            assertThat(header.number("DSUN_OBS")).isBetween(1.47e11, 1.53e11);
            assertThat(header.string("ORIGIN")).contains("synthetic");
        }
    }

    @Test
    void noiseFreeCountsAreTheForwardModelOfTheTruth(@TempDir Path directory) throws Exception {
        DemSyntheticSets sets = new DemSyntheticSets();
        DemSyntheticSets.SyntheticSet set = sets.write(DemSyntheticSets.Scene.ACTIVE_REGION, 32, TIME, 1, false, directory);
        DemInput input = AiaSetReader.read(set.files()).input();
        GaussianDemModel model = GaussianDemModel.standard();
        int i = 16 * 32 + 16;
        double[] expected = model.intensities(Math.round(set.logTemperature()[i] * 100) / 100.0,
                Math.round(set.widthDex()[i] * 100) / 100.0, set.emissionMeasure()[i]);
        for (AiaChannel channel : AiaChannel.values()) {
            double rate = input.rates().get(channel)[i];
            double exact = set.emissionMeasure()[i] * sets.response(channel, set.logTemperature()[i], set.widthDex()[i]);
            assertThat(rate).isCloseTo(exact, within(exact * 1e-5));
            // the truth sits between nodes: the nearest node's intensities are close
            assertThat(rate).isCloseTo(expected[channel.ordinal()], within(expected[channel.ordinal()] * 0.2));
        }
    }

    @Test
    void scenesHaveTheirPhysicalCharacter() {
        double[] quiet = DemSyntheticSets.truth(DemSyntheticSets.Scene.QUIET_SUN, -0.3, -0.1);
        double[] active = DemSyntheticSets.truth(DemSyntheticSets.Scene.ACTIVE_REGION, 0.25, 0.15);
        double[] hole = DemSyntheticSets.truth(DemSyntheticSets.Scene.CORONAL_HOLE, 0.05, 0.7);
        double[] corona = DemSyntheticSets.truth(DemSyntheticSets.Scene.OFF_LIMB, 1.1, 0.0);
        assertThat(active[0]).isGreaterThan(quiet[0] + 0.2);
        assertThat(active[2]).isGreaterThan(10 * quiet[2]);
        assertThat(hole[0]).isLessThan(quiet[0] - 0.1);
        assertThat(hole[2]).isLessThan(quiet[2] / 3);
        assertThat(corona[2]).isLessThan(quiet[2]);
    }

    @Test
    void sameSeedGivesTheSameFiles(@TempDir Path directory) throws Exception {
        DemSyntheticSets sets = new DemSyntheticSets();
        DemSyntheticSets.SyntheticSet a = sets.write(DemSyntheticSets.Scene.QUIET_SUN, 16, TIME, 9, true, directory.resolve("a"));
        DemSyntheticSets.SyntheticSet b = sets.write(DemSyntheticSets.Scene.QUIET_SUN, 16, TIME, 9, true, directory.resolve("b"));
        DemInput first = AiaSetReader.read(a.files()).input();
        DemInput second = AiaSetReader.read(b.files()).input();
        assertThat(first.rates().get(AiaChannel.A94)).isEqualTo(second.rates().get(AiaChannel.A94));
    }
}
