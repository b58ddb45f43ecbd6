package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mmsim walk --run DIR PID ADDR}: every process of a finished run, an {@code anon} entry's as much as a
 * {@code process} entry's, is an address space with page tables; the walk of one of its addresses shows the four
 * x86_64 levels at the indices the address's bits give (bits 47:39, 38:30, 29:21, 20:12, as arch/x86's
 * pgd_index/pud_index/pmd_index/pte_index take them), each entry present and user-accessible. A run whose inputs
 * changed since, a moment or a pid the run does not have, are each one line and exit 2.
 */
class WalkRunTest {
    @TempDir
    Path dir;
    private Path out;

    @BeforeEach
    void runTwoProcesses() throws IOException {
        Path scenario = dir.resolve("two.yaml");
        Files.writeString(scenario, String.join("\n",
                "name: two",
                "machine: x86_64-256M",
                "seed: 3",
                "duration: 2s",
                "hz: 250",
                "record:",
                "  interval: 1s",
                "  proc: [buddyinfo]",
                "workload:",
                "  - anon: { name: a, size: 8M, rate: 0 }",
                "  - process: { name: p, size: 4M, rate: 0, thp: false }",
                ""));
        out = dir.resolve("out");
        CliRun r = CliRun.of("run", scenario.toString(), "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
    }

    private List<Path> pids() throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("proc/end"))) {
            return s.filter(Files::isDirectory).filter(p -> p.getFileName().toString().matches("\\d+")).sorted()
                    .toList();
        }
    }

    @Test
    void anAnonEntrysProcessIsWalkedLevelByLevel() throws IOException {
        List<Path> pids = pids();
        assertThat(pids).hasSize(2);
        Path anon = pids.get(0);
        assertThat(Files.readString(anon.resolve("smaps"))).contains("VmFlags: rd wr mr mw me ac sd nh \n");
        String maps = Files.readString(anon.resolve("maps"));
        long start = Long.parseUnsignedLong(maps.substring(0, maps.indexOf('-')), 16);
        long addr = start + 5 * 4096 + 0x123;
        CliRun r = CliRun.of("walk", "--run", out.toString(), anon.getFileName().toString(), "0x" + Long.toHexString(addr));
        assertThat(r.status()).as(r.err()).isZero();
        String walk = r.out();
        assertThat(walk).contains(String.format("PGD[%d] bits 47:39", (addr >>> 39) & 511))
                .contains(String.format("PUD[%d] bits 38:30", (addr >>> 30) & 511))
                .contains(String.format("PMD[%d] bits 29:21", (addr >>> 21) & 511))
                .contains(String.format("PTE[%d] bits 20:12", (addr >>> 12) & 511));
        assertThat(walk.lines().filter(l -> l.matches("^(PGD|PUD|PMD|PTE)\\[ *\\d+\\] = 0x[0-9a-f]{16} \\(present rw user.*")))
                .hasSize(4);
        assertThat(walk).containsPattern("-> 4 KiB page at phys 0x[0-9a-f]+000, physical address 0x[0-9a-f]+123\n");
    }

    @Test
    void aRunWhoseInputsChangedIsRefused() throws IOException {
        Path inputs = out.resolve("run-inputs.txt");
        Files.writeString(inputs, Files.readString(inputs).replaceAll("end_pgfault=(\\d+)", "end_pgfault=1$1"));
        CliRun r = CliRun.of("walk", "--run", out.toString(), pids().get(0).getFileName().toString(), "0x1000");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).matches("mmsim: .*run-inputs.txt: running .* again ends with \\d+ free pages and \\d+ page"
                + " faults, not the run's \\d+ and \\d+: its scenario or machine changed since\n");
    }

    @Test
    void aMomentOrAPidTheRunDoesNotHaveIsOneLine() throws IOException {
        String pid = pids().get(0).getFileName().toString();
        CliRun noMoment = CliRun.of("walk", "--run", out.toString(), "--at", "t9s", pid, "0x1000");
        assertThat(noMoment.status()).isEqualTo(2);
        assertThat(noMoment.err()).isEqualTo("mmsim: --at: the run has no moment 't9s' (it has start, t0001.000s, end)\n");
        CliRun noPid = CliRun.of("walk", "--run", out.toString(), "77", "0x1000");
        assertThat(noPid.status()).isEqualTo(2);
        assertThat(noPid.err()).startsWith("mmsim: PID: no process 77 at moment end of the run (processes: ");
    }
}
