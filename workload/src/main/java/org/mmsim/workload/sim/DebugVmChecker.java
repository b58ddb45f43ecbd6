package org.mmsim.workload.sim;

import java.util.function.ObjLongConsumer;
import org.mmsim.page.Machine;
import org.mmsim.page.MemMap;
import org.mmsim.page.Zone;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.debug.VmBug;
import org.mmsim.reclaim.PageOwners;
import org.mmsim.reclaim.ReclaimChecker;
import org.mmsim.vm.RmapChecker;
import org.mmsim.vm.VmSystem;

/**
 * {@code mmsim run --debug-vm}: the model's CONFIG_DEBUG_VM. After every event of a run (and once at the start)
 * it runs the checks of every layer: the buddy allocator's ({@link BuddyChecker}: free lists, nr_free,
 * NR_FREE_PAGES, pcp lists and counts), the reclaim layer's ({@link ReclaimChecker}: LRU lists, page owners,
 * node counters, dirty accounting, swap) and, once processes exist, the vm layer's ({@link RmapChecker}:
 * mapcounts, refcounts, mm counters, the swap map with the tmpfs files' entries, no freed page in use), then
 * what ties the layers together: every anonymous page the memory model counts ({@link PageOwners#ANON}) is
 * referenced by the processes.
 * A broken invariant stops the run with a {@link VmBug} whose one-line message names the check, the simulated
 * time, the event and the state. A run without the flag never creates this class.
 */
final class DebugVmChecker {
    /** The check that ties the layers together. */
    static final String LAYERS = "layers (anonymous pages of the processes)";

    /**
     * Test hook, null in real runs: called with the run and the event number just before the checks of that
     * event, so that a test can corrupt the model and see the checker stop the run.
     */
    static volatile ObjLongConsumer<SimulationRun> beforeCheckForTest;

    private final SimulationRun run;
    private final ReclaimChecker reclaim;
    private RmapChecker rmap;
    private long events;

    DebugVmChecker(SimulationRun run) {
        this.run = run;
        this.reclaim = new ReclaimChecker(run.mem);
        check("boot");
    }

    /** Events checked so far, the boot state not counted. */
    long eventsChecked() {
        return events;
    }

    /** The checks after one event of the run. */
    void afterEvent(int kind, int argInt) {
        events++;
        check(describe(kind, argInt));
    }

    private void check(String event) {
        ObjLongConsumer<SimulationRun> hook = beforeCheckForTest;
        if (hook != null) {
            hook.accept(run, events);
        }
        try {
            BuddyChecker.check(run.machine);
            reclaim.check();
            VmSystem sys = run.view.existingVm();
            if (sys != null) {
                if (rmap == null) {
                    rmap = new RmapChecker(sys);
                }
                int[] shmemSwap = reclaim.shmemSwapRefs();
                rmap.setOtherSwapRefs(slot -> shmemSwap[slot]);
                rmap.check(this::isAllocatedHead);
            }
            checkLayers(sys);
        } catch (VmBug bug) {
            throw new VmBug(bug.check(), String.format("at %d.%09d s, after event %d (%s): %s", run.now / 1_000_000_000L,
                    run.now % 1_000_000_000L, events, event, bug.detail()));
        }
    }

    private void checkLayers(VmSystem sys) {
        PageOwners po = run.mem.owners;
        for (int s = 0; s < po.size(); s++) {
            long pfn = po.pfn(s);
            if (po.kind(pfn) == PageOwners.ANON && (sys == null || sys.refs().refcount(pfn) <= 0)) {
                throw new VmBug(LAYERS, "anonymous page 0x" + Long.toHexString(pfn)
                        + " counted by the memory model has no reference in the processes");
            }
        }
    }

    private boolean isAllocatedHead(long pfn) {
        Machine m = run.machine;
        Zone z = m.zoneOf(pfn);
        if (z == null) {
            return false;
        }
        MemMap map = z.node().memMap();
        return map.isAllocatedHead(pfn);
    }

    /** The event in words: which generator stepped, or which kernel thread or timer ran. */
    private String describe(int kind, int argInt) {
        return switch (kind) {
            case SimulationRun.EV_STEP -> "step of " + run.generators.get(argInt).spec.getString("name",
                    run.generators.get(argInt).spec.kind());
            case SimulationRun.EV_KSWAPD -> "kswapd" + argInt;
            case SimulationRun.EV_KCOMPACTD -> "kcompactd" + argInt;
            case SimulationRun.EV_KCOMPACTD_TIMER -> "kcompactd" + argInt + " proactive timer";
            case SimulationRun.EV_SNAPSHOT -> "snapshot";
            case SimulationRun.EV_FREE_KERNEL -> "free of a kernel allocation";
            case SimulationRun.EV_FREE_SLAB -> "free of a slab page";
            case SimulationRun.EV_FREE_THP -> "free of a held THP";
            case SimulationRun.EV_EXIT_MM -> "exit of a process";
            case SimulationRun.EV_WRITEBACK -> "flusher";
            default -> "event kind " + kind;
        };
    }
}
