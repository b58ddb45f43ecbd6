package org.mmsim.workload.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.workload.sim.ScenarioFixtures.MIB;
import static org.mmsim.workload.sim.ScenarioFixtures.S;
import static org.mmsim.workload.sim.ScenarioFixtures.gen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.page.Zone;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * Processes of the vm module are movable memory for compaction, as a process's anonymous pages are in the
 * kernel: two processes fault their 4 KiB pages in at the same time, so their pages interleave; one exits and
 * leaves holes; compact_memory migrates the survivor's pages through the vm module's rmap and rebuilds free
 * order-9 blocks, and the survivor keeps every page.
 */
class VmProcessCompactionTest {
    @Test
    void compactMemoryMovesAProcessesPagesAndItKeepsThem() {
        BootedMachine b = ScenarioFixtures.boot("x86_64-256M");
        Scenario base = ScenarioFixtures.scenario("vm-compaction", 5, 4 * S, true, 0, List.of(),
                gen("process", "name", "keeper", "size", 48 * MIB, "write", Boolean.TRUE, "thp", Boolean.FALSE,
                        "rate", 48.0 * MIB, "touch", "sequential", "lifetime", 10 * S),
                gen("process", "name", "leaver", "size", 48 * MIB, "write", Boolean.TRUE, "thp", Boolean.FALSE,
                        "rate", 48.0 * MIB, "touch", "sequential", "lifetime", 2 * S),
                gen("snapshot", "at", 2500 * 1_000_000L, "label", "holes"),
                gen("compact_memory", "at", 3 * S),
                gen("snapshot", "at", 3500 * 1_000_000L, "label", "compacted"));
        // transparent_hugepage=never: 4 KiB pages only (compaction skips THPs, as isolate_migratepages_block does)
        Scenario sc = ScenarioFixtures.withThp(base, "never");
        Map<String, Map<String, Long>> counters = new LinkedHashMap<>();
        Map<String, Long> order9 = new LinkedHashMap<>();
        Map<String, Long> keeperRss = new LinkedHashMap<>();
        new LinuxSimulation().run(sc, b, new Recorder() {
            @Override
            public void snapshot(long timeNs, String label, SimulationView view) {
                counters.put(label, view.counters());
                long blocks = 0;
                for (Zone z : view.booted().machine().zones()) {
                    if (z.populated()) {
                        blocks += z.nrFree(9) + 2 * z.nrFree(10);
                    }
                }
                order9.put(label, blocks);
                for (SimulationView.ProcessInfo p : view.processes()) {
                    if (p.name().equals("keeper")) {
                        keeperRss.put(label, p.rssPages());
                    }
                }
            }
        });
        BuddyChecker.check(b.machine());
        long migrated = counters.get("compacted").get("pgmigrate_success") - counters.get("holes").get("pgmigrate_success");
        System.out.println("vm compaction: migrated " + migrated + " fail "
                + counters.get("compacted").get("pgmigrate_fail") + " isolated "
                + counters.get("compacted").get("compact_isolated") + " order9 " + order9 + " rss " + keeperRss);
        assertThat(migrated).isGreaterThan(1000);
        assertThat(keeperRss.get("holes")).isEqualTo(48 * MIB / 4096);
        assertThat(keeperRss.get("compacted")).isEqualTo(48 * MIB / 4096);
        assertThat(order9.get("compacted")).isGreaterThan(order9.get("holes"));
    }
}
