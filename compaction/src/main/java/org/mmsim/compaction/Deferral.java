package org.mmsim.compaction;

/**
 * A zone's compaction deferral state, the struct zone fields compact_considered, compact_defer_shift and
 * compact_order_failed of include/linux/mmzone.h 6.1, with the functions of mm/compaction.c that use them. After
 * a failed compaction the next 1 &lt;&lt; compact_defer_shift attempts of that order or above are skipped; every
 * further failure doubles the backoff, up to 1 &lt;&lt; {@link #COMPACT_MAX_DEFER_SHIFT}.
 */
final class Deferral {
    /** COMPACT_MAX_DEFER_SHIFT: compaction is skipped at most 64 times in a row. */
    static final int COMPACT_MAX_DEFER_SHIFT = 6;

    private int considered;
    private int deferShift;
    private int orderFailed;

    /**
     * Models mm/compaction.c defer_compaction(): restarts the count of attempts considered, lengthens the backoff
     * (capped at COMPACT_MAX_DEFER_SHIFT) and lowers the failed order to this one.
     */
    void deferCompaction(int order) {
        considered = 0;
        if (++deferShift > COMPACT_MAX_DEFER_SHIFT) {
            deferShift = COMPACT_MAX_DEFER_SHIFT;
        }
        if (order < orderFailed) {
            orderFailed = order;
        }
    }

    /**
     * Models mm/compaction.c compaction_deferred(): whether to skip compaction for this order now. Orders below the
     * failed one are never deferred; otherwise the attempt is counted and skipped until the count reaches
     * 1 &lt;&lt; compact_defer_shift, where it stays.
     */
    boolean compactionDeferred(int order) {
        long limit = 1L << deferShift;
        if (order < orderFailed) {
            return false;
        }
        if (++considered >= limit) {
            considered = (int) limit;
            return false;
        }
        return true;
    }

    /**
     * Models mm/compaction.c compaction_defer_reset(): after compaction made this order available. An allocation
     * that succeeded ends the backoff; either way, orders up to this one are no longer considered failed.
     */
    void compactionDeferReset(int order, boolean allocSuccess) {
        if (allocSuccess) {
            considered = 0;
            deferShift = 0;
        }
        if (order >= orderFailed) {
            orderFailed = order + 1;
        }
    }

    /**
     * Models mm/compaction.c compaction_restarting(): the backoff is at its longest and has run out, so the next
     * compaction should forget the skip hints and start over.
     */
    boolean compactionRestarting(int order) {
        if (order < orderFailed) {
            return false;
        }
        return deferShift == COMPACT_MAX_DEFER_SHIFT && considered >= 1 << COMPACT_MAX_DEFER_SHIFT;
    }

    /** zone->compact_considered. */
    int considered() {
        return considered;
    }

    /** zone->compact_defer_shift. */
    int deferShift() {
        return deferShift;
    }

    /** zone->compact_order_failed. */
    int orderFailed() {
        return orderFailed;
    }
}
