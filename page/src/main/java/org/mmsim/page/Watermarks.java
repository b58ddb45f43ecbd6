package org.mmsim.page;

/**
 * Watermark checks of mm/page_alloc.c 6.1: __zone_watermark_unusable_free(), __zone_watermark_ok(),
 * zone_watermark_ok() and zone_watermark_fast().
 */
public final class Watermarks {
    private Watermarks() {
    }

    /** Models __zone_watermark_unusable_free(). */
    static long unusableFree(Zone z, int order, int allocFlags) {
        long unusable = (1L << order) - 1;
        if ((allocFlags & (AllocFlags.ALLOC_HARDER | AllocFlags.ALLOC_OOM)) == 0) {
            unusable += z.nrReservedHighatomic;
        }
        if (z.types.hasCma() && (allocFlags & AllocFlags.ALLOC_CMA) == 0) {
            unusable += z.nrFreeCmaPages;
        }
        return unusable;
    }

    /**
     * Models __zone_watermark_ok(): free pages minus the unusable ones must exceed the mark (lowered by half for
     * ALLOC_HIGH, then by a quarter for ALLOC_HARDER or a half for ALLOC_OOM) plus lowmem_reserve[highest
     * zone]; a high-order request also needs a free block of at least its order on a usable list.
     */
    public static boolean zoneWatermarkOk(Zone z, int order, long mark, int highestZoneidx, int allocFlags,
            long freePages) {
        long min = mark;
        boolean harder = (allocFlags & (AllocFlags.ALLOC_HARDER | AllocFlags.ALLOC_OOM)) != 0;
        freePages -= unusableFree(z, order, allocFlags);
        if ((allocFlags & AllocFlags.ALLOC_HIGH) != 0) {
            min -= min / 2;
        }
        if (harder) {
            if ((allocFlags & AllocFlags.ALLOC_OOM) != 0) {
                min -= min / 2;
            } else {
                min -= min / 4;
            }
        }
        if (freePages <= min + z.lowmemReserve[highestZoneidx]) {
            return false;
        }
        if (order == 0) {
            return true;
        }
        int cma = z.types.cma();
        for (int o = order; o < z.maxOrder; o++) {
            if (z.nrFree[o] == 0) {
                continue;
            }
            for (int mt = 0; mt < MigrateType.PCPTYPES; mt++) {
                if (!z.freeAreaEmpty(o, mt)) {
                    return true;
                }
            }
            if (cma >= 0 && (allocFlags & AllocFlags.ALLOC_CMA) != 0 && !z.freeAreaEmpty(o, cma)) {
                return true;
            }
            if (harder && !z.freeAreaEmpty(o, MigrateType.HIGHATOMIC)) {
                return true;
            }
        }
        return false;
    }

    /** Models zone_watermark_ok(): __zone_watermark_ok with NR_FREE_PAGES. */
    public static boolean zoneWatermarkOk(Zone z, int order, long mark, int highestZoneidx, int allocFlags) {
        return zoneWatermarkOk(z, order, mark, highestZoneidx, allocFlags, z.nrFreePages);
    }

    /**
     * Models zone_watermark_fast(): an order-0 shortcut on usable free pages, the full check, and for an
     * order-0 __GFP_ATOMIC request at WMARK_MIN on a boosted zone a retry against the unboosted min mark.
     */
    static boolean zoneWatermarkFast(Zone z, int order, long mark, int highestZoneidx, int allocFlags, int gfp) {
        long freePages = z.nrFreePages;
        if (order == 0) {
            long reserved = unusableFree(z, 0, allocFlags);
            long usable = freePages - Math.min(freePages, reserved);
            if (usable > mark + z.lowmemReserve[highestZoneidx]) {
                return true;
            }
        }
        if (zoneWatermarkOk(z, order, mark, highestZoneidx, allocFlags, freePages)) {
            return true;
        }
        if (order == 0 && (gfp & Gfp.__GFP_ATOMIC) != 0 && z.watermarkBoost != 0
                && (allocFlags & AllocFlags.ALLOC_WMARK_MASK) == AllocFlags.ALLOC_WMARK_MIN) {
            return zoneWatermarkOk(z, order, z.watermark[Zone.WMARK_MIN], highestZoneidx, allocFlags, freePages);
        }
        return false;
    }
}
