package org.mmsim.workload.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mmsim.workload.sim.ScenarioFixtures.MIB;
import static org.mmsim.workload.sim.ScenarioFixtures.S;
import static org.mmsim.workload.sim.ScenarioFixtures.gen;

import java.util.List;
import java.util.Map;
import java.util.function.ObjLongConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmsim.page.Gfp;
import org.mmsim.page.debug.VmBug;
import org.mmsim.reclaim.PageOwners;
import org.mmsim.reclaim.ReclaimChecker;
import org.mmsim.reclaim.VmCounters;
import org.mmsim.vm.RmapChecker;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * The run's debug checker: it checks after every event without changing the run (the counters are those of a
 * run without it), and a corruption of any layer, or of what ties them, stops the run with one line naming the
 * check, the simulated time, the event and the state.
 */
class DebugVmCheckerTest {
    /** Every layer busy: vm processes forking and swapping, written page cache, tmpfs, slab, kernel, THP. */
    private static Scenario busy() {
        return new Scenario("busy", "busy.yaml", "test", 11, S, 250, Map.of("vm.swappiness", "60"), 64 * MIB, true,
                Scenario.DEFAULT_WRITEBACK_DELAY_NS, "always", List.of(
                        gen("process", "name", "p", "size", 96 * MIB, "rate", 128.0 * MIB, "thp", Boolean.TRUE,
                                "write", Boolean.TRUE, "forks", 2L, "fork_at", S / 4, "child_writes", 16 * MIB,
                                "child_lifetime", S / 4),
                        gen("file", "name", "f", "size", 96 * MIB, "rate", 200.0 * MIB, "write", Boolean.TRUE),
                        gen("shmem", "name", "s", "size", 32 * MIB, "rate", 0.0, "lifetime", S / 2),
                        gen("anon", "name", "a", "size", 64 * MIB, "rate", 128.0 * MIB, "thp", Boolean.TRUE),
                        gen("slab", "name", "sl", "rate", 1000.0, "lifetime_mean", 0.5 * S, "reclaimable", Boolean.TRUE),
                        gen("kernel", "name", "k", "rate", 1000.0, "orders", Map.of(0, 80.0, 2, 20.0),
                                "lifetime_mean", 0.3 * S)),
                new Scenario.Record(S, List.of(), List.of()));
    }

    private static final Recorder NOTHING = new Recorder() {
        @Override
        public void snapshot(long timeNs, String label, SimulationView view) {
        }
    };

    private static SimulationRun run(boolean debugVm) {
        return new SimulationRun(busy(), ScenarioFixtures.boot("x86_64-256M"), NOTHING, debugVm);
    }

    /**
     * Anonymous memory beyond RAM in THPs: reclaim takes cold THPs through rmap and swaps each out whole (512 swap
     * ptes from one split PMD), and every layer's invariants hold after every event.
     */
    @Test
    void thpsSwappedOutWholeKeepEveryInvariant() {
        Scenario sc = new Scenario("thp-swap", "thp-swap.yaml", "test", 5, 2 * S, 250, Map.of(), 256 * MIB, true,
                Scenario.DEFAULT_WRITEBACK_DELAY_NS, "always", List.of(
                        gen("anon", "name", "cold", "size", 120 * MIB, "rate", 0.0, "thp", Boolean.TRUE),
                        gen("anon", "name", "warm", "size", 160 * MIB, "start", S / 2, "touch", "random",
                                "rate", 200.0 * MIB, "thp", Boolean.TRUE)),
                new Scenario.Record(S, List.of(), List.of()));
        SimulationRun r = new SimulationRun(sc, ScenarioFixtures.boot("x86_64-256M"), NOTHING, true);
        Map<String, Long> c = r.run().counters();
        assertThat(c.get("thp_swpout")).isPositive();
        assertThat(c.get("pswpout")).isGreaterThanOrEqualTo(512 * c.get("thp_swpout"));
        assertThat(c.get("thp_split_pmd")).isGreaterThanOrEqualTo(c.get("thp_swpout"));
        assertThat(r.debugVm.eventsChecked()).isGreaterThan(100);
    }

    @AfterEach
    void noHook() {
        DebugVmChecker.beforeCheckForTest = null;
    }

    @Test
    void checksEveryEventAndChangesNothing() {
        SimulationRun checked = run(true);
        Map<String, Long> withChecks = checked.run().counters();
        Map<String, Long> without = run(false).run().counters();
        assertThat(withChecks).isEqualTo(without);
        assertThat(without.get("nr_swap_used") + without.get("pswpout")).isPositive();
        assertThat(checked.view.existingVm()).isNotNull();
        assertThat(checked.debugVm.eventsChecked()).isGreaterThan(1000);
    }

    private static VmBug stoppedBy(long event, ObjLongConsumer<SimulationRun> corruption) {
        DebugVmChecker.beforeCheckForTest = (r, n) -> {
            if (n == event) {
                corruption.accept(r, n);
            }
        };
        SimulationRun r = run(true);
        Throwable t = catchThrowable(r::run);
        assertThat(t).isInstanceOf(VmBug.class);
        assertThat(r.debugVm.eventsChecked()).isEqualTo(event);
        return (VmBug) t;
    }

    @Test
    void aCorruptCounterStopsTheRunWithOneLine() {
        VmBug bug = stoppedBy(100, (r, n) -> r.mem.counters.add(VmCounters.NR_FILE_PAGES, 1));
        assertThat(bug.check()).isEqualTo(ReclaimChecker.COUNTERS);
        assertThat(bug.getMessage()).doesNotContain("\n").matches(
                "node counters .*: at \\d+\\.\\d{9} s, after event 100 \\(.+\\): nr_file_pages is \\d+ but the pages say \\d+");
    }

    @Test
    void aSwapSlotNoEntryHoldsIsCaught() {
        VmBug bug = stoppedBy(200, (r, n) -> r.mem.swap.dup(r.mem.swap.allocSlot()));
        assertThat(bug.check()).isEqualTo(RmapChecker.SWAP);
        assertThat(bug.getMessage()).contains("swap PTEs and 0 other entries");
    }

    @Test
    void anAnonymousPageNoProcessHoldsIsCaught() {
        VmBug bug = stoppedBy(300, (r, n) -> r.mem.addNewAnonPage(r.mem.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 0), 0, false));
        assertThat(bug.check()).isEqualTo(DebugVmChecker.LAYERS);
        assertThat(bug.getMessage()).contains("has no reference in the processes");
    }

    @Test
    void aFreePageWithAnOwnerIsCaught() {
        VmBug bug = stoppedBy(400, (r, n) -> {
            long pfn = r.machine.allocPages(Gfp.GFP_KERNEL, 0);
            r.machine.freePages(pfn, 0);
            r.mem.owners.set(pfn, PageOwners.KERNEL, 0, 0, 0);
        });
        assertThat(bug.check()).isEqualTo(ReclaimChecker.OWNER);
    }

    @Test
    void theBootStateIsCheckedToo() {
        DebugVmChecker.beforeCheckForTest = (r, n) -> r.mem.counters.add(VmCounters.NR_SHMEM, 1);
        assertThatThrownBy(() -> run(true)).isInstanceOf(VmBug.class).hasMessageContaining("after event 0 (boot)");
    }
}
