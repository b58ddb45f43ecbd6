package org.mmsim.workload.sim;

import java.util.SplittableRandom;
import org.mmsim.workload.scenario.Scenario;

/**
 * vmalloc: vmalloc(size) at a rate (mm/vmalloc.c __vmalloc_node_range(): a vmap area, order-0 pages from any
 * node, a kmalloc'd pages array), each area vfree()d after its lifetime. /proc/vmallocinfo shows the generator's
 * name as the caller.
 */
final class VmallocGenerator extends KernelObjectGenerator {
    private final long size;
    private final String caller;

    VmallocGenerator(Scenario.Generator g, SplittableRandom rng) {
        super(g, rng);
        size = g.getLong("size", 0);
        caller = g.getString("name", g.kind());
        if (size <= 0 || size > 1L << 40) {
            throw bad("size must be 1 byte to 1 TiB, not " + size);
        }
    }

    @Override
    long alloc(SimulationRun run) {
        return run.kernel.vmalloc().vmalloc(size, caller);
    }

    @Override
    void free(SimulationRun run, long address) {
        run.kernel.vmalloc().vfree(address);
    }
}
