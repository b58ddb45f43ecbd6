package org.mmsim.kernel;

/**
 * GFP bits of Linux 6.1 (include/linux/gfp_types.h: the {@code ___GFP_*} values and the {@code GFP_*}
 * combinations built from them), as plain ints. Configuration-dependent bits (KASAN, lockdep) are the
 * values of a kernel built with those options; nothing in mmsim tests them.
 */
public final class Gfp {
    private Gfp() {
    }

    public static final int __GFP_DMA = 0x01;
    public static final int __GFP_HIGHMEM = 0x02;
    public static final int __GFP_DMA32 = 0x04;
    public static final int __GFP_MOVABLE = 0x08;
    public static final int __GFP_RECLAIMABLE = 0x10;
    public static final int __GFP_HIGH = 0x20;
    public static final int __GFP_IO = 0x40;
    public static final int __GFP_FS = 0x80;
    public static final int __GFP_ZERO = 0x100;
    public static final int __GFP_ATOMIC = 0x200;
    public static final int __GFP_DIRECT_RECLAIM = 0x400;
    public static final int __GFP_KSWAPD_RECLAIM = 0x800;
    public static final int __GFP_WRITE = 0x1000;
    public static final int __GFP_NOWARN = 0x2000;
    public static final int __GFP_RETRY_MAYFAIL = 0x4000;
    public static final int __GFP_NOFAIL = 0x8000;
    public static final int __GFP_NORETRY = 0x10000;
    public static final int __GFP_MEMALLOC = 0x20000;
    public static final int __GFP_COMP = 0x40000;
    public static final int __GFP_NOMEMALLOC = 0x80000;
    public static final int __GFP_HARDWALL = 0x100000;
    public static final int __GFP_THISNODE = 0x200000;
    public static final int __GFP_ACCOUNT = 0x400000;
    public static final int __GFP_ZEROTAGS = 0x800000;
    public static final int __GFP_SKIP_ZERO = 0x1000000;
    public static final int __GFP_SKIP_KASAN_UNPOISON = 0x2000000;
    public static final int __GFP_SKIP_KASAN_POISON = 0x4000000;
    public static final int __GFP_NOLOCKDEP = 0x8000000;

    /** The zone modifier bits (GFP_ZONEMASK). */
    public static final int GFP_ZONEMASK = __GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32 | __GFP_MOVABLE;
    public static final int __GFP_RECLAIM = __GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM;

    public static final int GFP_ATOMIC = __GFP_HIGH | __GFP_ATOMIC | __GFP_KSWAPD_RECLAIM;
    public static final int GFP_KERNEL = __GFP_RECLAIM | __GFP_IO | __GFP_FS;
    public static final int GFP_KERNEL_ACCOUNT = GFP_KERNEL | __GFP_ACCOUNT;
    public static final int GFP_NOWAIT = __GFP_KSWAPD_RECLAIM;
    public static final int GFP_NOIO = __GFP_RECLAIM;
    public static final int GFP_NOFS = __GFP_RECLAIM | __GFP_IO;
    public static final int GFP_USER = __GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL;
    public static final int GFP_DMA = __GFP_DMA;
    public static final int GFP_DMA32 = __GFP_DMA32;
    public static final int GFP_HIGHUSER = GFP_USER | __GFP_HIGHMEM;
    public static final int GFP_HIGHUSER_MOVABLE = GFP_HIGHUSER | __GFP_MOVABLE;
}
