package org.mmsim.proc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.workload.sim.ScenarioFixtures.S;
import static org.mmsim.workload.sim.ScenarioFixtures.gen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.page.Zone;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.ZoneFreeArea;
import org.mmsim.testdata.Oracle;
import org.mmsim.workload.sim.LinuxSimulation;
import org.mmsim.workload.sim.ScenarioFixtures;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * The oracle's fragmentation phase (frag.c, after the tmpfs workload) on the x86_64-4G-frag and -trace machines,
 * compared with the real kernel's buddyinfo at each of its four states: order-0 holes punched (after-punch), the
 * order-9 blocks taken by THP faults (after-holes), compact_memory (after-compact) and exit (after-exit). Figures
 * go to target/oracle-frag-figures.txt. Checked against the kernel's files: the number of THP faults that
 * succeed (frag/log) within 2 %; free pages in the buddy within 2.5 % and, with the per-CPU lists on both sides
 * (where a long free stream leaves them, between batch and high, is chance), within 1 %; and free order-10 blocks
 * within 10 % wherever the kernel has 100 or more. One exception: in the traced run, compact_memory left the
 * DMA32 zone untouched (53,401 pages migrated against 166,653 in the untraced run, and DMA32's 220,014 order-0
 * holes still there), which the model, compacting every zone as compact_node() does, cannot reproduce.
 */
class OracleFragTest {
    private static final String[] CASES = {"x86_64-4G-frag", "x86_64-4G-trace"};
    private static final String[] PHASES = {"after-punch", "after-holes", "after-compact", "after-exit"};

    /** Per zone line of a buddyinfo: the counts per order, by zone name. */
    static Map<String, long[]> buddy(String text) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (ZoneFreeArea z : BuddyInfoFormat.parse("buddyinfo", text).zones()) {
            out.put(z.zoneName(), z.nrFree());
        }
        return out;
    }

    private static void check(List<String> failures, boolean ok, String what) {
        if (!ok) {
            failures.add(what);
        }
    }

    static long pages(long[] n) {
        long p = 0;
        for (int o = 0; o < n.length; o++) {
            p += n[o] << o;
        }
        return p;
    }

    @Test
    void fragPhasesMatchTheKernel() throws IOException {
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (String c : CASES) {
            String params = Oracle.read(c, "workload/params");
            long ddMib = Long.parseLong(params.replaceAll("(?s).*dd_MiB=(\\d+).*", "$1"));
            long kernelThp = Long.parseLong(Oracle.read(c, "frag/log").replaceAll("(?s).*thp_total=(\\d+).*", "$1"));
            BootedMachine b = MemoryInit.boot(DmesgImporter.read(Oracle.file(c, "dmesg"), Oracle.file(c, "iomem")),
                    null, BootResidueMeminfo.read(Oracle.file(c, "meminfo"), 12));
            long t0 = S / 2;
            long f0 = t0 + 3 * S;
            Scenario sc = new Scenario("oracle-frag", "oracle-frag.yaml", "test", 1, f0 + 4 * S, 250,
                    Map.of("vm.compaction_proactiveness", "0"), 0, true, Scenario.DEFAULT_WRITEBACK_DELAY_NS, "always", new ArrayList<>(List.of(
                    gen("shmem", "name", "fill", "size", ddMib * ScenarioFixtures.MIB, "start", t0, "lifetime", S,
                            "rate", 0.0),
                    gen("drop_caches", "at", t0 + 5 * S / 4, "value", 3L),
                    gen("compact_memory", "at", t0 + 2 * S),
                    gen("frag", "pct", 70L, "start", f0, "fill", f0 + S, "exit", f0 + 3 * S),
                    gen("snapshot", "at", f0 + S / 2, "label", "after-punch"),
                    gen("snapshot", "at", f0 + 3 * S / 2, "label", "after-holes"),
                    gen("compact_memory", "at", f0 + 2 * S),
                    gen("snapshot", "at", f0 + 5 * S / 2, "label", "after-compact"),
                    gen("snapshot", "at", f0 + 7 * S / 2, "label", "after-exit"))),
                    new Scenario.Record(S, List.of(), List.of()));
            Map<String, Map<String, long[]>> sim = new LinkedHashMap<>();
            Map<String, Long> thp = new LinkedHashMap<>();
            Map<String, Long> pcpPages = new LinkedHashMap<>();
            Map<String, Long> migrated = new LinkedHashMap<>();
            new LinuxSimulation().run(sc, b, new Recorder() {
                @Override
                public void snapshot(long timeNs, String label, SimulationView view) {
                    Map<String, long[]> zones = new LinkedHashMap<>();
                    for (Zone z : view.booted().machine().zones()) {
                        if (z.populated()) {
                            long[] n = new long[11];
                            for (int o = 0; o < 11; o++) {
                                n[o] = z.nrFree(o);
                            }
                            zones.put(z.name(), n);
                        }
                    }
                    sim.put(label, zones);
                    long pcp = 0;
                    for (Zone z : view.booted().machine().zones()) {
                        for (int cpu = 0; cpu < view.booted().machine().nrCpus(); cpu++) {
                            pcp += z.populated() ? z.pcpCount(cpu) : 0;
                        }
                    }
                    pcpPages.put(label, pcp);
                    thp.put(label, view.counters().getOrDefault("frag_thp", 0L));
                    migrated.put(label, view.counters().getOrDefault("pgmigrate_success", 0L));
                }
            });
            BuddyChecker.check(b.machine());
            report.append(String.format("%s: THP faults that succeeded: kernel %d, mmsim %d%n", c, kernelThp,
                    thp.get("after-exit")));
            long kMigrated = OracleTmpfsTest.vmstat(Oracle.read(c, "frag/after-compact/vmstat"), "pgmigrate_success")
                    - OracleTmpfsTest.vmstat(Oracle.read(c, "frag/after-holes/vmstat"), "pgmigrate_success");
            long sMigrated = migrated.get("after-compact") - migrated.get("after-holes");
            report.append(String.format("%s: pages compact_memory migrated: kernel %d, mmsim %d%n", c, kMigrated,
                    sMigrated));
            if (c.equals("x86_64-4G-frag")) {
                check(failures, Math.abs(sMigrated - kMigrated) * 100.0 / kMigrated <= 10.0,
                        c + " pages migrated " + sMigrated + " against " + kMigrated);
            }
            check(failures, Math.abs(thp.get("after-exit") - kernelThp) * 100.0 / kernelThp <= 2.0,
                    c + " THP count " + thp.get("after-exit") + " against " + kernelThp);
            for (String phase : PHASES) {
                Map<String, long[]> k = buddy(Oracle.read(c, "frag/" + phase + "/buddyinfo"));
                Map<String, long[]> s = sim.get(phase);
                long kFree = 0;
                long sFree = 0;
                for (Map.Entry<String, long[]> e : k.entrySet()) {
                    long[] sv = s.get(e.getKey());
                    kFree += pages(e.getValue());
                    sFree += pages(sv);
                    report.append(String.format("%s %-13s %-6s kernel %s%n", c, phase, e.getKey(),
                            java.util.Arrays.toString(e.getValue())));
                    report.append(String.format("%s %-13s %-6s mmsim  %s%n", c, phase, e.getKey(),
                            java.util.Arrays.toString(sv)));
                }
                double err = 100.0 * (sFree - kFree) / kFree;
                long kPcp = OracleTmpfsTest.pcpCount(Oracle.read(c, "frag/" + phase + "/zoneinfo"));
                long sPcp = pcpPages.get(phase);
                double totalErr = 100.0 * ((sFree + sPcp) - (kFree + kPcp)) / (kFree + kPcp);
                long kTop = 0;
                long sTop = 0;
                for (String zone : k.keySet()) {
                    kTop += k.get(zone)[10];
                    sTop += s.get(zone)[10];
                }
                double topErr = kTop == 0 ? 0 : 100.0 * (sTop - kTop) / kTop;
                report.append(String.format("%s %-13s buddy pages kernel %d mmsim %d (%+.2f%%); pcp kernel %d mmsim %d;"
                        + " buddy+pcp %+.2f%%; order-10 blocks kernel %d mmsim %d (%+.1f%%)%n",
                        c, phase, kFree, sFree, err, kPcp, sPcp, totalErr, kTop, sTop, topErr));
                check(failures, Math.abs(err) <= 2.5, c + " " + phase + " buddy pages " + err + "%");
                check(failures, Math.abs(totalErr) <= 1.0, c + " " + phase + " buddy+pcp pages " + totalErr + "%");
                boolean compactedDma32 = !(c.equals("x86_64-4G-trace") && phase.equals("after-compact"));
                if (kTop >= 100 && compactedDma32) {
                    check(failures, Math.abs(topErr) <= 10.0, c + " " + phase + " order-10 blocks " + topErr + "%");
                }
            }
        }
        Path out = Path.of("target", "oracle-frag-figures.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.print(report);
        assertThat(failures).isEmpty();
    }
}
