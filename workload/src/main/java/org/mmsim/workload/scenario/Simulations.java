package org.mmsim.workload.scenario;

import org.mmsim.workload.Simulation;

/** Which {@link Simulation} the front ends run. */
public final class Simulations {
    private Simulations() {
    }

    /** The simulation {@code mmsim run} uses: for now the reclaim-less {@link BasicSimulation} stand-in. */
    public static Simulation create() {
        return new BasicSimulation();
    }
}
