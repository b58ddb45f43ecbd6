package org.mmsim.kernel.slab;

import org.mmsim.page.Gfp;
import org.mmsim.kernel.KernelMath;

/**
 * SLUB's cache geometry: mm/slab_common.c calculate_alignment(), mm/slub.c calculate_sizes(),
 * calculate_order() and calc_slab_order() of Linux 6.1, without the debug options (red zones, poisoning and
 * user tracking are off by default in Debian's kernels).
 */
public final class SlubSizing {
    /** MAX_OBJS_PER_PAGE: slab->objects is a 15-bit field. */
    public static final int MAX_OBJS_PER_PAGE = 32767;

    private final SlubParams p;

    public SlubSizing(SlubParams params) {
        this.p = params;
    }

    /** calculate_alignment(): cache-line alignment for SLAB_HWCACHE_ALIGN, at least arch_slab_minalign(). */
    public int calculateAlignment(int flags, int align, int size) {
        if ((flags & SlabFlags.SLAB_HWCACHE_ALIGN) != 0) {
            int ralign = p.cacheLineSize();
            while (size <= ralign / 2) {
                ralign /= 2;
            }
            align = Math.max(align, ralign);
        }
        align = Math.max(align, p.archSlabMinalign());
        return KernelMath.align(align, p.pointerSize());
    }

    /**
     * The alignment create_boot_cache() gives the boot and kmalloc caches: ARCH_KMALLOC_MINALIGN, raised to the
     * size itself for power-of-two sizes, then through calculate_alignment().
     */
    public int bootCacheAlignment(int flags, int size) {
        int align = p.archKmallocMinalign();
        if (KernelMath.isPowerOf2(size)) {
            align = Math.max(align, size);
        }
        return calculateAlignment(flags, align, size);
    }

    /** calculate_sizes() for an object of {@code objectSize} bytes aligned to {@code align}; null if no order fits. */
    public CacheLayout calculateSizes(int objectSize, int align, int flags, boolean hasCtor) {
        int size = KernelMath.align(objectSize, p.pointerSize());
        int inuse = size;
        int offset;
        if ((flags & (SlabFlags.SLAB_TYPESAFE_BY_RCU | SlabFlags.SLAB_POISON)) != 0 || hasCtor) {
            offset = size;
            size += p.pointerSize();
        } else {
            offset = (objectSize / 2) & -p.pointerSize();
        }
        size = KernelMath.align(size, align);
        int order = calculateOrder(size);
        if (order < 0) {
            return null;
        }
        int allocflags = 0;
        if (order > 0) {
            allocflags |= Gfp.__GFP_COMP;
        }
        if ((flags & SlabFlags.SLAB_CACHE_DMA) != 0) {
            allocflags |= Gfp.GFP_DMA;
        }
        if ((flags & SlabFlags.SLAB_CACHE_DMA32) != 0) {
            allocflags |= Gfp.GFP_DMA32;
        }
        if ((flags & SlabFlags.SLAB_RECLAIM_ACCOUNT) != 0) {
            allocflags |= Gfp.__GFP_RECLAIMABLE;
        }
        int objects = orderObjects(order, size);
        if (objects == 0) {
            return null;
        }
        int minOrder = KernelMath.getOrder(size, p.pageShift());
        return new CacheLayout(size, inuse, offset, order, objects, minOrder, orderObjects(minOrder, size), allocflags);
    }

    /** order_objects(): objects of {@code size} bytes in a slab of {@code order}. */
    public int orderObjects(int order, int size) {
        return (int) (((long) p.pageSize() << order) / size);
    }

    /** The min_objects calculate_order() starts from: slub_min_objects, or 4 * (fls(nr_cpus) + 1). */
    public int minObjects() {
        int min = p.slubMinObjects();
        if (min == 0) {
            int nrCpus = p.numPresentCpus();
            if (nrCpus <= 1) {
                nrCpus = p.nrCpuIds();
            }
            min = 4 * (KernelMath.fls(nrCpus) + 1);
        }
        return min;
    }

    /** calculate_order(): the slab order for objects of {@code size} bytes, or -1 (-ENOSYS). */
    public int calculateOrder(int size) {
        int maxOrder = p.slubMaxOrder();
        int minObjects = Math.min(minObjects(), orderObjects(maxOrder, size));
        while (minObjects > 1) {
            for (int fraction = 16; fraction >= 4; fraction /= 2) {
                int order = calcSlabOrder(size, minObjects, maxOrder, fraction);
                if (order <= maxOrder) {
                    return order;
                }
            }
            minObjects--;
        }
        int order = calcSlabOrder(size, 1, maxOrder, 1);
        if (order <= maxOrder) {
            return order;
        }
        order = calcSlabOrder(size, 1, p.maxOrder(), 1);
        if (order < p.maxOrder()) {
            return order;
        }
        return -1;
    }

    /** calc_slab_order(): the first order from the minimum whose leftover is at most 1/fraction of the slab. */
    public int calcSlabOrder(int size, int minObjects, int maxOrder, int fractLeftover) {
        int minOrder = p.slubMinOrder();
        if (orderObjects(minOrder, size) > MAX_OBJS_PER_PAGE) {
            return KernelMath.getOrder((long) size * MAX_OBJS_PER_PAGE, p.pageShift()) - 1;
        }
        int order = Math.max(minOrder, KernelMath.getOrder((long) minObjects * size, p.pageShift()));
        for (; order <= maxOrder; order++) {
            long slabSize = (long) p.pageSize() << order;
            long rem = slabSize % size;
            if (rem <= slabSize / fractLeftover) {
                break;
            }
        }
        return order;
    }

    /** set_min_partial(): ilog2(size) / 2 clamped to MIN_PARTIAL (5) .. MAX_PARTIAL (10). */
    public static int minPartial(int size) {
        int min = Math.min(10, KernelMath.ilog2(size) / 2);
        return Math.max(5, min);
    }

    /** set_cpu_partial(): the object count kept on per-CPU partial lists, from the object size. */
    public int cpuPartialObjects(int size) {
        if (size >= p.pageSize()) {
            return 6;
        } else if (size >= 1024) {
            return 24;
        } else if (size >= 256) {
            return 52;
        }
        return 120;
    }

    /** slub_set_cpu_partial(): the slab limit, assuming half-full slabs: DIV_ROUND_UP(nr_objects * 2, objects). */
    public static int cpuPartialSlabs(int nrObjects, int objectsPerSlab) {
        return (nrObjects * 2 + objectsPerSlab - 1) / objectsPerSlab;
    }
}
