package org.medoc.release.packaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tag files of a BagIt 1.0 bag, after RFC 8493: {@code bagit.txt} (§2.1.1), payload manifests
 * {@code manifest-<algorithm>.txt} (§2.1.3), {@code bag-info.txt} (§2.2.2) and tag manifests (§2.2.1). Lines are
 * {@code <checksum> <path>} with paths relative to the bag root, '/'-separated, and CR, LF and '%' percent-encoded
 * (§2.1.3). We write SHA-256 and SHA-512 manifests: RFC 8493 §2.4 asks for SHA-512 by default and we keep SHA-256 in
 * the catalogue.
 */
public final class BagIt {
    private BagIt() {
    }

    public static final String[] ALGORITHMS = {"sha256", "sha512"};

    public static byte[] declaration() {
        return "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".getBytes(StandardCharsets.UTF_8);
    }

    /** One manifest: {@code <checksum> <path>} per entry, in the given order. */
    public static byte[] manifest(List<Map.Entry<String, String>> checksumByPath) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> entry : checksumByPath) {
            text.append(entry.getValue()).append(' ').append(encodePath(entry.getKey())).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** bag-info.txt: one {@code Label: value} line per entry; values are single lines. */
    public static byte[] info(List<Map.Entry<String, String>> labels) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> entry : labels) {
            if (entry.getValue() != null && !entry.getValue().isBlank()) {
                text.append(entry.getKey()).append(": ").append(entry.getValue().replaceAll("\\s*[\\r\\n]+\\s*", " ").strip()).append('\n');
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 8493 §2.1.3: percent-encode '%', CR and LF in manifest paths. */
    public static String encodePath(String path) {
        return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    public static String digest(String algorithm, byte[] content) {
        return HexFormat.of().formatHex(newDigest(algorithm).digest(content));
    }

    public static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(switch (algorithm.toLowerCase(Locale.ROOT)) {
                case "sha256" -> "SHA-256";
                case "sha512" -> "SHA-512";
                default -> throw new IllegalArgumentException("unsupported BagIt algorithm " + algorithm);
            });
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "1.2 GB", as bag-info.txt's Bag-Size suggests (decimal units). */
    public static String humanSize(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
