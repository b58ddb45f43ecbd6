package org.mmsim.workload.sim;

import org.mmsim.reclaim.Mm;
import org.mmsim.workload.scenario.Scenario;

/** fork: every so often a child process touches its own anonymous memory and exits after its lifetime. */
final class ForkGenerator extends WorkloadGenerator {
    private final long every;
    private final int pages;
    private final long lifetime;

    ForkGenerator(Scenario.Generator g) {
        super(g, g.getLong("every", 0));
        every = firstStep();
        if (every <= 0) {
            throw bad("every must be positive");
        }
        pages = intPages(g.getLong("size", 0));
        lifetime = g.getLong("lifetime", 0);
    }

    @Override
    long step(SimulationRun run) {
        Mm child = run.mem.newMm(run.nextPid(), spec.getString("name", "child"), pages, false);
        for (int v = 0; v < pages && child.alive(); v++) {
            run.mem.touchAnon(child, v, false);
        }
        if (lifetime > 0) {
            run.schedule(run.now + lifetime, SimulationRun.EV_EXIT_MM, child.id, 0);
        }
        return run.now + every;
    }
}
