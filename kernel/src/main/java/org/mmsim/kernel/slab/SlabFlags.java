package org.mmsim.kernel.slab;

/**
 * Cache creation flags of Linux 6.1 (include/linux/slab.h {@code SLAB_*}), and the flag groups mm/slab_common.c
 * uses to decide cache merging ({@code SLAB_NEVER_MERGE}, {@code SLAB_MERGE_SAME}), for a kernel without
 * KASAN, with CONFIG_MEMCG_KMEM and CONFIG_FAILSLAB as Debian builds it.
 */
public final class SlabFlags {
    private SlabFlags() {
    }

    public static final int SLAB_CONSISTENCY_CHECKS = 0x00000100;
    public static final int SLAB_RED_ZONE = 0x00000400;
    public static final int SLAB_POISON = 0x00000800;
    public static final int SLAB_KMALLOC = 0x00001000;
    public static final int SLAB_HWCACHE_ALIGN = 0x00002000;
    public static final int SLAB_CACHE_DMA = 0x00004000;
    public static final int SLAB_CACHE_DMA32 = 0x00008000;
    public static final int SLAB_STORE_USER = 0x00010000;
    public static final int SLAB_RECLAIM_ACCOUNT = 0x00020000;
    public static final int SLAB_PANIC = 0x00040000;
    public static final int SLAB_TYPESAFE_BY_RCU = 0x00080000;
    public static final int SLAB_MEM_SPREAD = 0x00100000;
    public static final int SLAB_TRACE = 0x00200000;
    public static final int SLAB_DEBUG_OBJECTS = 0x00400000;
    public static final int SLAB_NOLEAKTRACE = 0x00800000;
    public static final int SLAB_FAILSLAB = 0x02000000;
    public static final int SLAB_ACCOUNT = 0x04000000;
    public static final int SLAB_NO_USER_FLAGS = 0x10000000;

    /** Flags that keep a cache from being merged with another. */
    public static final int SLAB_NEVER_MERGE = SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | SLAB_TRACE
            | SLAB_TYPESAFE_BY_RCU | SLAB_NOLEAKTRACE | SLAB_FAILSLAB;

    /** Flags two caches must agree on to be merged. */
    public static final int SLAB_MERGE_SAME = SLAB_RECLAIM_ACCOUNT | SLAB_CACHE_DMA | SLAB_CACHE_DMA32 | SLAB_ACCOUNT;

    /** Debug flags that turn off the per-CPU partial lists (kmem_cache_debug()). */
    public static final int SLAB_DEBUG_FLAGS = SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | SLAB_TRACE
            | SLAB_CONSISTENCY_CHECKS;
}
