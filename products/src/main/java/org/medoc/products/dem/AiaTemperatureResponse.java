package org.medoc.products.dem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * AIA temperature responses R_b(log T) [DN cm⁵ s⁻¹ pix⁻¹] of the six coronal channels, read from the resource
 * {@code aia_tresp_en.csv} (EVE-normalised, version 10, no degradation correction; made with SSW
 * {@code aia_get_response(/temperature,/dn,/eve)}, repository ianan/demreg {@code python/aia_tresp_en.dat}).
 *
 * <p>Between the table's nodes (log T 4.00 … 9.00, step 0.05) the responses are interpolated linearly in log₁₀ R,
 * because they vary by orders of magnitude across the table and are close to piecewise exponential; outside the
 * table they are taken as zero.
 */
public final class AiaTemperatureResponse {

    /** Response version, written into product headers. */
    public static final String VERSION = "aia_tresp_en V10 EVE-normalised, no degradation correction (ianan/demreg baeb29fa8eaa)";

    private static final AiaTemperatureResponse STANDARD = load();

    private final double[] logTemperature;
    /** [channel ordinal][table row] */
    private final double[][] response;

    private AiaTemperatureResponse(double[] logTemperature, double[][] response) {
        this.logTemperature = logTemperature;
        this.response = response;
    }

    /** The project's copy of the reference table. */
    public static AiaTemperatureResponse standard() {
        return STANDARD;
    }

    private static AiaTemperatureResponse load() {
        try (InputStream in = AiaTemperatureResponse.class.getResourceAsStream("aia_tresp_en.csv")) {
            if (in == null) {
                throw new IllegalStateException("resource aia_tresp_en.csv is missing from the products module");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<double[]> rows = new ArrayList<>();
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    if (!line.trim().equals("log_t,A94,A131,A171,A193,A211,A335")) {
                        throw new IllegalStateException("unexpected header in aia_tresp_en.csv: " + line);
                    }
                    header = false;
                    continue;
                }
                String[] fields = line.split(",");
                double[] row = new double[7];
                for (int i = 0; i < 7; i++) {
                    row[i] = Double.parseDouble(fields[i].trim());
                }
                rows.add(row);
            }
            double[] logT = new double[rows.size()];
            double[][] response = new double[6][rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                logT[k] = rows.get(k)[0];
                for (int b = 0; b < 6; b++) {
                    response[b][k] = rows.get(k)[b + 1];
                }
            }
            return new AiaTemperatureResponse(logT, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Table nodes (log₁₀ K). */
    public double[] logTemperatures() {
        return logTemperature.clone();
    }

    /** Table value at row {@code row}. */
    public double tableValue(AiaChannel channel, int row) {
        return response[channel.ordinal()][row];
    }

    /** R_b(log T), log-linear between nodes, zero outside the table. */
    public double response(AiaChannel channel, double logT) {
        double first = logTemperature[0];
        double last = logTemperature[logTemperature.length - 1];
        if (!(logT >= first && logT <= last)) {
            return 0;
        }
        double step = (last - first) / (logTemperature.length - 1);
        double position = (logT - first) / step;
        int k = Math.min((int) Math.floor(position), logTemperature.length - 2);
        double t = position - k;
        double[] r = response[channel.ordinal()];
        if (t < 1e-12) {
            return r[k];
        }
        return Math.exp((1 - t) * Math.log(r[k]) + t * Math.log(r[k + 1]));
    }

    public double minLogT() {
        return logTemperature[0];
    }

    public double maxLogT() {
        return logTemperature[logTemperature.length - 1];
    }
}
