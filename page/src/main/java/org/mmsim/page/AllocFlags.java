package org.mmsim.page;

/**
 * The allocator's internal ALLOC_* flags (mm/internal.h, 6.1 with CONFIG_ZONE_DMA32 and CONFIG_MMU) and
 * {@code gfp_to_alloc_flags()} / {@code gfp_to_alloc_flags_cma()} of mm/page_alloc.c.
 */
public final class AllocFlags {
    private AllocFlags() {
    }

    public static final int ALLOC_WMARK_MIN = 0;
    public static final int ALLOC_WMARK_LOW = 1;
    public static final int ALLOC_WMARK_HIGH = 2;
    public static final int ALLOC_NO_WATERMARKS = 0x04;
    public static final int ALLOC_WMARK_MASK = ALLOC_NO_WATERMARKS - 1;
    public static final int ALLOC_OOM = 0x08;
    public static final int ALLOC_HARDER = 0x10;
    public static final int ALLOC_HIGH = 0x20;
    public static final int ALLOC_CPUSET = 0x40;
    public static final int ALLOC_CMA = 0x80;
    public static final int ALLOC_NOFRAGMENT = 0x100;
    public static final int ALLOC_KSWAPD = 0x800;

    /**
     * Models gfp_to_alloc_flags() for a task that is neither real-time nor an OOM victim: WMARK_MIN and CPUSET,
     * __GFP_HIGH and __GFP_KSWAPD_RECLAIM copied (same bits as ALLOC_HIGH and ALLOC_KSWAPD), __GFP_ATOMIC gives
     * HARDER (unless __GFP_NOMEMALLOC) and drops CPUSET, and a movable request may use CMA when configured.
     */
    public static int gfpToAllocFlags(int gfp, boolean hasCma) {
        int flags = ALLOC_WMARK_MIN | ALLOC_CPUSET;
        flags |= gfp & (Gfp.__GFP_HIGH | Gfp.__GFP_KSWAPD_RECLAIM);
        if ((gfp & Gfp.__GFP_ATOMIC) != 0) {
            if ((gfp & Gfp.__GFP_NOMEMALLOC) == 0) {
                flags |= ALLOC_HARDER;
            }
            flags &= ~ALLOC_CPUSET;
        }
        return gfpToAllocFlagsCma(gfp, flags, hasCma);
    }

    /** Models gfp_to_alloc_flags_cma(): ALLOC_CMA for movable requests when CONFIG_CMA is set. */
    public static int gfpToAllocFlagsCma(int gfp, int flags, boolean hasCma) {
        if (hasCma && Gfp.gfpMigratetype(gfp) == MigrateType.MOVABLE) {
            flags |= ALLOC_CMA;
        }
        return flags;
    }
}
