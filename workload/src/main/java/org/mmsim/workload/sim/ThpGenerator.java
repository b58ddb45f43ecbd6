package org.mmsim.workload.sim;

import org.mmsim.page.Gfp;
import org.mmsim.workload.scenario.Scenario;

/** thp: order-9 allocation attempts at a rate with a THP gfp mask, each success held for a while. */
final class ThpGenerator extends PacedAllocGenerator {
    private final long hold;
    private final int gfp;

    ThpGenerator(Scenario.Generator g) {
        super(g);
        hold = g.getLong("hold", 0);
        gfp = g.getGfp("gfp", Gfp.GFP_TRANSHUGE_LIGHT);
    }

    @Override
    void allocOne(SimulationRun run) {
        long pfn = run.mem.allocThp(gfp);
        if (pfn >= 0) {
            run.schedule(run.now + hold, SimulationRun.EV_FREE_THP, 0, pfn);
        }
    }
}
