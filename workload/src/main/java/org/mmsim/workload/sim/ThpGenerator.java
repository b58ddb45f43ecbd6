package org.mmsim.workload.sim;

import org.mmsim.page.Gfp;
import org.mmsim.workload.scenario.Scenario;

/** thp: order-9 allocation attempts at a rate with a THP gfp mask, each success held for a while. */
final class ThpGenerator extends WorkloadGenerator {
    private final long start;
    private final long stop;
    private final long hold;
    private final int gfp;
    private final Pacer pacer;

    ThpGenerator(Scenario.Generator g) {
        super(g);
        start = g.getLong("start", 0);
        stop = g.getLong("stop", 0);
        hold = g.getLong("hold", 0);
        gfp = g.getGfp("gfp", Gfp.GFP_TRANSHUGE_LIGHT);
        pacer = new Pacer(g.getDouble("rate", 0));
    }

    @Override
    long firstStep() {
        return start;
    }

    @Override
    long step(SimulationRun run) {
        if (stop > 0 && run.now >= stop) {
            return NO_MORE;
        }
        long n = pacer.next();
        for (long i = 0; i < n; i++) {
            long pfn = run.mem.allocThp(gfp);
            if (pfn >= 0) {
                run.schedule(run.now + hold, SimulationRun.EV_FREE_THP, 0, pfn);
            }
        }
        return run.now + QUANTUM_NS;
    }
}
