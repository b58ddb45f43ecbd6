package org.mmsim.workload.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.workload.sim.ScenarioFixtures.MIB;
import static org.mmsim.workload.sim.ScenarioFixtures.S;
import static org.mmsim.workload.sim.ScenarioFixtures.gen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * Page-cache writeback by mm/page-writeback.c's and fs/fs-writeback.c's rules, on the x86_64-1G oracle machine:
 * a writer never holds more than the dirty threshold dirty or under writeback (balance_dirty_pages), background
 * writeback brings the dirty pages back under the background threshold, pages dirty for longer than
 * dirty_expire_centisecs are written by the periodic flush, and reclaim never frees a dirty page: it marks it
 * PG_reclaim, wakes the flusher, and the written page is rotated to the inactive tail (pgrotated).
 */
class WritebackTest {
    private record Run(List<Map<String, Long>> snapshots, Map<String, Long> end) {
    }

    private static Run run(long durationNs, Map<String, String> sysctl, Scenario.Generator... gens) {
        BootedMachine b = ScenarioFixtures.boot("x86_64-1G");
        Map<String, String> sys = new LinkedHashMap<>(Map.of("vm.swappiness", "60"));
        sys.putAll(sysctl);
        Scenario sc = new Scenario("writeback", "writeback.yaml", "test", 3, durationNs, 250, sys, 0, true,
                Scenario.DEFAULT_WRITEBACK_DELAY_NS, "always", new ArrayList<>(List.of(gens)),
                new Scenario.Record(S / 10, List.of(), List.of()));
        List<Map<String, Long>> snaps = new ArrayList<>();
        SimulationView end = new LinuxSimulation().run(sc, b, new Recorder() {
            @Override
            public void snapshot(long timeNs, String label, SimulationView view) {
                snaps.add(view.counters());
            }
        });
        BuddyChecker.check(b.machine());
        return new Run(snaps, end.counters());
    }

    /** Every dirtied page is dirty, under writeback or written: none leaves the dirty state any other way. */
    private static void assertConserved(Map<String, Long> c) {
        assertThat(c.get("nr_dirty") + c.get("nr_writeback") + c.get("nr_written")).isEqualTo(c.get("nr_dirtied"));
    }

    @Test
    void aWriterStaysUnderTheDirtyLimitAndEverythingIsWrittenInTheEnd() {
        long pages = 400 * MIB / 4096;
        Run r = run(40 * S, Map.of(), gen("file", "name", "log", "size", 400 * MIB, "write", Boolean.TRUE,
                "rate", 0.0));
        for (Map<String, Long> c : r.snapshots()) {
            assertConserved(c);
            // The writer checks the limit before each page; the limit itself moves with free memory, which the
            // per-CPU list refills (batch 63) change by whole batches between the check and a snapshot.
            assertThat(c.get("nr_dirty") + c.get("nr_writeback")).isLessThanOrEqualTo(c.get("nr_dirty_threshold") + 63);
            assertThat(c.get("nr_dirty")).isLessThanOrEqualTo(c.get("nr_dirty_background_threshold"));
        }
        // 400 MiB is more than the 1 GiB machine's dirty threshold (20 % of about 930 MiB dirtyable), so the writer
        // had to wait for writeback: it finished only after the first writes completed (100 ms each).
        assertThat(r.snapshots().get(0).get("nr_dirtied")).isLessThan(pages);
        assertThat(r.end().get("nr_dirtied")).isEqualTo(pages);
        assertThat(r.end().get("nr_written")).isEqualTo(pages);
        assertThat(r.end().get("nr_dirty")).isZero();
        assertThat(r.end().get("nr_writeback")).isZero();
    }

    @Test
    void dirtyPagesExpireAfterDirtyExpireCentisecs() {
        // 10 MiB stays far below the background threshold: only the periodic flush (every 5 s) writes it, once it
        // has been dirty for 30 s. With expiry at 10 s the same pages are written after 10 s instead.
        Scenario.Generator writer = gen("file", "name", "small", "size", 10 * MIB, "write", Boolean.TRUE, "rate", 0.0);
        Run standard = run(36 * S, Map.of(), writer);
        Map<String, Long> at29 = standard.snapshots().get(290);
        assertThat(at29.get("nr_dirty")).isEqualTo(10 * MIB / 4096);
        assertThat(standard.end().get("nr_written")).isEqualTo(10 * MIB / 4096);
        Run quick = run(16 * S, Map.of("vm.dirty_expire_centisecs", "1000"), writer);
        assertThat(quick.snapshots().get(90).get("nr_dirty")).isEqualTo(10 * MIB / 4096);
        assertThat(quick.end().get("nr_written")).isEqualTo(10 * MIB / 4096);
    }

    @Test
    void reclaimLeavesDirtyPagesToTheFlusherAndRotatesThemWhenWritten() {
        // Background writeback and the periodic flush are out of the way (ratios 50/90, no kupdate): 500 MiB of
        // dirty file pages sit on the LRU when a 700 MiB process needs the memory.
        Run r = run(6 * S, Map.of("vm.dirty_background_ratio", "50", "vm.dirty_ratio", "90",
                        "vm.dirty_writeback_centisecs", "0"),
                gen("file", "name", "data", "size", 500 * MIB, "write", Boolean.TRUE, "rate", 0.0),
                gen("anon", "name", "app", "size", 700 * MIB, "start", S, "rate", 700.0 * MIB, "touch", "sequential"));
        for (Map<String, Long> c : r.snapshots()) {
            assertConserved(c);
        }
        assertThat(r.end().get("nr_vmscan_immediate_reclaim")).isGreaterThan(0);
        assertThat(r.end().get("nr_written")).isGreaterThan(0);
        assertThat(r.end().get("pgrotated")).isGreaterThan(0);
        assertThat(r.end().get("pgsteal_file")).isGreaterThan(0);
    }
}
