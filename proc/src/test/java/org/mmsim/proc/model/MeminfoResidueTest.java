package org.mmsim.proc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.zone.EarlyBoot;
import org.mmsim.page.init.BootResidue;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.proc.Meminfo;
import org.mmsim.proc.MeminfoFormat;
import org.mmsim.testdata.Oracle;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.sim.LinuxSimulation;
import org.mmsim.workload.sim.ScenarioFixtures;

/**
 * A run started from a real machine's /proc/meminfo ({@code mmsim run --meminfo}) shows that machine's memory
 * breakdown at its start snapshot: Shmem, Slab (and its SReclaimable and SUnreclaim), Cached and AnonPages within
 * 2 % of the file's figures, and MemFree too. Every 6.1 oracle case is booted from its own dmesg and run with its
 * meminfo right after boot and with the one after the oracle's tmpfs fill (workload/after-alloc: half the memory
 * in Shmem). The expected values are the files' own numbers; the figures go to target/meminfo-residue.txt.
 */
class MeminfoResidueTest {
    private static final String[] FIELDS = {"MemFree", "Shmem", "Cached", "AnonPages", "Slab", "SReclaimable",
        "SUnreclaim"};
    private static final List<String> REPORT = new ArrayList<>();

    static Stream<String> meminfos() {
        return Oracle.cases61().stream().flatMap(c -> Stream.of(c + "/meminfo", c + "/workload/after-alloc/meminfo"));
    }

    @ParameterizedTest
    @MethodSource("meminfos")
    void theRunStartsWithTheRealMachinesMeminfo(String meminfo) throws Exception {
        String name = meminfo.substring(0, meminfo.indexOf('/'));
        Path dir = Oracle.caseDir(name);
        Path file = Oracle.casesDir().resolve(meminfo);
        MachineSpec spec = DmesgImporter.read(dir.resolve("dmesg"), dir.resolve("iomem"));
        BootResidue residue = BootResidueMeminfo.read(file, spec.arch().pageShift(),
                EarlyBoot.layout(spec).physpages());
        BootedMachine booted = MemoryInit.boot(spec, null, residue);
        Scenario idle = ScenarioFixtures.scenario("meminfo-residue", 1, ScenarioFixtures.S / 1000, true, 0, List.of());
        Meminfo[] start = new Meminfo[1];
        new LinuxSimulation().run(idle, booted, new Recorder() {
            @Override
            public void snapshot(long timeNs, String label, SimulationView view) {
                if (label.equals("start")) {
                    start[0] = new ProcFiles(view.booted(), view.counters(), 0).meminfo();
                }
            }
        });
        Meminfo kernel = MeminfoFormat.parse(meminfo, Files.readString(file));
        StringBuilder row = new StringBuilder(String.format("%-48s", meminfo));
        for (String f : FIELDS) {
            long k = kernel.get(f);
            long m = start[0].get(f);
            row.append(String.format(" %s %d/%d", f, k, m));
        }
        REPORT.add(row.toString());
        for (String f : FIELDS) {
            long k = kernel.get(f);
            assertThat((double) Math.abs(start[0].get(f) - k)).as("%s %s: expected %d kB", meminfo, f, k)
                    .isLessThanOrEqualTo(0.02 * k);
        }
    }

    @AfterAll
    static void writeReport() throws Exception {
        Path out = Path.of("target", "meminfo-residue.txt");
        Files.createDirectories(out.getParent());
        REPORT.add(0, "meminfo, then each field as kernel/mmsim kB at the run's start");
        Files.write(out, REPORT);
    }
}
