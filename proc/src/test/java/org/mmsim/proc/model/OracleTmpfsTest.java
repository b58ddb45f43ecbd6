package org.mmsim.proc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.page.Zone;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.Pageset;
import org.mmsim.proc.VmstatFormat;
import org.mmsim.proc.ZoneFreeArea;
import org.mmsim.proc.ZoneInfoFormat;
import org.mmsim.proc.ZoneInfoNode;
import org.mmsim.proc.ZoneInfoZone;
import org.mmsim.testdata.Oracle;
import org.mmsim.workload.sim.LinuxSimulation;
import org.mmsim.workload.sim.ScenarioFixtures;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * The oracle's workload (dd of half of MemFree into tmpfs, rm and drop_caches, compact_memory) on the oracle
 * machines, compared with the real kernel's buddyinfo after each phase. Each machine is booted with what
 * the real one had already used at the start (BootResidue from its meminfo: kernel memory and reclaimable slab
 * that drop_caches cannot free, tmpfs root, anonymous pages). All figures go to target/oracle-tmpfs-figures.txt.
 * The fill also grows reclaimable slab by the file's xarray nodes (radix_tree_node): where the kernel's growth is
 * big enough for them to dominate (200 pages and more; it also holds a few dozen pages of dentries, inodes and
 * memcg vectors the model lacks), the model's is within 10 % of it.
 */
class OracleTmpfsTest {
    /**
     * Issue 4's nine x86_64 machines, and the arm64 (CMA) and i386-PAE (HighMem) ones whose oracle has all three
     * phases (i386pae-1G's stops after after-alloc).
     */
    private static final String[] CASES = {"x86_64-256M", "x86_64-1G", "x86_64-1G-memblockdebug", "x86_64-4G",
        "x86_64-4G-frag", "x86_64-4G-trace", "x86_64-4G-movablecore1G", "x86_64-4G-numa2", "x86_64-16G", "arm64-1G",
        "i386pae-8G"};
    private static final String[] PHASES = {"after-alloc", "after-free", "after-compact"};

    /** Free pages and free order-10 blocks of a buddyinfo text. */
    static long[] buddyTotals(String text) {
        long free = 0;
        long top = 0;
        for (ZoneFreeArea z : BuddyInfoFormat.parse("buddyinfo", text).zones()) {
            free += z.freePages();
            top += z.nrFree(10);
        }
        return new long[] {free, top};
    }

    /** One counter of a vmstat text. */
    static long vmstat(String text, String key) {
        return VmstatFormat.parse("vmstat", text).get(key);
    }

    /**
     * Pages on the per-CPU lists, from zoneinfo's pageset "count:" lines. They are free pages that buddyinfo
     * does not show; where the last bulk free left a pcp list is chance, so the report also gives buddy plus pcp
     * on both sides. The bound of issue 4 is checked on buddy pages, as buddyinfo shows them.
     */
    static long pcpCount(String zoneinfo) {
        long n = 0;
        for (ZoneInfoNode node : ZoneInfoFormat.parse("zoneinfo", zoneinfo).nodes()) {
            for (ZoneInfoZone z : node.zones()) {
                for (Pageset p : z.pagesets()) {
                    n += p.count();
                }
            }
        }
        return n;
    }

    @Test
    void oracleTmpfsPhasesMatchTheKernel() throws IOException {
        StringBuilder report = new StringBuilder("case phase kernel_buddy sim_buddy buddy_err% kernel_pcp sim_pcp"
                + " kernel_free sim_free free_err% kernel_order10 sim_order10 order10_err%\n");
        Map<String, double[]> errors = new LinkedHashMap<>();
        Map<String, long[]> slabGrowth = new LinkedHashMap<>();
        StringBuilder detail = new StringBuilder();
        for (String c : CASES) {
            String params = Oracle.read(c, "workload/params");
            long ddMib = Long.parseLong(params.replaceAll("(?s).*dd_MiB=(\\d+).*", "$1"));
            BootedMachine b = MemoryInit.boot(DmesgImporter.read(Oracle.file(c, "dmesg"), Oracle.file(c, "iomem")), null,
                    BootResidueMeminfo.read(Oracle.file(c, "meminfo"), 12));
            long t0 = ScenarioFixtures.S / 2;
            Scenario sc = ScenarioFixtures.scenario("oracle-tmpfs", 1, 3 * ScenarioFixtures.S + t0, true, 0, List.of(),
                    ScenarioFixtures.gen("shmem", "name", "fill", "size", ddMib * ScenarioFixtures.MIB, "start", t0,
                            "lifetime", ScenarioFixtures.S, "rate", 0.0),
                    ScenarioFixtures.gen("snapshot", "at", t0, "label", "after-alloc"),
                    ScenarioFixtures.gen("drop_caches", "at", t0 + 5 * ScenarioFixtures.S / 4, "value", 3L),
                    ScenarioFixtures.gen("snapshot", "at", t0 + 3 * ScenarioFixtures.S / 2, "label", "after-free"),
                    ScenarioFixtures.gen("compact_memory", "at", t0 + 2 * ScenarioFixtures.S),
                    ScenarioFixtures.gen("snapshot", "at", t0 + 5 * ScenarioFixtures.S / 2, "label", "after-compact"));
            Map<String, long[]> sim = new LinkedHashMap<>();
            new LinuxSimulation().run(sc, b, new Recorder() {
                @Override
                public void snapshot(long timeNs, String label, SimulationView view) {
                    long free = 0;
                    long top = 0;
                    for (Zone z : view.booted().machine().zones()) {
                        if (!z.populated()) {
                            continue;
                        }
                        for (int o = 0; o < 11; o++) {
                            free += z.nrFree(o) << o;
                        }
                        top += z.nrFree(10);
                    }
                    long pcpPages = 0;
                    for (Zone z : view.booted().machine().zones()) {
                        for (int cpu = 0; cpu < view.booted().machine().nrCpus(); cpu++) {
                            pcpPages += z.populated() ? z.pcpCount(cpu) : 0;
                        }
                    }
                    sim.put(label, new long[] {free, top, pcpPages, view.counters().getOrDefault("nr_slab_reclaimable", 0L)});
                    StringBuilder cs = new StringBuilder();
                    view.counters().forEach((k, v) -> {
                        if (k.matches("nr_(shmem|file_pages|slab_reclaimable|slab_unreclaimable|anon_pages|free_pages)|pgmigrate_success|compact_isolated")) {
                            cs.append(' ').append(k).append('=').append(v);
                        }
                    });
                    long pcp = 0;
                    for (Zone z : view.booted().machine().zones()) {
                        for (int cpu = 0; cpu < view.booted().machine().nrCpus(); cpu++) {
                            pcp += z.populated() ? z.pcpCount(cpu) : 0;
                        }
                    }
                    detail.append(c).append(' ').append(label).append(cs).append(" pcp=").append(pcp).append('\n');
                }
            });
            BuddyChecker.check(b.machine());
            slabGrowth.put(c, new long[] {
                vmstat(Oracle.read(c, "workload/after-alloc/vmstat"), "nr_slab_reclaimable")
                    - vmstat(Oracle.read(c, "vmstat"), "nr_slab_reclaimable"),
                sim.get("after-alloc")[3] - sim.get("start")[3]});
            for (String phase : PHASES) {
                long[] k = buddyTotals(Oracle.read(c, "workload/" + phase + "/buddyinfo"));
                long[] s = sim.get(phase);
                long kPcp = pcpCount(Oracle.read(c, "workload/" + phase + "/zoneinfo"));
                long sPcp = s[2];
                double buddyErr = 100.0 * (s[0] - k[0]) / k[0];
                double freeErr = 100.0 * ((s[0] + sPcp) - (k[0] + kPcp)) / (k[0] + kPcp);
                double topErr = k[1] == 0 ? 0 : 100.0 * (s[1] - k[1]) / k[1];
                errors.put(c + " " + phase, new double[] {buddyErr, topErr});
                report.append(String.format("%s %s %d %d %.2f %d %d %d %d %.2f %d %d %.2f%n", c, phase, k[0], s[0],
                        buddyErr, kPcp, sPcp, k[0] + kPcp, s[0] + sPcp, freeErr, k[1], s[1], topErr));
            }
        }
        report.append("\nreclaimable slab grown by the fill (radix_tree_node for the file's xarray):\n");
        for (Map.Entry<String, long[]> e : slabGrowth.entrySet()) {
            long[] g = e.getValue();
            report.append(String.format("%s kernel %d sim %d (%.1f%%)%n", e.getKey(), g[0], g[1], 100.0 * (g[1] - g[0]) / g[0]));
        }
        Path out = Path.of("target", "oracle-tmpfs-figures.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString() + "\nsimulation counters at each phase:\n" + detail);
        System.out.print(report);
        // By hand: the 1 GiB fill of 118,272 pages has 1,878 xa_nodes, 14 to an order-1 slab. The tmpfs root of the
        // residue (Shmem 1,940 kB: 485 pages, 8 leaf nodes and a root) left 5 free objects in its slab, so the fill
        // needs 1,873 more: 134 slabs, 268 pages.
        assertThat(slabGrowth.get("x86_64-1G")[1]).isEqualTo(268);
        for (Map.Entry<String, long[]> e : slabGrowth.entrySet()) {
            long kernel = e.getValue()[0];
            if (kernel >= 200) {
                assertThat(Math.abs(e.getValue()[1] - kernel) * 100.0 / kernel).as("slab growth %s", e.getKey())
                        .isLessThanOrEqualTo(10.0);
            }
        }
        for (Map.Entry<String, double[]> e : errors.entrySet()) {
            assertThat(Math.abs(e.getValue()[0])).as("free pages %s", e.getKey()).isLessThanOrEqualTo(2.0);
            if (e.getKey().endsWith("after-compact")) {
                assertThat(Math.abs(e.getValue()[1])).as("order-10 blocks %s", e.getKey()).isLessThanOrEqualTo(10.0);
            }
        }
    }
}
