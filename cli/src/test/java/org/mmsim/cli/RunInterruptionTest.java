package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code mmsim run} in its own JVM, interrupted with SIGINT or SIGTERM while it simulates: it exits 130 or
 * 143, removes its temporary output folder, and leaves the earlier output at the same --out as it was, byte for
 * byte.
 */
class RunInterruptionTest {
    /** A quick run that makes the earlier output. */
    private static final String QUICK = "machine: x86_64-256M\nduration: 200ms\nrecord: { interval: 100ms }\n"
            + "workload:\n  - slab: { rate: 1000, lifetime_mean: 1s }\n";
    /** A run that takes tens of seconds of wall time, well within the default bounds. */
    private static final String LONG = "machine: x86_64-256M\nduration: 20000s\nrecord: { interval: 10000s }\n"
            + "workload:\n  - kernel: { rate: 100, lifetime_mean: 10s }\n";

    @TempDir
    Path dir;

    @Test
    void sigintStopsTheRunCleanly() throws Exception {
        interrupt("INT", 130);
    }

    @Test
    void sigtermStopsTheRunCleanly() throws Exception {
        interrupt("TERM", 143);
    }

    private void interrupt(String signal, int expectedStatus) throws Exception {
        Path quick = Files.writeString(dir.resolve("quick.yaml"), QUICK, StandardCharsets.UTF_8);
        Path slow = Files.writeString(dir.resolve("long.yaml"), LONG, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliRun first = CliRun.of("run", quick.toString(), "--out", out.toString());
        assertThat(first.status()).as(first.err()).isZero();
        Map<String, byte[]> earlier = contents(out);
        assertThat(earlier).containsKey("summary.json");

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss16m",
                "-cp", System.getProperty("java.class.path"), Mmsim.class.getName(), "run", slow.toString(), "--out",
                out.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        try {
            waitForTemporaryFolder(p);
            Thread.sleep(500);
            assertThat(p.isAlive()).as("still running: " + log()).isTrue();
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
            assertThat(kill.waitFor()).isZero();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as(log()).isEqualTo(expectedStatus);
        assertThat(temporaryFolders()).as("no temporary folder remains").isEmpty();
        Map<String, byte[]> after = contents(out);
        assertThat(after.keySet()).isEqualTo(earlier.keySet());
        for (Map.Entry<String, byte[]> e : earlier.entrySet()) {
            assertThat(after.get(e.getKey())).as(e.getKey() + " is intact").isEqualTo(e.getValue());
        }
        assertThat(log()).as("one line, no stack trace").contains("mmsim: interrupted: run stopped at simulated time ")
                .doesNotContain("Exception");
    }

    private void waitForTemporaryFolder(Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (temporaryFolders().isEmpty()) {
            assertThat(p.isAlive()).as("the run is running: " + log()).isTrue();
            assertThat(System.nanoTime()).as("the run starts within a minute").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private List<Path> temporaryFolders() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().startsWith(".out.")).toList();
        }
    }

    private String log() throws IOException {
        Path log = dir.resolve("log.txt");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Every file under the folder, by relative path, with its bytes. */
    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString().replace(File.separatorChar, '/'), Files.readAllBytes(f));
            }
        }
        return out;
    }
}
