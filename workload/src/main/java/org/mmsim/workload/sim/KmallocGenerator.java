package org.mmsim.workload.sim;

import java.util.SplittableRandom;
import org.mmsim.kernel.slab.Kmalloc;
import org.mmsim.kernel.slab.Slub;
import org.mmsim.page.Gfp;
import org.mmsim.workload.scenario.Scenario;

/**
 * kmalloc: kmalloc(size, gfp) at a rate (mm/slab_common.c __do_kmalloc_node(): a kmalloc cache of the request's
 * type, or the page allocator above KMALLOC_MAX_CACHE_SIZE), each object kfree()d after its lifetime.
 */
final class KmallocGenerator extends KernelObjectGenerator {
    /** GFP_SLAB_BUG_MASK without the bits outside __GFP_BITS_MASK: the kernel warns and strips these. */
    private static final int GFP_SLAB_BUG_MASK = Gfp.__GFP_DMA32 | Gfp.__GFP_HIGHMEM;

    private final long size;
    private final int gfp;

    KmallocGenerator(Scenario.Generator g, SplittableRandom rng) {
        super(g, rng);
        size = g.getLong("size", 0);
        gfp = g.getGfp("gfp", Gfp.GFP_KERNEL);
        // KMALLOC_MAX_SIZE: the largest block the page allocator hands out, 2^(MAX_ORDER - 1) pages.
        if (size <= 0 || size > 4L << 20) {
            throw bad("size must be 1 byte to 4 MiB (KMALLOC_MAX_SIZE), not " + size);
        }
        if ((gfp & GFP_SLAB_BUG_MASK) != 0) {
            throw bad("kmalloc cannot use __GFP_HIGHMEM or __GFP_DMA32 (GFP_SLAB_BUG_MASK)");
        }
    }

    @Override
    long alloc(SimulationRun run) {
        Kmalloc km = run.kernel.slub().kmalloc();
        return km.kmallocNode(size, gfp, Slub.NUMA_NO_NODE, run.machine.currentCpu());
    }

    @Override
    void free(SimulationRun run, long address) {
        run.kernel.slub().kmalloc().kfree(address, run.machine.currentCpu());
    }
}
