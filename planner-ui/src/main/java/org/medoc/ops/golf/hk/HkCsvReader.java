package org.medoc.ops.golf.hk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads housekeeping CSV line by line (constant memory): a header naming the columns {@code time_utc}, {@code mnemonic}
 * and {@code raw} (in any order; {@code time} and {@code value} are accepted too), then one sample per line. Times
 * are ISO-8601 UTC ({@code 2026-01-05T10:00:00Z}; without a zone they are taken as UTC). Blank lines and lines
 * starting with {@code #} are skipped.
 */
final class HkCsvReader {

    private HkCsvReader() {
    }

    static void read(InputStream in, String fileName, HkRowSink sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        long number = 0;
        int timeColumn = -1;
        int mnemonicColumn = -1;
        int rawColumn = -1;
        int columns = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (timeColumn < 0) {
                List<String> header = Arrays.stream(fields).map(f -> f.strip().replace("\"", "").toLowerCase(Locale.ROOT)).toList();
                timeColumn = indexOf(header, "time_utc", "time");
                mnemonicColumn = indexOf(header, "mnemonic", "parameter");
                rawColumn = indexOf(header, "raw", "value");
                if (timeColumn < 0 || mnemonicColumn < 0 || rawColumn < 0) {
                    throw new HkImportException(fileName, number, "the header must name the columns time_utc, mnemonic and raw, "
                            + "found " + header);
                }
                columns = fields.length;
                continue;
            }
            if (fields.length != columns) {
                throw new HkImportException(fileName, number, "expected " + columns + " fields, found " + fields.length);
            }
            Instant time = time(fields[timeColumn].strip(), fileName, number);
            String rawText = fields[rawColumn].strip();
            double raw;
            try {
                raw = Double.parseDouble(rawText);
            } catch (NumberFormatException e) {
                throw new HkImportException(fileName, number, "the raw value '" + rawText + "' is not a number");
            }
            if (!Double.isFinite(raw)) {
                throw new HkImportException(fileName, number, "the raw value '" + rawText + "' is not finite");
            }
            sink.sample(number, fields[mnemonicColumn].strip(), time, raw);
        }
        if (timeColumn < 0) {
            throw new HkImportException(fileName, 0, "the file is empty: expected a header time_utc,mnemonic,raw");
        }
    }

    private static int indexOf(List<String> header, String name, String alias) {
        int index = header.indexOf(name);
        return index >= 0 ? index : header.indexOf(alias);
    }

    static Instant time(String text, String fileName, long line) {
        try {
            char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
            if (last == 'Z' || last == 'z') {
                return Instant.parse(text.replace(' ', 'T'));
            }
            if (text.length() > 19 && (text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10)) {
                return java.time.OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new HkImportException(fileName, line, "the time '" + text + "' is not an ISO-8601 UTC time (e.g. 2026-01-05T10:00:00Z)");
        }
    }
}
