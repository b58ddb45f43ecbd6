package org.mmsim.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the project's byte-for-byte copy of the real-kernel oracle cases ({@code testdata/oracle}),
 * so tests in any module read the same files whatever directory Maven runs them from.
 */
public final class Oracle {
    private static final Path ROOT = locate();

    private Oracle() {
    }

    /** The {@code testdata/oracle/cases} directory. */
    public static Path casesDir() {
        return ROOT.resolve("cases");
    }

    /** One case directory, e.g. {@code x86_64-4G}. */
    public static Path caseDir(String name) {
        Path p = casesDir().resolve(name);
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("no oracle case " + name);
        }
        return p;
    }

    /** A file of a case, e.g. {@code file("x86_64-4G", "zoneinfo")}. */
    public static Path file(String caseName, String relative) {
        return caseDir(caseName).resolve(relative);
    }

    /** A file of a case as text. */
    public static String read(String caseName, String relative) {
        try {
            return Files.readString(file(caseName, relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every case name, sorted. */
    public static List<String> allCases() {
        try (Stream<Path> s = Files.list(casesDir())) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every case booted by a 6.1 kernel (all but the 6.12 comparison case). */
    public static List<String> cases61() {
        return allCases().stream().filter(c -> !c.contains("linux6.12")).toList();
    }

    private static Path locate() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("testdata").resolve("oracle");
            if (Files.isDirectory(candidate.resolve("cases"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("testdata/oracle not found above " + dir);
    }
}
