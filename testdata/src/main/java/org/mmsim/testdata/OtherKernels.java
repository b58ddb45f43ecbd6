package org.mmsim.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real /proc files of kernels other than the oracle's ({@code testdata/kernels}, one folder per machine,
 * its sources in that folder's README), beside the oracle cases, whatever directory Maven runs the tests from.
 */
public final class OtherKernels {
    private OtherKernels() {
    }

    /** A file of one machine, e.g. {@code file("linux-5.8-x86_64-jc", "zoneinfo")}. */
    public static Path file(String machine, String name) {
        Path dir = Oracle.casesDir().getParent().getParent().resolve("kernels").resolve(machine);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no kernel folder " + machine);
        }
        return dir.resolve(name);
    }

    /** A file of one machine as text. */
    public static String read(String machine, String name) {
        try {
            return Files.readString(file(machine, name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
