package org.mmsim.workload.sim;

import org.mmsim.workload.scenario.Scenario;

/**
 * What the kernel, slab and thp generators share: single allocations at a rate (per second), from start until
 * stop (never, when stop is 0), each made by the subclass; the freeing is scheduled by the subclass too.
 */
abstract class PacedAllocGenerator extends WorkloadGenerator {
    private final long stop;
    private final Pacer pacer;

    PacedAllocGenerator(Scenario.Generator g) {
        super(g);
        stop = g.getLong("stop", 0);
        pacer = new Pacer(g.getDouble("rate", 0));
    }

    /** Makes one allocation at run.now and schedules its free. */
    abstract void allocOne(SimulationRun run);

    @Override
    final long step(SimulationRun run) {
        if (stop > 0 && run.now >= stop) {
            return NO_MORE;
        }
        long n = pacer.next();
        for (long i = 0; i < n; i++) {
            allocOne(run);
        }
        return run.now + QUANTUM_NS;
    }
}
