package org.mmsim.workload.sim;

import org.mmsim.workload.Simulation;

/** Which {@link Simulation} the front ends run. */
public final class Simulations {
    private Simulations() {
    }

    /** The simulation {@code mmsim run} uses: the page allocator with reclaim, compaction and OOM. */
    public static Simulation create() {
        return new LinuxSimulation();
    }
}
