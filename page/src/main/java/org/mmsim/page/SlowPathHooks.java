package org.mmsim.page;

/**
 * Where reclaim, compaction, kswapd and the OOM killer plug into the allocator's slow path
 * (__alloc_pages_slowpath in mm/page_alloc.c). Every method has a do-nothing default, which makes the slow path
 * behave as on a machine with nothing to reclaim or compact. After {@link #compact} and {@link #reclaim} the
 * allocator itself retries get_page_from_freelist, as __alloc_pages_direct_compact and
 * __alloc_pages_direct_reclaim do.
 */
public interface SlowPathHooks {
    /** COMPACT_SKIPPED: compaction did not run (the default). */
    int COMPACT_SKIPPED = 1;
    /** COMPACT_DEFERRED. */
    int COMPACT_DEFERRED = 2;
    /** COMPACT_COMPLETE / partial progress: compaction ran. */
    int COMPACT_COMPLETE = 5;
    /** COMPACT_SUCCESS: a free page of the requested order is available (should_compact_retry's progress). */
    int COMPACT_SUCCESS = 8;

    /** Priorities of enum compact_priority. */
    int COMPACT_PRIO_SYNC_FULL = 0;
    int COMPACT_PRIO_SYNC_LIGHT = 1;
    int COMPACT_PRIO_ASYNC = 2;
    int INIT_COMPACT_PRIORITY = COMPACT_PRIO_ASYNC;
    int DEF_COMPACT_PRIORITY = COMPACT_PRIO_ASYNC;

    SlowPathHooks NONE = new SlowPathHooks() {
    };

    /** wakeup_kswapd() for one zone (wake_all_kswapds calls it per node's first zone of the zonelist). */
    default void wakeKswapd(Machine m, Zone zone, int gfp, int order, int highestZoneidx) {
    }

    /** Direct compaction (try_to_compact_pages); returns a COMPACT_* result. */
    default int compact(Machine m, AllocContext ac, int priority) {
        return COMPACT_SKIPPED;
    }

    /** Direct reclaim (try_to_free_pages); returns the pages reclaimed, the slow path's did_some_progress. */
    default long reclaim(Machine m, AllocContext ac) {
        return 0;
    }

    /** The OOM killer (out_of_memory); returns whether it made progress. */
    default boolean oom(Machine m, AllocContext ac) {
        return false;
    }

    /** zone_reclaimable_pages(): pages reclaim could free in the zone, for should_reclaim_retry. */
    default long zoneReclaimablePages(Zone zone) {
        return 0;
    }

    /** should_compact_retry(); the default never retries. */
    default boolean shouldCompactRetry(Machine m, AllocContext ac, int compactResult, int retries) {
        return false;
    }
}
