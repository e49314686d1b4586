package org.medoc.archive.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small FITS files written from header cards, for tests that need headers as a pipeline writes them: a primary HDU
 * with the given cards and either no data (NAXIS = 0) or a small 8-bit image.
 */
final class HeaderFiles {

    private HeaderFiles() {
    }

    /** A header-only file (NAXIS = 0) with the cards, given as keyword → value already in FITS form ('text' or number). */
    static Path headerOnly(Path dir, String name, Map<String, String> cards) throws IOException {
        return write(dir, name, cards, 0);
    }

    /** A file with an 8-bit {@code side}×{@code side} image under the cards. */
    static Path withImage(Path dir, String name, Map<String, String> cards, int side) throws IOException {
        return write(dir, name, cards, side);
    }

    private static Path write(Path dir, String name, Map<String, String> cards, int side) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(card("SIMPLE", "T"));
        lines.add(card("BITPIX", "8"));
        if (side > 0) {
            lines.add(card("NAXIS", "2"));
            lines.add(card("NAXIS1", Integer.toString(side)));
            lines.add(card("NAXIS2", Integer.toString(side)));
        } else {
            lines.add(card("NAXIS", "0"));
        }
        cards.forEach((keyword, value) -> lines.add(card(keyword, value)));
        lines.add(String.format("%-80s", "END"));
        StringBuilder header = new StringBuilder();
        lines.forEach(header::append);
        while (header.length() % 2880 != 0) {
            header.append(' ');
        }
        int dataBytes = side * side;
        int padded = dataBytes == 0 ? 0 : ((dataBytes + 2879) / 2880) * 2880;
        byte[] bytes = new byte[header.length() + padded];
        System.arraycopy(header.toString().getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, header.length());
        for (int i = 0; i < dataBytes; i++) {
            bytes[header.length() + i] = (byte) (i * 7);
        }
        return Files.write(dir.resolve(name), bytes);
    }

    private static String card(String keyword, String value) {
        String card = String.format("%-8s= %20s", keyword, value);
        if (value.startsWith("'")) {
            card = String.format("%-8s= %s", keyword, value);
        }
        if (card.length() > 80) {
            throw new IllegalArgumentException("card too long: " + card);
        }
        return String.format("%-80s", card);
    }
}
