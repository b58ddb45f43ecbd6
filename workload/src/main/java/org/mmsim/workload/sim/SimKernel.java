package org.mmsim.workload.sim;

import java.util.Map;
import org.mmsim.kernel.init.KernelBoot;
import org.mmsim.kernel.MachinePageSource;
import org.mmsim.kernel.slab.KmemCache;
import org.mmsim.kernel.slab.SlabFlags;
import org.mmsim.kernel.slab.SlabInfo;
import org.mmsim.kernel.slab.Slub;
import org.mmsim.kernel.vmalloc.Vmalloc;
import org.mmsim.kernel.vmalloc.VmallocInfo;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.Gfp;
import org.mmsim.reclaim.Memory;
import org.mmsim.reclaim.VmCounters;
import org.mmsim.reclaim.XaNodeAllocator;

/**
 * The kernel allocators of a run (SLUB with kmalloc, and vmalloc), booted on the simulated machine the first time
 * a kmalloc, kmem_cache or vmalloc generator needs them, so scenarios without them run exactly as before. Their
 * pages come from the buddy allocator through the run's reclaim-aware entry point, and reclaim's shrink_slab()
 * and drop_slab() give back the empty slabs of the reclaimable caches (kmem_cache_shrink()).
 */
final class SimKernel {
    private final BootedMachine booted;
    private final Memory mem;
    private KernelBoot kernel;
    /** The page cache's node cache: its objects belong to mappings, so no shrinker empties its slabs. */
    private KmemCache radixTreeNode;

    SimKernel(BootedMachine booted, Memory mem) {
        this.booted = booted;
        this.mem = mem;
    }

    /** The allocators, booted on first use (mm_init()'s kmem_cache_init() and vmalloc_init()). */
    KernelBoot kernel() {
        if (kernel == null) {
            kernel = KernelBoot.boot(booted, new MachinePageSource(booted.machine(), mem::allocPagesNode));
            mem.setSlabCacheShrinker(nid -> shrinkReclaimable());
        }
        return kernel;
    }

    Slub slub() {
        return kernel().slub();
    }

    Vmalloc vmalloc() {
        return kernel().vmalloc();
    }

    /**
     * radix_tree_init()'s "radix_tree_node" cache (struct xa_node: 576 bytes on 64-bit, 300 on 32-bit; it has a constructor;
     * SLAB_PANIC | SLAB_RECLAIM_ACCOUNT | SLAB_ACCOUNT) as the page cache's node allocator: on a one-CPU
     * x86_64 machine SLUB sizes it, as the oracle's slabinfo shows, to 584-byte objects, 14 per order-1 slab. Its
     * slab pages come and go with the page cache, and free_high's rule (an order-1 free drains the whole pcp
     * list once free_factor is up) is what empties the per-CPU lists during a large truncation.
     */
    XaNodeAllocator radixTreeNodes() {
        Slub slub = slub();
        int xaNodeSize = slub.params().pointerSize() == 8 ? 576 : 300;
        KmemCache cache = slub.kmemCacheCreate("radix_tree_node", xaNodeSize, 0,
                SlabFlags.SLAB_PANIC | SlabFlags.SLAB_RECLAIM_ACCOUNT | SlabFlags.SLAB_ACCOUNT, true, 0);
        radixTreeNode = cache;
        return new XaNodeAllocator() {
            @Override
            public long alloc() {
                long a = slub.kmemCacheAlloc(cache, Gfp.GFP_KERNEL, booted.machine().currentCpu());
                return a == 0 ? -1 : a;
            }

            @Override
            public void free(long handle) {
                slub.kmemCacheFree(cache, handle, booted.machine().currentCpu());
            }
        };
    }

    /**
     * kmem_cache_shrink() of every SLAB_RECLAIM_ACCOUNT cache: their empty slabs go back to the buddy allocator.
     * Objects are not freed: the model's shrinkers do not know what the objects are. Returns the pages freed.
     */
    long shrinkReclaimable() {
        Slub slub = kernel.slub();
        long before = slub.nrSlabReclaimable();
        for (KmemCache s : slub.slabCaches()) {
            if (s.reclaimable() && s.pages() > 0 && s != radixTreeNode) {
                slub.kmemCacheShrink(s);
            }
        }
        return before - slub.nrSlabReclaimable();
    }

    /** Adds SLUB's slab pages to the old-style slab counters, and vmalloc's pages, under their vmstat names. */
    void addCounters(Map<String, Long> out) {
        if (kernel != null) {
            out.put("nr_vmalloc", kernel.vmalloc().nrVmallocPages());
        }
        out.put("nr_slab_reclaimable", slabPages(true));
        out.put("nr_slab_unreclaimable", slabPages(false));
    }

    /** The slab pages of one kind (NR_SLAB_RECLAIMABLE_B or NR_SLAB_UNRECLAIMABLE_B, in pages): SLUB's and the slab generator's. */
    long slabPages(boolean reclaimable) {
        long n = mem.counters.get(reclaimable ? VmCounters.NR_SLAB_RECLAIMABLE : VmCounters.NR_SLAB_UNRECLAIMABLE);
        if (kernel != null) {
            n += reclaimable ? kernel.slub().nrSlabReclaimable() : kernel.slub().nrSlabUnreclaimable();
        }
        return n;
    }

    /** Pages held by each slab cache that has any, by the name slabinfo shows. */
    void addSlabPages(Map<String, Long> out) {
        if (kernel == null) {
            return;
        }
        for (KmemCache s : kernel.slub().slabCaches()) {
            if (s.pages() > 0) {
                out.merge(s.name(), s.pages(), Long::sum);
            }
        }
    }

    /**
     * /proc/slabinfo (SLUB's caches, as cache_show() prints them) or /proc/vmallocinfo (s_show(), pointers as the
     * oracle kernels print them before the hashing key is ready, as {@code mmsim boot --print} does); null before
     * the allocators are booted or for another name.
     */
    String file(String name) {
        if (kernel == null) {
            return null;
        }
        return switch (name) {
            case "slabinfo" -> SlabInfo.render(kernel.slub());
            case "vmallocinfo" -> VmallocInfo.render(kernel.vmalloc(), VmallocInfo.PointerStyle.PLACEHOLDER);
            default -> null;
        };
    }

    /** Counts a failed allocation of a kernel allocator (the run's kernel_alloc_fail counter). */
    void allocFailed() {
        mem.counters.inc(VmCounters.KERNEL_ALLOC_FAIL);
    }
}
