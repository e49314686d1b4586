package org.medoc.release.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A BagIt validator written from RFC 8493 alone, sharing no code with the writer ({@link BagIt}), to check our bags
 * independently: {@code gov.loc:bagit} writes BagIt 0.97 and is unmaintained (LIBRARIES.md), and
 * {@code com.github.jscancella:bagging} is not served by Maven Central here. Checks:
 * <ul>
 *   <li>§2.1.1 bagit.txt is exactly "BagIt-Version: M.N" and "Tag-File-Character-Encoding: ENCODING";</li>
 *   <li>§2.1.2 a data/ payload directory exists;</li>
 *   <li>§2.1.3 at least one payload manifest; every line's file exists and has that checksum; paths are decoded
 *   (%25, %0A, %0D) and must stay inside the bag; §3 every payload file is listed in every payload manifest;</li>
 *   <li>§2.2.1 tag manifests: every listed tag file has that checksum; none lists a payload file;</li>
 *   <li>§2.2.2 Payload-Oxum in bag-info.txt equals the payload's octet count and file count.</li>
 * </ul>
 */
public final class IndependentBagVerifier {
    private IndependentBagVerifier() {
    }

    /** Every violation found; empty for a valid bag. */
    public static List<String> problems(Path bag) throws IOException {
        List<String> problems = new ArrayList<>();
        Path declaration = bag.resolve("bagit.txt");
        if (!Files.isRegularFile(declaration)) {
            return List.of("bagit.txt is missing");
        }
        List<String> lines = Files.readAllLines(declaration, StandardCharsets.UTF_8);
        if (lines.size() != 2 || !lines.get(0).matches("BagIt-Version: \\d+\\.\\d+") || !lines.get(1).matches("Tag-File-Character-Encoding: \\S+")) {
            problems.add("bagit.txt is not the two lines of RFC 8493 §2.1.1: " + lines);
        }
        Path data = bag.resolve("data");
        if (!Files.isDirectory(data)) {
            problems.add("no data/ payload directory");
            return problems;
        }
        Set<String> payload = new HashSet<>();
        long octets = 0;
        try (Stream<Path> walk = Files.walk(data)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                payload.add(bag.relativize(file).toString().replace('\\', '/'));
                octets += Files.size(file);
            }
        }
        List<Path> manifests;
        try (Stream<Path> list = Files.list(bag)) {
            manifests = list.filter(p -> p.getFileName().toString().matches("manifest-[a-z0-9]+\\.txt")).sorted().toList();
        }
        if (manifests.isEmpty()) {
            problems.add("no payload manifest (RFC 8493 §2.1.3)");
        }
        for (Path manifest : manifests) {
            String algorithm = algorithm(manifest, "manifest-");
            Set<String> listed = check(bag, manifest, algorithm, problems);
            for (String path : payload) {
                if (!listed.contains(path)) {
                    problems.add(path + " is in the payload but not in " + manifest.getFileName());
                }
            }
        }
        try (Stream<Path> list = Files.list(bag)) {
            for (Path tagManifest : list.filter(p -> p.getFileName().toString().matches("tagmanifest-[a-z0-9]+\\.txt")).sorted().toList()) {
                for (String path : check(bag, tagManifest, algorithm(tagManifest, "tagmanifest-"), problems)) {
                    if (path.startsWith("data/")) {
                        problems.add(tagManifest.getFileName() + " lists a payload file " + path);
                    }
                }
            }
        }
        Path info = bag.resolve("bag-info.txt");
        if (Files.isRegularFile(info)) {
            for (String line : Files.readAllLines(info, StandardCharsets.UTF_8)) {
                if (line.startsWith("Payload-Oxum:")) {
                    String expected = octets + "." + payload.size();
                    if (!line.substring("Payload-Oxum:".length()).trim().equals(expected)) {
                        problems.add("Payload-Oxum says " + line.substring(13).trim() + ", payload is " + expected);
                    }
                }
            }
        }
        return problems;
    }

    private static Set<String> check(Path bag, Path manifest, String algorithm, List<String> problems) throws IOException {
        Set<String> listed = new HashSet<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length != 2) {
                problems.add(manifest.getFileName() + ": malformed line '" + line + "'");
                continue;
            }
            String path = parts[1].replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%");
            Path file = bag.resolve(path).normalize();
            if (!file.startsWith(bag.normalize())) {
                problems.add(manifest.getFileName() + ": path " + path + " leaves the bag");
                continue;
            }
            listed.add(path);
            if (!Files.isRegularFile(file)) {
                problems.add(manifest.getFileName() + ": " + path + " is missing");
            } else if (!hash(file, algorithm).equalsIgnoreCase(parts[0])) {
                problems.add(manifest.getFileName() + ": " + path + " has a different " + algorithm + " checksum");
            }
        }
        return listed;
    }

    private static String algorithm(Path manifest, String prefix) {
        String name = manifest.getFileName().toString();
        return name.substring(prefix.length(), name.length() - 4);
    }

    private static String hash(Path file, String algorithm) throws IOException {
        String javaName = switch (algorithm) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            case "sha512" -> "SHA-512";
            default -> throw new IllegalArgumentException("unknown manifest algorithm " + algorithm);
        };
        try {
            MessageDigest digest = MessageDigest.getInstance(javaName);
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
