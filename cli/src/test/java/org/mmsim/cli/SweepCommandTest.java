package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mmsim sweep}: a study run into its folder, and run again with nothing left to do. */
class SweepCommandTest {
    @TempDir
    Path dir;

    @Test
    void aStudyRunsIntoItsFolderAndAgainRunsNothing() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), "arch: x86_64\nmemory:\n  - { start: 0x100000, size: 256M }\n");
        Files.writeString(dir.resolve("s.yaml"), "machine: m.yaml\nduration: 1s\nworkload:\n  - slab: { rate: 100 }\n");
        Path study = Files.writeString(dir.resolve("st.yaml"), "base: s.yaml\naxes:\n  vm.swappiness: [10, 90]\n");
        Path out = dir.resolve("st.study");
        CliRun first = CliRun.of("sweep", study.toString(), "--out", out.toString(), "--jobs", "2");
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("mmsim: wrote " + out.resolve("report.html") + "\n");
        assertThat(first.err()).startsWith("mmsim: running 2, 2 at a time\n").contains("mmsim: point 2/2 done: ");
        assertThat(out.resolve("study.duckdb")).isRegularFile();
        assertThat(out.resolve("points/1-10/summary.json")).isRegularFile();
        assertThat(out.resolve("points/2-90/report.html")).isRegularFile();
        CliRun again = CliRun.of("sweep", study.toString(), "--out", out.toString());
        assertThat(again.status()).isZero();
        assertThat(again.err()).isEqualTo("mmsim: 2 of 2 points already in study.duckdb; nothing to run\n");
    }

    @Test
    void aStudysPointIsARunThatWalkCanBringBack() throws IOException {
        Files.writeString(dir.resolve("s.yaml"), String.join("\n", "machine: x86_64-256M", "seed: 3",
                "duration: 2s", "record:", "  interval: 1s", "  proc: [buddyinfo]", "workload:",
                "  - process: { name: p, size: 4M, rate: 0, thp: false }", ""));
        Path study = Files.writeString(dir.resolve("st.yaml"), "base: s.yaml\naxes:\n  seed: [5, 6]\n");
        Path out = dir.resolve("st.study");
        CliRun sweep = CliRun.of("sweep", study.toString(), "--out", out.toString(), "--jobs", "1");
        assertThat(sweep.status()).as(sweep.err()).isZero();
        Path point = out.resolve("points/2-6");
        assertThat(Files.readString(point.resolve("run-inputs.txt"))).contains("seed=6\n");
        Path pid;
        try (Stream<Path> s = Files.list(point.resolve("proc/end"))) {
            pid = s.filter(p -> p.getFileName().toString().matches("\\d+")).findFirst().orElseThrow();
        }
        String maps = Files.readString(pid.resolve("maps"));
        long start = Long.parseUnsignedLong(maps.substring(0, maps.indexOf('-')), 16);
        CliRun walk = CliRun.of("walk", "--run", point.toString(), pid.getFileName().toString(),
                "0x" + Long.toHexString(start + 4096));
        assertThat(walk.status()).as(walk.err()).isZero();
        assertThat(walk.out()).contains(String.format("PTE[%d] bits 20:12", ((start + 4096) >>> 12) & 511));
    }
}
