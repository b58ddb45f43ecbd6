package org.mmsim.page;

/**
 * Migratetype fallback and pageblock stealing, mm/page_alloc.c 6.1: the {@code fallbacks[]} table,
 * find_suitable_fallback(), can_steal_fallback(), __rmqueue_fallback(), steal_suitable_fallback(),
 * boost_watermark(), move_freepages_block() / move_freepages() and change_pageblock_range().
 */
public final class Fallback {
    private Fallback() {
    }

    /** fallbacks[]: the types tried, in order, when a pcp type's lists are empty. */
    static final int[][] FALLBACKS = {
        {MigrateType.RECLAIMABLE, MigrateType.MOVABLE},
        {MigrateType.RECLAIMABLE, MigrateType.UNMOVABLE},
        {MigrateType.UNMOVABLE, MigrateType.MOVABLE},
    };

    /** The fallback types of a migratetype (none for HighAtomic, CMA and Isolate). */
    public static int[] fallbacks(int mt) {
        return mt < MigrateType.PCPTYPES ? FALLBACKS[mt].clone() : new int[0];
    }

    /**
     * Models can_steal_fallback(): whole-block stealing is allowed for a free block of pageblock order or
     * more, of at least half that order, for Unmovable and Reclaimable requests, or with grouping by mobility
     * disabled.
     */
    public static boolean canStealFallback(Zone z, int order, int startMt) {
        if (order >= z.pageblockOrder) {
            return true;
        }
        return order >= z.pageblockOrder / 2
                || startMt == MigrateType.RECLAIMABLE
                || startMt == MigrateType.UNMOVABLE
                || z.machine.pageGroupByMobilityDisabled();
    }

    /** What {@link #findSuitableFallback} returns when no fallback list has a free block. */
    public static final int NO_FALLBACK = -1;

    /**
     * Models find_suitable_fallback(): {@link #NO_FALLBACK} if the order's free area is empty; else the first
     * fallback type of a request of migratetype {@code mt} (below MIGRATE_PCPTYPES) with a non-empty list at this
     * order (with {@code onlyStealable}, only if stealing is allowed). Differs: 6.1 also returns can_steal through
     * a pointer; whenever a type is found that flag equals {@link #canStealFallback}(z, order, mt), which callers
     * ask directly.
     */
    public static int findSuitableFallback(Zone z, int order, int mt, boolean onlyStealable) {
        if (z.nrFree[order] == 0) {
            return NO_FALLBACK;
        }
        boolean canSteal = canStealFallback(z, order, mt);
        for (int fmt : FALLBACKS[mt]) {
            if (z.freeAreaEmpty(order, fmt)) {
                continue;
            }
            if (!onlyStealable || canSteal) {
                return fmt;
            }
        }
        return NO_FALLBACK;
    }

    /**
     * Models __rmqueue_fallback(): looks for the largest free block of a fallback type (not below pageblock
     * order under ALLOC_NOFRAGMENT); a movable request that may not steal the whole block takes the smallest
     * suitable block instead. Steals it (steal_suitable_fallback) and emits mm_page_alloc_extfrag. Returns
     * whether something was moved to the requested type's lists.
     */
    static boolean rmqueueFallback(Zone z, int order, int startMt, int allocFlags) {
        int minOrder = order;
        if (order < z.pageblockOrder && (allocFlags & AllocFlags.ALLOC_NOFRAGMENT) != 0) {
            minOrder = z.pageblockOrder;
        }
        int currentOrder;
        int fallbackMt = -1;
        for (currentOrder = z.maxOrder - 1; currentOrder >= minOrder; currentOrder--) {
            fallbackMt = findSuitableFallback(z, currentOrder, startMt, false);
            if (fallbackMt == NO_FALLBACK) {
                continue;
            }
            if (!canStealFallback(z, currentOrder, startMt) && startMt == MigrateType.MOVABLE && currentOrder > order) {
                for (currentOrder = order; currentOrder < z.maxOrder; currentOrder++) {
                    fallbackMt = findSuitableFallback(z, currentOrder, startMt, false);
                    if (fallbackMt != NO_FALLBACK) {
                        break;
                    }
                }
            }
            break;
        }
        if (fallbackMt == NO_FALLBACK || currentOrder < minOrder || currentOrder >= z.maxOrder) {
            return false;
        }
        int idx = z.freeAreaHead(currentOrder, fallbackMt);
        stealSuitableFallback(z, idx, allocFlags, startMt, canStealFallback(z, currentOrder, startMt));
        z.machine.extfragEvents++;
        PageAllocTracer t = z.machine.tracer;
        if (t != null) {
            t.mmPageAllocExtfrag(z.mm.pfn(idx), order, currentOrder, startMt, fallbackMt,
                    startMt == z.pageblockMt(idx));
        }
        return true;
    }

    /**
     * Models steal_suitable_fallback(): a HighAtomic block is never claimed; a block of pageblock order or more
     * changes its pageblocks' type; otherwise the watermark is boosted (ZONE_BOOSTED_WATERMARK with
     * ALLOC_KSWAPD), and if whole-block stealing is allowed every free page of the pageblock moves to the new
     * type, which claims the block when free plus alike pages reach half of it (or grouping is disabled).
     * Otherwise only the found block moves.
     */
    static void stealSuitableFallback(Zone z, int idx, int allocFlags, int startType, boolean wholeBlock) {
        int currentOrder = z.mm.flags(idx) & MemMap.ORDER_MASK;
        int oldBlockType = z.pageblockMt(idx);
        if (oldBlockType != MigrateType.HIGHATOMIC) {
            if (currentOrder >= z.pageblockOrder) {
                changePageblockRange(z, idx, currentOrder, startType);
            } else {
                if (boostWatermark(z) && (allocFlags & AllocFlags.ALLOC_KSWAPD) != 0) {
                    z.boostedWatermark = true;
                }
                if (wholeBlock) {
                    long moved = moveFreepagesBlockCounting(z, idx, startType);
                    int freePages = freePagesMoved(moved);
                    int movablePages = movablePagesSeen(moved);
                    int alikePages;
                    if (startType == MigrateType.MOVABLE) {
                        alikePages = movablePages;
                    } else if (oldBlockType == MigrateType.MOVABLE) {
                        alikePages = z.pageblockNrPages - (freePages + movablePages);
                    } else {
                        alikePages = 0;
                    }
                    if (freePages != 0) {
                        if (freePages + alikePages >= (1 << (z.pageblockOrder - 1))
                                || z.machine.pageGroupByMobilityDisabled()) {
                            z.setPageblockMt(idx, startType);
                        }
                        return;
                    }
                }
            }
        }
        z.moveToFreeList(idx, currentOrder, startType);
    }

    /** Models change_pageblock_range(): sets the type of the 2^(order - pageblock_order) blocks from idx. */
    static void changePageblockRange(Zone z, int idx, int startOrder, int mt) {
        int n = 1 << (startOrder - z.pageblockOrder);
        for (int i = 0; i < n; i++) {
            z.setPageblockMt(idx + i * z.pageblockNrPages, mt);
        }
    }

    /**
     * Models boost_watermark(): unless watermark_boost_factor is 0 or the zone is smaller than four
     * pageblocks, raises watermark_boost by a pageblock, capped at max(pageblock, high * factor / 10000).
     */
    static boolean boostWatermark(Zone z) {
        int factor = z.machine.watermarkBoostFactor();
        if (factor == 0) {
            return false;
        }
        if ((long) z.pageblockNrPages * 4 > z.managedPages) {
            return false;
        }
        long high = z.watermark[Zone.WMARK_HIGH];
        long maxBoost = (high / 10000) * factor + (high % 10000) * factor / 10000;
        if (maxBoost == 0) {
            return false;
        }
        maxBoost = Math.max(z.pageblockNrPages, maxBoost);
        z.setWatermarkBoost(Math.min(z.watermarkBoost + z.pageblockNrPages, maxBoost));
        return true;
    }

    /**
     * Models move_freepages_block(): moves every free block of the pageblock holding {@code pfn} to the tail of
     * {@code mt}'s lists; returns the pages moved, 0 if the block's end lies outside the zone (its start is
     * clipped to the page).
     */
    public static int moveFreepagesBlock(Zone z, long pfn, int mt) {
        return moveFreepagesBlock(z, z.mm.index(pfn), mt);
    }

    static int moveFreepagesBlock(Zone z, int idx, int mt) {
        return freePagesMoved(moveFreepagesBlockCounting(z, idx, mt));
    }

    /**
     * move_freepages_block() with its num_movable out-parameter: the pages moved and the movable pages seen
     * (PageLRU or __PageMovable pages; the model counts pages allocated as movable), packed in one long so that
     * the allocation path allocates nothing; read them with {@link #freePagesMoved} and {@link #movablePagesSeen}.
     */
    static long moveFreepagesBlockCounting(Zone z, int idx, int mt) {
        int start = idx & ~(z.pageblockNrPages - 1);
        int end = start + z.pageblockNrPages - 1;
        if (start < z.startIdx) {
            start = idx;
        }
        if (end >= z.endIdx) {
            return 0;
        }
        return moveFreepages(z, start, end, mt);
    }

    /** The free pages moved, of a {@link #moveFreepagesBlockCounting} result. */
    static int freePagesMoved(long counts) {
        return (int) counts;
    }

    /** The movable pages seen (num_movable), of a {@link #moveFreepagesBlockCounting} result. */
    static int movablePagesSeen(long counts) {
        return (int) (counts >>> 32);
    }

    /** Models move_freepages() over [start, end]: the pages moved and the movable pages seen, packed as above. */
    static long moveFreepages(Zone z, int start, int end, int mt) {
        int moved = 0;
        int movable = 0;
        MemMap mm = z.mm;
        for (int i = start; i <= end; ) {
            if (!mm.valid(i)) {
                i = (i | MemMap.SECTION_MASK) + 1;
                continue;
            }
            int f = mm.flags[i] & 0xff;
            if (MemMap.isBuddy(f)) {
                int order = f & MemMap.ORDER_MASK;
                z.moveToFreeList(i, order, mt);
                i += 1 << order;
                moved += 1 << order;
            } else if ((f & 0xf0) == MemMap.ST_ALLOCATED_MOVABLE) {
                int n = Math.min(1 << (f & MemMap.ORDER_MASK), end + 1 - i);
                movable += n;
                i += n;
            } else {
                i++;
            }
        }
        return ((long) movable << 32) | moved;
    }
}
