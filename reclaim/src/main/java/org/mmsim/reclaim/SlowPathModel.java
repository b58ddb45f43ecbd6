package org.mmsim.reclaim;

import org.mmsim.page.AllocContext;
import org.mmsim.page.Buddy;
import org.mmsim.page.Machine;
import org.mmsim.page.SlowPathHooks;
import org.mmsim.page.Zone;

/**
 * The memory model's answers to the page allocator's slow path (__alloc_pages_slowpath): wakeup_kswapd,
 * __alloc_pages_direct_compact (try_to_compact_pages plus the compact_stall / success / fail accounting),
 * __alloc_pages_direct_reclaim (try_to_free_pages), out_of_memory, zone_reclaimable_pages and
 * should_compact_retry with its compaction priority escalation, which this model keeps per request because
 * the allocator's hook interface has no priority out-parameter.
 */
final class SlowPathModel implements SlowPathHooks {
    private static final int MAX_COMPACT_RETRIES = 16;
    private final Memory mem;
    private int requestGfp;
    private int requestOrder;
    private int priority = INIT_COMPACT_PRIORITY;
    private int retries;

    SlowPathModel(Memory mem) {
        this.mem = mem;
    }

    /** Starts a new allocation request: its gfp and order (for direct reclaim), and a fresh compaction priority. */
    void beginRequest(int gfp, int order) {
        requestGfp = gfp;
        requestOrder = order;
        priority = INIT_COMPACT_PRIORITY;
        retries = 0;
    }

    @Override
    public void wakeKswapd(Machine m, Zone zone, int gfp, int order, int highestZoneidx) {
        mem.kswapd.wakeup(zone, gfp, order, highestZoneidx);
    }

    /**
     * __alloc_pages_direct_compact(): try_to_compact_pages() for the request in {@code ac}, then the compact_stall,
     * compact_success and compact_fail accounting, with compaction_defer_reset() of the zone that now has a page.
     */
    @Override
    public int compact(Machine m, AllocContext ac, int prio) {
        int order = ac.order();
        if (!mem.config.compaction() || order == 0) {
            return COMPACT_SKIPPED;
        }
        int gfp = ac.gfp();
        int hz = ac.highestZoneidx();
        int mt = ac.migratetype();
        int allocFlags = ac.allocFlags();
        Zone preferred = ac.preferredZone();
        int effective = Math.min(prio, priority);
        CompactionApi cp = mem.compaction;
        int result = cp.tryToCompactPages(ac.zonelist(), gfp, order, allocFlags, hz, mt, effective);
        if (result == SlowPathHooks.COMPACT_SKIPPED) {
            return result;
        }
        mem.counters.inc(VmCounters.COMPACT_STALL);
        Zone ok = cp.zoneWithFreePage(ac.zonelist(), order, hz, allocFlags);
        if (ok != null) {
            cp.compactionDeferReset(ok, order, true);
            mem.counters.inc(VmCounters.COMPACT_SUCCESS);
        } else {
            mem.counters.inc(VmCounters.COMPACT_FAIL);
        }
        return result;
    }

    @Override
    public long reclaim(Machine m, AllocContext ac) {
        mem.counters.inc(VmCounters.ALLOCSTALL);
        return mem.reclaim.tryToFreePages(ac, requestGfp, requestOrder);
    }

    @Override
    public boolean oom(Machine m, AllocContext ac) {
        return mem.oom.outOfMemory();
    }

    @Override
    public long zoneReclaimablePages(Zone zone) {
        return mem.zoneReclaimablePages(zone);
    }

    /**
     * should_compact_retry(): retry while compaction makes progress (up to 16 times, 4 for costly orders);
     * when it failed or withdrew, raise the priority once more (down to SYNC_LIGHT for costly orders,
     * SYNC_FULL otherwise) and retry.
     */
    @Override
    public boolean shouldCompactRetry(Machine m, AllocContext ac, int compactResult, int allocatorRetries) {
        if (ac.order() == 0 || !mem.config.compaction()) {
            return false;
        }
        boolean costly = ac.order() > Buddy.PAGE_ALLOC_COSTLY_ORDER;
        if (compactResult == COMPACT_SUCCESS) {
            int max = costly ? MAX_COMPACT_RETRIES / 4 : MAX_COMPACT_RETRIES;
            return ++retries <= max;
        }
        int min = costly ? COMPACT_PRIO_SYNC_LIGHT : COMPACT_PRIO_SYNC_FULL;
        if (priority > min) {
            priority--;
            retries = 0;
            return true;
        }
        return false;
    }
}
