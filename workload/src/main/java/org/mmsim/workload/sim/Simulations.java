package org.mmsim.workload.sim;

import org.mmsim.workload.Simulation;

/** Which {@link Simulation} the front ends run. */
public final class Simulations {
    private Simulations() {
    }

    /** The simulation {@code mmsim run} uses: the page allocator with reclaim, compaction and OOM. */
    public static Simulation create() {
        return create(false);
    }

    /**
     * The same, with {@code debugVm} checking every layer's invariants after every event ({@code mmsim run
     * --debug-vm}); a broken one stops the run with an {@link org.mmsim.page.debug.VmBug}.
     */
    public static Simulation create(boolean debugVm) {
        return new LinuxSimulation(debugVm);
    }
}
