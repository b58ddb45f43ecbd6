package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.testdata.Oracle;
import org.mmsim.workload.sim.DebugVmCorruption;

/**
 * {@code mmsim run --debug-vm}: a clean run passes every check and writes exactly what a run without the flag
 * writes; a model corrupted in the middle of the run stops it with exit status 3, one line naming the check, the
 * simulated time, the event and the state, nothing on stdout and no output folder, partial or temporary.
 */
class RunDebugVmTest {
    @TempDir
    static Path dir;

    private static final String SCENARIO = """
            name: debug-vm-test
            machine: small.yaml
            seed: 3
            duration: 1s
            hz: 250
            swap: 32M
            record:
              interval: 500ms
              proc: [buddyinfo, zoneinfo, meminfo, vmstat]
              trace: [mm_page_alloc_extfrag]
            workload:
              - process: { name: server, size: 64M, rate: 128M, thp: true, forks: 1, fork_at: 300ms, child_writes: 8M,
                           child_lifetime: 300ms }
              - file: { name: writer, size: 96M, rate: 200M, write: true }
              - anon: { name: db, size: 96M, rate: 192M, thp: true }
              - slab: { name: dentry, rate: 500, lifetime_mean: 300ms, reclaimable: true }
            """;

    private static Path scenario;

    @BeforeAll
    static void files() throws IOException {
        Files.writeString(dir.resolve("small.yaml"), MachineFile.write(DmesgImporter.read(
                Oracle.file("x86_64-256M", "dmesg"), Oracle.file("x86_64-256M", "iomem"))));
        scenario = dir.resolve("debug-vm.yaml");
        Files.writeString(scenario, SCENARIO);
    }

    @AfterEach
    void uncorrupted() {
        DebugVmCorruption.off();
    }

    private static List<Path> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void aCleanRunPassesAndWritesWhatARunWithoutChecksWrites() throws IOException {
        Path plain = dir.resolve("plain");
        Path checked = dir.resolve("checked");
        assertThat(CliRun.of("run", scenario.toString(), "--out", plain.toString()).status()).isZero();
        CliRun r = CliRun.of("run", scenario.toString(), "--out", checked.toString(), "--debug-vm");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(tree(checked)).isEqualTo(tree(plain)).contains(Path.of("summary.json"), Path.of("trace.txt"));
        for (Path f : tree(plain)) {
            assertThat(Files.readAllBytes(checked.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(plain.resolve(f)));
        }
    }

    @Test
    void aBrokenInvariantStopsTheRunWithOneLineAndStatus3() throws IOException {
        DebugVmCorruption.filePagesOffByOneAt(150);
        Path out = dir.resolve("broken");
        CliRun r = CliRun.of("run", scenario.toString(), "--out", out.toString(), "--debug-vm");
        assertThat(r.status()).as(r.err()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err().strip()).matches("mmsim: VM_BUG: node counters \\(.*\\): at 0\\.\\d{9} s, after event 150 "
                + "\\(.+\\): nr_file_pages is \\d+ but the pages say \\d+");
        assertThat(out).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        }
    }

    @Test
    void withoutTheFlagNothingIsChecked() {
        DebugVmCorruption.filePagesOffByOneAt(150);
        CliRun r = CliRun.of("run", scenario.toString(), "--out", dir.resolve("unchecked").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
    }
}
