package org.mmsim.proc.frag;

/**
 * The kernel's fragmentation measures of a zone, from its free block counts per order. Models
 * mm/vmstat.c {@code __fragmentation_index()}, {@code fragmentation_index()},
 * {@code unusable_free_index()} and {@code extfrag_for_order()}. Indices are in thousandths, as the
 * kernel returns them; arithmetic is the kernel's unsigned 64-bit integer division.
 */
public final class FragmentationIndex {
    /** {@code __fragmentation_index()}'s value when a block of the order is free: "would not fail". */
    public static final int ALLOCATION_WOULD_SUCCEED = -1000;

    private FragmentationIndex() {
    }

    /**
     * {@code __fragmentation_index()}: 0 when nothing is free, -1000 when a suitable block exists, else
     * toward 0 for "fails for lack of memory" and toward 1000 for "fails because of fragmentation".
     */
    public static int fragmentationIndex(int order, ContigPageInfo info) {
        long requested = 1L << order;
        if (info.freeBlocksTotal() == 0) {
            return 0;
        }
        if (info.freeBlocksSuitable() != 0) {
            return ALLOCATION_WOULD_SUCCEED;
        }
        long perRequest = Long.divideUnsigned(info.freePages() * 1000L, requested);
        return (int) (1000L - Long.divideUnsigned(1000L + perRequest, info.freeBlocksTotal()));
    }

    /** {@code fragmentation_index()}: the index of a zone with these free counts (0 past MAX_ORDER-1). */
    public static int fragmentationIndex(long[] nrFree, int order) {
        if (order >= nrFree.length) {
            return 0;
        }
        return fragmentationIndex(order, ContigPageInfo.of(nrFree, order));
    }

    /**
     * {@code unusable_free_index()}: the thousandths of free memory that sit in blocks too small for the
     * order; 1000 when nothing is free.
     */
    public static int unusableFreeIndex(int order, ContigPageInfo info) {
        if (info.freePages() == 0) {
            return 1000;
        }
        long unusable = info.freePages() - (info.freeBlocksSuitable() << order);
        return (int) Long.divideUnsigned(unusable * 1000L, info.freePages());
    }

    /**
     * {@code extfrag_for_order()}: the percentage (0..100) of free pages in blocks smaller than the order,
     * 0 when nothing is free. Proactive compaction scores zones with it at COMPACTION_HPAGE_ORDER.
     * Allocation-free.
     */
    public static int extfragForOrder(long[] nrFree, int order) {
        long pages = 0;
        long suitable = 0;
        for (int o = 0; o < nrFree.length; o++) {
            pages += nrFree[o] << o;
            if (o >= order) {
                suitable += nrFree[o] << (o - order);
            }
        }
        if (pages == 0) {
            return 0;
        }
        return (int) Long.divideUnsigned((pages - (suitable << order)) * 100L, pages);
    }
}
