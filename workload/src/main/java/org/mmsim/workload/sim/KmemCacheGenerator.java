package org.mmsim.workload.sim;

import java.util.SplittableRandom;
import org.mmsim.kernel.slab.KmemCache;
import org.mmsim.kernel.slab.SlabFlags;
import org.mmsim.page.Gfp;
import org.mmsim.workload.scenario.Scenario;

/**
 * kmem_cache: a cache made with kmem_cache_create(name, object_size, 0, flags) when the run starts
 * (SLAB_RECLAIM_ACCOUNT if reclaimable, so its slabs count as SReclaimable and take __GFP_RECLAIMABLE pages),
 * and kmem_cache_alloc(GFP_KERNEL) at a rate, each object kmem_cache_free()d after its lifetime. As in the kernel,
 * the cache may be merged into an existing compatible one (find_mergeable()); it then shows under that name.
 */
final class KmemCacheGenerator extends KernelObjectGenerator {
    private final KmemCache cache;

    KmemCacheGenerator(Scenario.Generator g, SplittableRandom rng, SimKernel kernel) {
        super(g, rng);
        long objectSize = g.getLong("object_size", 0);
        String name = g.getString("name", g.kind());
        if (objectSize <= 0 || objectSize > 1L << 20) {
            throw bad("object_size must be 1 byte to 1 MiB, not " + objectSize);
        }
        if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
            throw bad("cache name '" + name + "' must be one word (it is a /proc/slabinfo column)");
        }
        boolean reclaimable = Boolean.parseBoolean(g.getString("reclaimable", "false"));
        int flags = reclaimable ? SlabFlags.SLAB_RECLAIM_ACCOUNT : 0;
        try {
            cache = kernel.slub().kmemCacheCreate(name, (int) objectSize, 0, flags);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    @Override
    long alloc(SimulationRun run) {
        return run.kernel.slub().kmemCacheAlloc(cache, Gfp.GFP_KERNEL, run.machine.currentCpu());
    }

    @Override
    void free(SimulationRun run, long address) {
        run.kernel.slub().kmemCacheFree(cache, address, run.machine.currentCpu());
    }
}
