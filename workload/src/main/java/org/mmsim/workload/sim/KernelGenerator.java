package org.mmsim.workload.sim;

import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.mmsim.page.Gfp;
import org.mmsim.workload.scenario.Scenario;

/**
 * kernel: unmovable kernel allocations at a rate, with orders drawn from a weighted mix and exponentially
 * distributed lifetimes; slab: slab pages (reclaimable or not) at a rate, freed at the end of their lifetime
 * unless a shrinker took them first.
 */
final class KernelGenerator extends PacedAllocGenerator {
    private final boolean slab;
    private final boolean reclaimable;
    private final double lifetimeMean;
    private final int gfp;
    private final int[] orders;
    private final double[] cumulative;
    private final SplittableRandom rng;
    private final long[] pfnOut = new long[1];

    KernelGenerator(Scenario.Generator g, boolean slab, SplittableRandom rng) {
        super(g);
        this.slab = slab;
        this.rng = rng;
        reclaimable = Boolean.parseBoolean(g.getString("reclaimable", "true"));
        lifetimeMean = g.getDouble("lifetime_mean", 0);
        gfp = slab ? 0 : g.getGfp("gfp", Gfp.GFP_KERNEL);
        Object o = g.params().get("orders");
        if (!slab && o instanceof Map<?, ?> mix && !mix.isEmpty()) {
            orders = new int[mix.size()];
            cumulative = new double[mix.size()];
            double sum = 0;
            int i = 0;
            for (Map.Entry<Integer, Number> e : byOrder(mix).entrySet()) {
                orders[i] = e.getKey();
                sum += e.getValue().doubleValue();
                cumulative[i++] = sum;
            }
            for (int j = 0; j < cumulative.length; j++) {
                cumulative[j] /= sum;
            }
        } else {
            orders = new int[] {0};
            cumulative = new double[] {1};
        }
    }

    /** The mix's weights by order, lowest order first: the order in which draws are mapped to orders. */
    private static SortedMap<Integer, Number> byOrder(Map<?, ?> mix) {
        SortedMap<Integer, Number> out = new TreeMap<>();
        for (Map.Entry<?, ?> e : mix.entrySet()) {
            out.put(Integer.parseInt(e.getKey().toString()), (Number) e.getValue());
        }
        return out;
    }

    @Override
    void allocOne(SimulationRun run) {
        long life = lifetimeMean > 0 ? (long) (-lifetimeMean * Math.log(1 - rng.nextDouble())) : -1;
        if (slab) {
            int id = run.mem.allocSlab(reclaimable, pfnOut);
            if (id != 0 && life >= 0) {
                run.schedule(run.now + life, SimulationRun.EV_FREE_SLAB, id, pfnOut[0]);
            }
        } else {
            double u = rng.nextDouble();
            int k = 0;
            while (k < cumulative.length - 1 && u >= cumulative[k]) {
                k++;
            }
            long pfn = run.mem.allocKernel(gfp, orders[k]);
            if (pfn >= 0 && life >= 0) {
                run.schedule(run.now + life, SimulationRun.EV_FREE_KERNEL, 0, pfn);
            }
        }
    }
}
