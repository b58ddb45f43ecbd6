package org.mmsim.compaction;

import static org.mmsim.compaction.CompactResult.COMPACT_COMPLETE;
import static org.mmsim.compaction.CompactResult.COMPACT_CONTINUE;
import static org.mmsim.compaction.CompactResult.COMPACT_PARTIAL_SKIPPED;
import static org.mmsim.compaction.CompactResult.COMPACT_SUCCESS;
import static org.mmsim.compaction.MigrateMode.MIGRATE_SYNC_LIGHT;

import java.util.Arrays;
import org.mmsim.page.Machine;
import org.mmsim.page.MigrateType;
import org.mmsim.page.Node;
import org.mmsim.page.Zone;
import org.mmsim.reclaim.Memory;
import org.mmsim.reclaim.VmCounters;

/**
 * The per-node compaction daemon of mm/compaction.c 6.1: wakeup_kcompactd() and kcompactd_node_suitable(), the
 * work of one wake-up (kcompactd_do_work), and the proactive compaction its HPAGE_FRAG_CHECK_INTERVAL_MSEC timeout
 * runs (should_proactive_compact_node, proactive_compact_node) with its own backoff. The simulation's scheduler
 * runs the thread and the timer; this class holds what struct pglist_data keeps for them (kcompactd_max_order,
 * kcompactd_highest_zoneidx, proactive_compact_trigger's deferral) and whether the thread sleeps.
 */
final class Kcompactd {
    /** HPAGE_FRAG_CHECK_INTERVAL_MSEC (500 ms), in nanoseconds. */
    static final long HPAGE_FRAG_CHECK_INTERVAL_NS = 500_000_000L;

    private final Compaction compaction;
    private final Memory mem;
    private final Machine m;
    private final VmCounters c;
    private final CompactControl cc;
    private final int[] kcompactdMaxOrder;
    private final int[] kcompactdHighestZoneidx;
    private final boolean[] kcompactdSleeping;
    private final int[] proactiveDefer;

    Kcompactd(Compaction compaction, Memory mem) {
        this.compaction = compaction;
        this.mem = mem;
        this.m = mem.machine;
        this.c = mem.counters;
        this.cc = compaction.control();
        int nodes = m.nodes().size();
        kcompactdMaxOrder = new int[nodes];
        kcompactdHighestZoneidx = new int[nodes];
        kcompactdSleeping = new boolean[nodes];
        proactiveDefer = new int[nodes];
        Arrays.fill(kcompactdSleeping, true);
    }

    /**
     * Models mm/compaction.c wakeup_kcompactd(): raises the node's pending order and zone index and wakes its
     * kcompactd when it sleeps and kcompactd_node_suitable() finds a zone to compact.
     */
    void wakeupKcompactd(int nid, int order, int highestZoneidx) {
        if (!mem.config.compaction() || order == 0) {
            return;
        }
        if (kcompactdMaxOrder[nid] < order) {
            kcompactdMaxOrder[nid] = order;
        }
        if (kcompactdHighestZoneidx[nid] < highestZoneidx) {
            kcompactdHighestZoneidx[nid] = highestZoneidx;
        }
        if (!kcompactdSleeping[nid] || !kcompactdNodeSuitable(nid)) {
            return;
        }
        mem.env.ftrace().compactionWakeupKcompactd(m.node(nid), order, highestZoneidx);
        kcompactdSleeping[nid] = false;
        mem.env.wakeKcompactdThread(nid);
    }

    /**
     * Models mm/compaction.c kcompactd_node_suitable(): a populated zone up to the pending index where
     * compaction_suitable() says CONTINUE.
     */
    private boolean kcompactdNodeSuitable(int nid) {
        int hz = kcompactdHighestZoneidx[nid];
        for (Zone z : m.node(nid).zones()) {
            if (z.zoneIdx() <= hz && z.populated()
                    && compaction.compactionSuitable(z, kcompactdMaxOrder[nid], 0, hz) == COMPACT_CONTINUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Models mm/compaction.c kcompactd_do_work(): MIGRATE_SYNC_LIGHT compaction of each zone up to the pending
     * index that is neither deferred nor unsuitable, for the pending order; success resets the deferral, a run whose
     * scanners met drains the pcp lists and defers. Then the pending order and index are cleared and it sleeps.
     */
    void kcompactdDoWork(int nid) {
        int order = kcompactdMaxOrder[nid];
        int hz = kcompactdHighestZoneidx[nid];
        Node node = m.node(nid);
        mem.env.ftrace().compactionKcompactdWake(node, order, hz);
        c.inc(VmCounters.COMPACT_DAEMON_WAKE);
        for (Zone z : node.zones()) {
            if (z.zoneIdx() > hz || !z.populated() || order <= 0) {
                continue;
            }
            if (compaction.compactionDeferred(z, order)) {
                continue;
            }
            if (compaction.compactionSuitable(z, order, 0, hz) != COMPACT_CONTINUE) {
                continue;
            }
            cc.configure(order, MIGRATE_SYNC_LIGHT, false, false, false, false, false, MigrateType.UNMOVABLE, 0, hz);
            int status = compaction.compactZone(z, cc);
            c.add(VmCounters.COMPACT_DAEMON_MIGRATE_SCANNED, cc.totalMigrateScanned);
            c.add(VmCounters.COMPACT_DAEMON_FREE_SCANNED, cc.totalFreeScanned);
            if (status == COMPACT_SUCCESS) {
                compaction.compactionDeferReset(z, order, false);
            } else if (status == COMPACT_PARTIAL_SKIPPED || status == COMPACT_COMPLETE) {
                m.drainAllPages(z);
                compaction.deferCompaction(z, order);
            }
        }
        if (kcompactdMaxOrder[nid] <= order) {
            kcompactdMaxOrder[nid] = 0;
        }
        if (kcompactdHighestZoneidx[nid] >= hz) {
            kcompactdHighestZoneidx[nid] = 0;
        }
        kcompactdSleeping[nid] = true;
        mem.env.ftrace().compactionKcompactdSleep(nid);
    }

    /**
     * kcompactd's HPAGE_FRAG_CHECK_INTERVAL_MSEC timeout in mm/compaction.c kcompactd(): unless deferred,
     * proactive_compact_node() when should_proactive_compact_node(); a run that does not lower the node's score
     * defers the next 1 &lt;&lt; COMPACT_MAX_DEFER_SHIFT checks.
     */
    void proactiveTick(int nid) {
        if (!mem.config.compaction() || mem.config.proactiveness() == 0) {
            return;
        }
        if (proactiveDefer[nid] > 0) {
            proactiveDefer[nid]--;
            return;
        }
        Node node = m.node(nid);
        if (!shouldProactiveCompactNode(node)) {
            return;
        }
        long prev = Fragmentation.fragmentationScoreNode(node);
        proactiveCompactNode(node);
        long score = Fragmentation.fragmentationScoreNode(node);
        proactiveDefer[nid] = score < prev ? 0 : 1 << Deferral.COMPACT_MAX_DEFER_SHIFT;
    }

    /**
     * Models mm/compaction.c should_proactive_compact_node(): proactiveness is set, kswapd is not running and the
     * node's fragmentation score is above the high mark.
     */
    boolean shouldProactiveCompactNode(Node node) {
        if (mem.config.proactiveness() == 0 || mem.kswapd.running(node.nid())) {
            return false;
        }
        int wmarkHigh = Fragmentation.fragmentationScoreWmark(mem.config.proactiveness(), false);
        return Fragmentation.fragmentationScoreNode(node) > wmarkHigh;
    }

    /**
     * Models mm/compaction.c proactive_compact_node(): a whole-zone MIGRATE_SYNC_LIGHT run over each populated zone,
     * ignoring skip bits, that __compact_finished() stops at the low score mark; counted as kcompactd's scanning.
     */
    private void proactiveCompactNode(Node node) {
        for (Zone z : node.zones()) {
            if (!z.populated()) {
                continue;
            }
            cc.configure(-1, MIGRATE_SYNC_LIGHT, true, true, false, false, true, MigrateType.UNMOVABLE, 0,
                    node.zones().length - 1);
            compaction.compactZone(z, cc);
            c.add(VmCounters.COMPACT_DAEMON_MIGRATE_SCANNED, cc.totalMigrateScanned);
            c.add(VmCounters.COMPACT_DAEMON_FREE_SCANNED, cc.totalFreeScanned);
        }
    }
}
