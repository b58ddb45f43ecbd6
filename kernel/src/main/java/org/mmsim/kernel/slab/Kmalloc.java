package org.mmsim.kernel.slab;

import org.mmsim.page.Gfp;
import org.mmsim.kernel.KernelMath;
import org.mmsim.kernel.PageSource;

/**
 * kmalloc() and kfree() of Linux 6.1 (mm/slab_common.c): the kmalloc size classes (kmalloc_info[]), the small-size
 * table size_index[] patched for KMALLOC_MIN_SIZE (setup_kmalloc_cache_index_table()), kmalloc_slab()'s size to
 * index map, create_kmalloc_caches(), and large allocations above KMALLOC_MAX_CACHE_SIZE straight from the page
 * allocator (__kmalloc_large_node(), free_large_kmalloc()).
 */
public final class Kmalloc {
    /** ZERO_SIZE_PTR: what kmalloc(0) returns. */
    public static final long ZERO_SIZE_PTR = 16;

    /** kmalloc_info[].size by index; index 1 is 96 and 2 is 192. */
    private static final int[] INFO_SIZE = {0, 96, 192, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384,
        32768, 65536, 131072, 262144, 524288, 1048576, 2097152};
    private static final String[] INFO_SHORT = {"0", "96", "192", "8", "16", "32", "64", "128", "256", "512", "1k",
        "2k", "4k", "8k", "16k", "32k", "64k", "128k", "256k", "512k", "1M", "2M"};

    private final Slub slub;
    private final SlubParams params;
    private final int shiftLow;
    private final int shiftHigh;
    private final int maxCacheSize;
    /** size_index[] for sizes 1..192 in steps of 8. */
    private final byte[] sizeIndex = {3, 4, 5, 5, 6, 6, 6, 6, 1, 1, 1, 1, 7, 7, 7, 7, 2, 2, 2, 2, 2, 2, 2, 2};
    /** kmalloc_caches[type][index]. */
    private final KmemCache[][] caches;
    /** order + 1 of each large kmalloc block by pfn (0: none). */
    private final byte[] largeOrder;
    private final int pageShift;
    /** kmalloc_caches flattened: [type * stride + index], for the hot path. */
    private final KmemCache[] flat;
    private final int stride;
    /** KMALLOC_NOT_NORMAL_BITS. */
    private final int notNormalBits;

    Kmalloc(Slub slub, SlubParams params) {
        this.slub = slub;
        this.params = params;
        this.shiftLow = params.kmallocShiftLow();
        this.shiftHigh = params.kmallocShiftHigh();
        this.maxCacheSize = 1 << shiftHigh;
        this.caches = new KmemCache[KmallocType.values().length][shiftHigh + 1];
        this.pageShift = params.pageShift();
        this.largeOrder = new byte[(int) slub.pageSource().endPfn()];
        this.stride = shiftHigh + 1;
        this.flat = new KmemCache[KmallocType.values().length * stride];
        this.notNormalBits = Gfp.__GFP_RECLAIMABLE | (params.zoneDma() ? Gfp.__GFP_DMA : 0)
                | (params.memcgKmem() ? Gfp.__GFP_ACCOUNT : 0);
        setupKmallocCacheIndexTable();
    }

    /** setup_kmalloc_cache_index_table(): sizes below KMALLOC_MIN_SIZE use the smallest cache; drop 96/192. */
    private void setupKmallocCacheIndexTable() {
        int minSize = params.kmallocMinSize();
        for (int i = 8; i < minSize; i += 8) {
            int elem = sizeIndexElem(i);
            if (elem >= sizeIndex.length) {
                break;
            }
            sizeIndex[elem] = (byte) shiftLow;
        }
        if (minSize >= 64) {
            for (int i = 64 + 8; i <= 96; i += 8) {
                sizeIndex[sizeIndexElem(i)] = 7;
            }
        }
        if (minSize >= 128) {
            for (int i = 128 + 8; i <= 192; i += 8) {
                sizeIndex[sizeIndexElem(i)] = 8;
            }
        }
    }

    private static int sizeIndexElem(int bytes) {
        return (bytes - 1) / 8;
    }

    /** create_kmalloc_caches(): every type, index LOW..HIGH, with 96 after 64 and 192 after 128. */
    void createKmallocCaches() {
        int minSize = params.kmallocMinSize();
        for (KmallocType type : KmallocType.values()) {
            if (type == KmallocType.CGROUP && !params.memcgKmem() || type == KmallocType.DMA && !params.zoneDma()) {
                continue;
            }
            for (int i = shiftLow; i <= shiftHigh; i++) {
                if (caches[type.ordinal()][i] == null) {
                    newKmallocCache(i, type);
                }
                if (minSize <= 32 && i == 6 && caches[type.ordinal()][1] == null) {
                    newKmallocCache(1, type);
                }
                if (minSize <= 64 && i == 7 && caches[type.ordinal()][2] == null) {
                    newKmallocCache(2, type);
                }
            }
        }
    }

    /** new_kmalloc_cache(). */
    private void newKmallocCache(int idx, KmallocType type) {
        int flags = switch (type) {
            case RECLAIM -> SlabFlags.SLAB_RECLAIM_ACCOUNT;
            case CGROUP -> SlabFlags.SLAB_ACCOUNT;
            case DMA -> SlabFlags.SLAB_CACHE_DMA;
            case NORMAL -> 0;
        };
        KmemCache s = slub.createKmallocCache(type.prefix() + INFO_SHORT[idx], INFO_SIZE[idx], flags);
        if (params.memcgKmem() && type == KmallocType.NORMAL) {
            s.refcount = -1;
        }
        caches[type.ordinal()][idx] = s;
        flat[type.ordinal() * stride + idx] = s;
    }

    /** kmalloc_index() as kmalloc_slab() computes it: size_index[] up to 192, else fls(size - 1). */
    public int kmallocIndex(long size) {
        if (size <= 192) {
            return sizeIndex[sizeIndexElem((int) size)];
        }
        return KernelMath.fls(size - 1);
    }

    /** kmalloc_slab(): the cache serving {@code size} bytes with these flags; null for 0 or large sizes. */
    public KmemCache kmallocSlab(long size, int gfp) {
        if (size == 0 || size > maxCacheSize) {
            return null;
        }
        return caches[KmallocType.of(gfp, params.zoneDma(), params.memcgKmem()).ordinal()][kmallocIndex(size)];
    }

    /** The kmalloc cache of a type and index (kmalloc_caches[type][index]), or null. */
    public KmemCache cache(KmallocType type, int index) {
        return index < caches[type.ordinal()].length ? caches[type.ordinal()][index] : null;
    }

    /** KMALLOC_MAX_CACHE_SIZE. */
    public int maxCacheSize() {
        return maxCacheSize;
    }

    /** kmalloc() on CPU 0. */
    public long kmalloc(long size, int gfp) {
        return kmallocNode(size, gfp, Slub.NUMA_NO_NODE, 0);
    }

    /**
     * __do_kmalloc_node(): large sizes from the page allocator, 0 bytes as ZERO_SIZE_PTR, the rest from the
     * kmalloc cache of the request's type. Returns the address, or 0 when out of memory.
     */
    public long kmallocNode(long size, int gfp, int node, int cpu) {
        if (size > maxCacheSize) {
            return kmallocLarge(size, gfp, node, cpu);
        }
        if (size == 0) {
            return ZERO_SIZE_PTR;
        }
        int type = (gfp & notNormalBits) == 0 ? 0
                : KmallocType.of(gfp, params.zoneDma(), params.memcgKmem()).ordinal();
        int index = size <= 192 ? sizeIndex[(int) (size - 1) >>> 3] : KernelMath.fls(size - 1);
        KmemCache s = flat[type * stride + index];
        return node == Slub.NUMA_NO_NODE ? slub.kmemCacheAlloc(s, gfp, cpu) : slub.kmemCacheAllocNode(s, gfp, node, cpu);
    }

    /** __kmalloc_large_node(): a compound block of get_order(size), counted as unreclaimable slab. */
    private long kmallocLarge(long size, int gfp, int node, int cpu) {
        int order = KernelMath.getOrder(size, pageShift);
        int nid = node == Slub.NUMA_NO_NODE ? params.cpuNode(cpu) : node;
        PageSource pages = slub.pageSource();
        long pfn = pages.allocPages(gfp | Gfp.__GFP_COMP, order, nid);
        if (pfn == PageSource.NO_PAGE) {
            return 0;
        }
        largeOrder[(int) pfn] = (byte) (order + 1);
        slub.accountLargeKmalloc(pages.pfnToNid(pfn), 1L << order);
        return pfn << pageShift;
    }

    /** kfree() on CPU 0. */
    public void kfree(long address) {
        kfree(address, 0);
    }

    /** kfree(): back to the object's slab cache, or the whole block for a large kmalloc. */
    public void kfree(long address, int cpu) {
        if (address <= ZERO_SIZE_PTR) {
            return;
        }
        if (slub.freeSlabObject(address, cpu)) {
            return;
        }
        long pfn = address >>> pageShift;
        int order = pfn < largeOrder.length ? largeOrder[(int) pfn] - 1 : -1;
        if (order < 0 || (address & ((1L << pageShift) - 1)) != 0) {
            throw new IllegalArgumentException("kfree(0x" + Long.toHexString(address) + "): not a kmalloc address");
        }
        largeOrder[(int) pfn] = 0;
        PageSource pages = slub.pageSource();
        slub.accountLargeKmalloc(pages.pfnToNid(pfn), -(1L << order));
        pages.freePages(pfn, order);
    }
}
