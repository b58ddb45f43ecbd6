package org.mmsim.page;

import java.util.List;
import org.mmsim.arch.ZoneType;

/**
 * GFP flags with the bit values of Linux 6.1 (include/linux/gfp_types.h, Debian build: no KASAN_HW_TAGS, no
 * LOCKDEP), and the mappings of include/linux/gfp.h: {@code gfp_zone()} through GFP_ZONE_TABLE and
 * {@code gfp_migratetype()}.
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
    /** ___GFP_NOLOCKDEP is 0x8000000 only with CONFIG_LOCKDEP; Debian's build has it off, so the bit is 0. */
    public static final int __GFP_NOLOCKDEP = 0;

    public static final int GFP_ZONEMASK = __GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32 | __GFP_MOVABLE;
    public static final int GFP_MOVABLE_MASK = __GFP_RECLAIMABLE | __GFP_MOVABLE;
    public static final int GFP_MOVABLE_SHIFT = 3;
    public static final int __GFP_RECLAIM = __GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM;

    public static final int GFP_ATOMIC = __GFP_HIGH | __GFP_ATOMIC | __GFP_KSWAPD_RECLAIM;
    public static final int GFP_KERNEL = __GFP_RECLAIM | __GFP_IO | __GFP_FS;
    public static final int GFP_KERNEL_ACCOUNT = GFP_KERNEL | __GFP_ACCOUNT;
    /** GFP_PGTABLE_USER (include/asm-generic/pgalloc.h): page-table pages of user address spaces. */
    public static final int GFP_PGTABLE_USER = GFP_KERNEL_ACCOUNT | __GFP_ZERO;
    public static final int GFP_NOWAIT = __GFP_KSWAPD_RECLAIM;
    public static final int GFP_NOIO = __GFP_RECLAIM;
    public static final int GFP_NOFS = __GFP_RECLAIM | __GFP_IO;
    public static final int GFP_USER = __GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL;
    public static final int GFP_DMA = __GFP_DMA;
    public static final int GFP_DMA32 = __GFP_DMA32;
    public static final int GFP_HIGHUSER = GFP_USER | __GFP_HIGHMEM;
    public static final int GFP_HIGHUSER_MOVABLE = GFP_HIGHUSER | __GFP_MOVABLE;
    public static final int GFP_TRANSHUGE_LIGHT =
            (GFP_HIGHUSER_MOVABLE | __GFP_COMP | __GFP_NOMEMALLOC | __GFP_NOWARN) & ~__GFP_RECLAIM;
    public static final int GFP_TRANSHUGE = GFP_TRANSHUGE_LIGHT | __GFP_DIRECT_RECLAIM;

    /** GFP_ZONE_BAD: the zone-modifier combinations the kernel refuses (bit per combination). */
    private static final int GFP_ZONE_BAD = 1 << (__GFP_DMA | __GFP_HIGHMEM)
            | 1 << (__GFP_DMA | __GFP_DMA32)
            | 1 << (__GFP_DMA32 | __GFP_HIGHMEM)
            | 1 << (__GFP_DMA | __GFP_DMA32 | __GFP_HIGHMEM)
            | 1 << (__GFP_MOVABLE | __GFP_HIGHMEM | __GFP_DMA)
            | 1 << (__GFP_MOVABLE | __GFP_DMA32 | __GFP_DMA)
            | 1 << (__GFP_MOVABLE | __GFP_DMA32 | __GFP_HIGHMEM)
            | 1 << (__GFP_MOVABLE | __GFP_DMA32 | __GFP_DMA | __GFP_HIGHMEM);

    /**
     * Models gfp_zone(): the highest zone type a request may use, from GFP_ZONE_TABLE, where an unconfigured
     * DMA, DMA32 or HighMem zone falls back to Normal (OPT_ZONE_*). Throws on a combination in GFP_ZONE_BAD.
     */
    public static ZoneType gfpZone(int gfp, List<ZoneType> configured) {
        int bit = gfp & GFP_ZONEMASK;
        if (((GFP_ZONE_BAD >> bit) & 1) != 0) {
            throw new IllegalArgumentException("invalid GFP zone modifiers 0x" + Integer.toHexString(bit));
        }
        ZoneType z;
        switch (bit) {
            case __GFP_DMA, __GFP_MOVABLE | __GFP_DMA -> z = ZoneType.DMA;
            case __GFP_HIGHMEM -> z = ZoneType.HIGHMEM;
            case __GFP_DMA32, __GFP_MOVABLE | __GFP_DMA32 -> z = ZoneType.DMA32;
            case __GFP_MOVABLE | __GFP_HIGHMEM -> z = ZoneType.MOVABLE;
            default -> z = ZoneType.NORMAL;
        }
        return configured.contains(z) ? z : ZoneType.NORMAL;
    }

    /** Models gfp_migratetype(), before page_group_by_mobility_disabled is applied. */
    public static int gfpMigratetype(int gfp) {
        return (gfp & GFP_MOVABLE_MASK) >>> GFP_MOVABLE_SHIFT;
    }
}
