package org.mmsim.compaction;

import org.mmsim.page.AllocFlags;
import org.mmsim.page.Buddy;
import org.mmsim.page.Watermarks;
import org.mmsim.page.Zone;

/**
 * Whether compaction of a zone is worth running now, mm/compaction.c 6.1 __compaction_suitable() and the
 * fragmentation-index part of compaction_suitable(). Pure functions of the zone's free lists and watermarks, so
 * that they can be checked without a running model; {@link Compaction#compactionSuitable} adds the trace event.
 */
final class Suitability {
    /** PAGE_ALLOC_COSTLY_ORDER: above it the low watermark and the fragmentation index apply. */
    static final int PAGE_ALLOC_COSTLY_ORDER = Buddy.PAGE_ALLOC_COSTLY_ORDER;

    private Suitability() {
    }

    /** Models include/linux/compaction.h compact_gap(): twice the request, room for the isolated targets. */
    static long compactGap(int order) {
        return 2L << order;
    }

    /**
     * Models mm/compaction.c __compaction_suitable(): CONTINUE for compact_memory (order -1); SUCCESS if the order
     * already passes the allocation's own watermark; SKIPPED unless order 0 passes the min watermark (low for
     * costly orders) plus compact_gap(order), counting CMA pages; else CONTINUE.
     */
    static int compactionSuitableWatermarks(Zone z, int order, int allocFlags, int highestZoneidx) {
        if (order == -1) {
            return CompactResult.COMPACT_CONTINUE;
        }
        long mark = z.wmarkPages(allocFlags & AllocFlags.ALLOC_WMARK_MASK);
        if (Watermarks.zoneWatermarkOk(z, order, mark, highestZoneidx, allocFlags)) {
            return CompactResult.COMPACT_SUCCESS;
        }
        long orderZeroMark = (order > PAGE_ALLOC_COSTLY_ORDER ? z.lowWmarkPages() : z.minWmarkPages())
                + compactGap(order);
        if (!Watermarks.zoneWatermarkOk(z, 0, orderZeroMark, highestZoneidx, AllocFlags.ALLOC_CMA, z.nrFreePages())) {
            return CompactResult.COMPACT_SKIPPED;
        }
        return CompactResult.COMPACT_CONTINUE;
    }

    /**
     * Models mm/compaction.c compaction_suitable() before its trace and the NOT_SUITABLE_ZONE to SKIPPED mapping:
     * for a costly order that compaction could help, a fragmentation index of 0..extfrag_threshold means the failure
     * is for lack of memory, not fragmentation, and gives COMPACT_NOT_SUITABLE_ZONE.
     */
    static int compactionSuitable(Zone z, int order, int allocFlags, int highestZoneidx, int extfragThreshold) {
        int ret = compactionSuitableWatermarks(z, order, allocFlags, highestZoneidx);
        if (ret == CompactResult.COMPACT_CONTINUE && order > PAGE_ALLOC_COSTLY_ORDER) {
            int fragindex = Fragmentation.fragmentationIndex(z, order);
            if (fragindex >= 0 && fragindex <= extfragThreshold) {
                ret = CompactResult.COMPACT_NOT_SUITABLE_ZONE;
            }
        }
        return ret;
    }
}
