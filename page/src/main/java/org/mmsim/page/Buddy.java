package org.mmsim.page;

/**
 * The buddy allocator's core under the zone lock, mm/page_alloc.c: __free_one_page() with buddy_merge_likely(),
 * __rmqueue_smallest() with expand(), __rmqueue() and rmqueue_buddy(). Pages are int indexes into the zone's
 * {@link MemMap}; -1 means none.
 */
public final class Buddy {
    /** PAGE_ALLOC_COSTLY_ORDER. */
    public static final int PAGE_ALLOC_COSTLY_ORDER = 3;
    /** The __rmqueue*() result when no page was found. */
    static final long NO_PAGE = -1L;

    private Buddy() {
    }

    /**
     * page_is_buddy() for the block at {@code buddy}: PageBuddy with this order, and in the same zone (the zone's
     * span; pages in a hole have flags 0 or are reserved, so they never pass).
     */
    static boolean pageIsBuddy(Zone z, int buddy, int order) {
        if (buddy < z.startIdx || buddy >= z.endIdx) {
            return false;
        }
        int f = z.mm.flags[buddy] & 0xff;
        return MemMap.isBuddy(f) && (f & MemMap.ORDER_MASK) == order;
    }

    /**
     * Models __free_one_page(): accounts the pages (unless MIGRATE_ISOLATE), merges with free buddies of equal
     * order up to MAX_ORDER-1, refusing at pageblock order and above to merge a non-mergeable type with a
     * different one, then lists the result at the tail if {@code toTail} (FPI_TO_TAIL) or if
     * buddy_merge_likely() says the next-higher buddy is free, else at the head. Page shuffling is off.
     */
    static void freeOnePage(Zone z, int idx, int order, int mt, boolean toTail) {
        if (mt != z.types.isolate()) {
            z.modFreepageState(1L << order, mt);
        }
        z.mm.setFlags(idx, 0);
        int buddy = 0;
        int maxOrder1 = z.maxOrder - 1;
        while (order < maxOrder1) {
            buddy = idx ^ (1 << order);
            if (!pageIsBuddy(z, buddy, order)) {
                break;
            }
            if (order >= z.pageblockOrder) {
                int buddyMt = z.pageblockMt(buddy);
                if (mt != buddyMt && (!MigrateType.isMergeable(mt) || !MigrateType.isMergeable(buddyMt))) {
                    break;
                }
            }
            z.delPageFromFreeList(buddy, order);
            idx &= buddy;
            order++;
        }
        if (toTail || buddyMergeLikely(z, idx, buddy, order)) {
            z.addToFreeListTail(idx, order, mt);
        } else {
            z.addToFreeList(idx, order, mt);
        }
    }

    /**
     * Models buddy_merge_likely(): below MAX_ORDER-2, whether the order+1 parent of the block has a free buddy
     * of order+1, so the block is likely to merge soon and goes to the list tail.
     */
    static boolean buddyMergeLikely(Zone z, int idx, int buddy, int order) {
        if (order >= z.maxOrder - 2) {
            return false;
        }
        int higher = buddy & idx;
        int higherBuddy = higher ^ (1 << (order + 1));
        return higher >= z.startIdx && higher < z.endIdx && pageIsBuddy(z, higherBuddy, order + 1);
    }

    /**
     * Models expand(): splits a block of order {@code high} down to {@code low}, putting each upper half at the
     * head of its order's list of migratetype {@code mt}.
     */
    static void expand(Zone z, int idx, int low, int high, int mt) {
        int size = 1 << high;
        while (high > low) {
            high--;
            size >>>= 1;
            z.addToFreeList(idx + size, high, mt);
        }
    }

    /**
     * A __rmqueue*() result: the page index and the migratetype of the list it came from (what 6.1 stores in the
     * page with set_pcppage_migratetype()), packed in one long so that the allocation path allocates nothing.
     */
    static long rmqueueResult(int idx, int mt) {
        return ((long) mt << 32) | idx;
    }

    /** The page index of a {@link #rmqueueResult}, {@link LinkSpace#NIL} for {@link #NO_PAGE}. */
    static int rmqueueIdx(long result) {
        return result == NO_PAGE ? LinkSpace.NIL : (int) result;
    }

    /** The migratetype of the list the page of a {@link #rmqueueResult} came from. */
    static int rmqueueMt(long result) {
        return (int) (result >>> 32);
    }

    /**
     * Models __rmqueue_smallest(): the head of the smallest non-empty list of migratetype {@code mt} at order
     * {@code order} or above, split by expand(); emits mm_page_alloc_zone_locked. Returns the page with {@code mt}
     * as its pcp migratetype ({@link #rmqueueResult}), or {@link #NO_PAGE}.
     */
    static long rmqueueSmallest(Zone z, int order, int mt) {
        for (int o = order; o < z.maxOrder; o++) {
            int idx = z.freeAreaHead(o, mt);
            if (idx == LinkSpace.NIL) {
                continue;
            }
            z.delPageFromFreeList(idx, o);
            expand(z, idx, order, o, mt);
            PageAllocTracer t = z.machine == null ? null : z.machine.tracer;
            if (t != null) {
                t.mmPageAllocZoneLocked(z.mm.pfn(idx), order, mt,
                        PerCpuPages.pcpAllowedOrder(z, order) && mt < MigrateType.PCPTYPES);
            }
            return rmqueueResult(idx, mt);
        }
        return NO_PAGE;
    }

    /** Models __rmqueue_cma_fallback(): __rmqueue_smallest on MIGRATE_CMA, nothing without CONFIG_CMA. */
    static long rmqueueCmaFallback(Zone z, int order) {
        int cma = z.types.cma();
        return cma < 0 ? NO_PAGE : rmqueueSmallest(z, order, cma);
    }

    /**
     * Models __rmqueue(): CMA first when ALLOC_CMA and over half the free pages are CMA; then the requested
     * type; then CMA; then __rmqueue_fallback(), retrying the requested type after each successful steal.
     * Returns a {@link #rmqueueResult} or {@link #NO_PAGE}.
     */
    static long rmqueue(Zone z, int order, int mt, int allocFlags) {
        boolean cmaAllowed = (allocFlags & AllocFlags.ALLOC_CMA) != 0 && z.types.hasCma();
        if (cmaAllowed && z.nrFreeCmaPages > z.nrFreePages / 2) {
            long page = rmqueueCmaFallback(z, order);
            if (page != NO_PAGE) {
                return page;
            }
        }
        while (true) {
            long page = rmqueueSmallest(z, order, mt);
            if (page != NO_PAGE) {
                return page;
            }
            if (cmaAllowed) {
                page = rmqueueCmaFallback(z, order);
                if (page != NO_PAGE) {
                    return page;
                }
            }
            if (!Fallback.rmqueueFallback(z, order, mt, allocFlags)) {
                return NO_PAGE;
            }
        }
    }

    /**
     * Models rmqueue_buddy(): for order > 0 with ALLOC_HARDER the HighAtomic lists first, then __rmqueue();
     * subtracts the pages from the free counters and counts pgalloc for the zone.
     */
    static int rmqueueBuddy(Zone z, int order, int allocFlags, int mt) {
        long page = NO_PAGE;
        if (order > 0 && (allocFlags & AllocFlags.ALLOC_HARDER) != 0) {
            page = rmqueueSmallest(z, order, MigrateType.HIGHATOMIC);
        }
        if (page == NO_PAGE) {
            page = rmqueue(z, order, mt, allocFlags);
            if (page == NO_PAGE) {
                return LinkSpace.NIL;
            }
        }
        int idx = rmqueueIdx(page);
        z.modFreepageState(-(1L << order), rmqueueMt(page));
        z.machine.events[VmEvent.PGALLOC_BASE + z.type().ordinal()] += 1L << order;
        return idx;
    }
}
