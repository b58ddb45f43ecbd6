package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
