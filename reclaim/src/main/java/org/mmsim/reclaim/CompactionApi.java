package org.mmsim.reclaim;

import org.mmsim.page.Zone;
import org.mmsim.page.Zonelist;

/**
 * Compaction as reclaim, the allocator's slow path and the simulation call it: the entry points
 * include/linux/compaction.h gives mm/vmscan.c and mm/page_alloc.c, and the kcompactd work, its proactive
 * timer and the compact_memory sysctl that the simulation's scheduler drives. Declared here, below
 * org.mmsim.compaction, whose Compaction implements it on top of reclaim's {@link Memory}, so that the two
 * packages do not import each other.
 */
public interface CompactionApi {
    /** compaction_ready() of mm/vmscan.c: whether reclaim for a costly order may stop and leave it to compaction. */
    boolean compactionReady(Zone z, int order, int highestZoneidx);

    /** compaction_defer_reset(): compaction made this order available; allocSuccess ends the backoff. */
    void compactionDeferReset(Zone z, int order, boolean allocSuccess);

    /** reset_isolation_suitable(): for each zone of the node whose compact_blockskip_flush is set. */
    void resetIsolationSuitable(int nid);

    /** try_to_compact_pages(): returns a COMPACT_* result. */
    int tryToCompactPages(Zonelist zl, int gfp, int order, int allocFlags, int highestZoneidx, int migratetype,
            int prio);

    /** The first zone of the zonelist where a request of this order would now pass the min watermark. */
    Zone zoneWithFreePage(Zonelist zl, int order, int highestZoneidx, int allocFlags);

    /** wakeup_kcompactd(). */
    void wakeupKcompactd(int nid, int order, int highestZoneidx);

    /** kcompactd_do_work() for the node's pending order. */
    void runKcompactd(int nid);

    /** kcompactd's HPAGE_FRAG_CHECK_INTERVAL_MSEC timeout: proactive compaction of the node when due. */
    void proactiveTick(int nid);

    /** compact_node() for every node: what writing 1 to /proc/sys/vm/compact_memory does. */
    void compactMemory();
}
