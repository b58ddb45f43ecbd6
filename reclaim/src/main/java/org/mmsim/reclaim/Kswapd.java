package org.mmsim.reclaim;

import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.Node;
import org.mmsim.page.Zone;

/**
 * The per-node kswapd thread of mm/vmscan.c: wakeup_kswapd (raise the pending order and zone, wake it unless
 * the node is balanced or hopeless, else kick kcompactd), pgdat_balanced, balance_pgdat (priorities from
 * DEF_PRIORITY down, kswapd_shrink_node to the high watermarks, watermark-boost reclaim without swap and its
 * undo), and kswapd_try_to_sleep (reset the compaction skip hints and wake kcompactd before sleeping).
 * The thread itself is an event of the simulation: {@link #run(int)} is one pass of the kswapd() loop.
 */
public final class Kswapd {
    /** Runs of balance_pgdat without progress after which kswapd leaves a node to direct reclaim. */
    public static final int MAX_RECLAIM_RETRIES = 16;
    private final Memory mem;
    private final int[] order;
    private final int[] highestZoneidx;
    private final boolean[] sleeping;
    private final int[] failures;
    private boolean firstWakeNoted;

    Kswapd(Memory mem) {
        this.mem = mem;
        int n = mem.machine.nodes().size();
        order = new int[n];
        highestZoneidx = new int[n];
        sleeping = new boolean[n];
        failures = new int[n];
        java.util.Arrays.fill(sleeping, true);
        java.util.Arrays.fill(highestZoneidx, -1);
    }

    /** kswapd_is_running(). */
    public boolean running(int nid) {
        return !sleeping[nid];
    }

    /** pgdat->kswapd_failures. */
    public int failures(int nid) {
        return failures[nid];
    }

    /** Clears the node's kswapd_failures: shrink_node() reclaimed something there. */
    void resetFailures(int nid) {
        failures[nid] = 0;
    }

    /**
     * Models mm/vmscan.c wakeup_kswapd(): raises the node's pending order and highest zone; a sleeping kswapd is
     * woken unless the node is hopeless (MAX_RECLAIM_RETRIES failures) or balanced without a watermark boost,
     * in which case a request that cannot reclaim directly kicks kcompactd instead. Differs: no cpuset check.
     */
    public void wakeup(Zone zone, int gfp, int ord, int hz) {
        if (zone.managedPages() == 0) {
            return;
        }
        int nid = zone.node().nid();
        if (highestZoneidx[nid] < hz) {
            highestZoneidx[nid] = hz;
        }
        if (order[nid] < ord) {
            order[nid] = ord;
        }
        if (!sleeping[nid]) {
            return;
        }
        if (failures[nid] >= MAX_RECLAIM_RETRIES || (pgdatBalanced(nid, ord, hz) && !boosted(nid, hz))) {
            if ((gfp & Gfp.__GFP_DIRECT_RECLAIM) == 0) {
                mem.compaction.wakeupKcompactd(nid, ord, hz);
            }
            return;
        }
        mem.env.ftrace().vmscanWakeupKswapd(nid, ord, gfp);
        sleeping[nid] = false;
        mem.env.wakeKswapdThread(nid);
    }

    /** pgdat_watermark_boosted(): a zone up to hz has a watermark boost. */
    private boolean boosted(int nid, int hz) {
        for (Zone z : mem.machine.node(nid).zones()) {
            if (z.zoneIdx() <= hz && z.watermarkBoost() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Models mm/vmscan.c pgdat_balanced(): true as soon as one managed zone up to hz, checked from the lowest,
     * meets its high watermark for the order (zone_watermark_ok_safe), or when no zone up to hz is managed.
     * Differs: never the promotion watermark (no NUMA memory tiering).
     */
    public boolean pgdatBalanced(int nid, int ord, int hz) {
        boolean anyManaged = false;
        for (Zone z : mem.machine.node(nid).zones()) {
            if (z.zoneIdx() > hz || z.managedPages() == 0) {
                continue;
            }
            anyManaged = true;
            if (Reclaim.zoneBalanced(z, ord, hz)) {
                return true;
            }
        }
        return !anyManaged;
    }

    /**
     * Models mm/vmscan.c prepare_kswapd_sleep(): kswapd may sleep when the node is hopeless (MAX_RECLAIM_RETRIES
     * balance_pgdat runs without progress, left to direct reclaim) or balanced at the order.
     */
    boolean prepareKswapdSleep(int nid, int ord, int hz) {
        return failures[nid] >= MAX_RECLAIM_RETRIES || pgdatBalanced(nid, ord, hz);
    }

    /**
     * One pass of the kswapd() loop for node nid: takes the pending order and zone, runs balance_pgdat, then
     * kswapd_try_to_sleep: if prepare_kswapd_sleep() allows it at order 0 (balance_pgdat has either dropped to
     * order 0 or no new wakeup raised it), resets the compaction skip hints, wakes kcompactd and sleeps.
     * Returns true if kswapd went to sleep, false if it must run again (the node is still unbalanced and not
     * hopeless). Differs: no short HZ/10 nap before the full sleep (the model's events are instantaneous).
     */
    public boolean run(int nid) {
        int ord = order[nid];
        int hz = highestZoneidx[nid];
        Machine m = mem.machine;
        if (hz < 0) {
            hz = m.node(nid).zones().length - 1;
        }
        order[nid] = 0;
        highestZoneidx[nid] = -1;
        mem.counters.inc(VmCounters.KSWAPD_WAKE);
        mem.counters.inc(VmCounters.PAGEOUTRUN);
        if (!firstWakeNoted) {
            firstWakeNoted = true;
            mem.env.note("kswapd" + nid + " woke for the first time (order " + ord + ")");
        }
        mem.env.ftrace().vmscanKswapdWake(nid, ord);
        balancePgdat(nid, ord, hz);
        if (prepareKswapdSleep(nid, 0, hz)) {
            mem.compaction.resetIsolationSuitable(nid);
            sleeping[nid] = true;
            mem.compaction.wakeupKcompactd(nid, ord, hz);
            mem.env.ftrace().vmscanKswapdSleep(nid);
            return true;
        }
        return false;
    }

    /**
     * Models mm/vmscan.c balance_pgdat(): from DEF_PRIORITY down to 1, stops as soon as the node is balanced for
     * the order (unless reclaiming for a watermark boost, which is given up and restarted as normal reclaim if
     * the node turns out unbalanced); boosted reclaim neither swaps nor goes below DEF_PRIORITY - 2; each round
     * is a kswapd_shrink_node(), and the priority drops when the round scanned less than its target or reclaimed
     * nothing. A run that reclaimed nothing counts a kswapd failure (a run that found the node balanced does not).
     * Returns the order it ended at (0 once twice the request was reclaimed). Undoes the boosts it reclaimed for
     * and kicks kcompactd at pageblock order. Differs: no kswapd_age_node() before each round (shrink_lruvec's
     * own anon aging does it) and no pfmemalloc throttling.
     */
    int balancePgdat(int nid, int ord, int hz) {
        Node node = mem.machine.node(nid);
        Zone[] zones = node.zones();
        long[] zoneBoosts = new long[zones.length];
        long nrBoostReclaim = 0;
        for (int i = 0; i <= hz && i < zones.length; i++) {
            if (zones[i].managedPages() == 0) {
                continue;
            }
            zoneBoosts[i] = zones[i].watermarkBoost();
            nrBoostReclaim += zoneBoosts[i];
        }
        boolean boosted = nrBoostReclaim > 0;
        ScanControl sc = mem.reclaim.sc;
        sc.reset(0, ScanControl.DEF_PRIORITY, ord, hz, Gfp.GFP_KERNEL, true);
        boolean balancedOut = false;
        restart:
        while (true) {
            sc.priority = ScanControl.DEF_PRIORITY;
            do {
                long nrReclaimed = sc.nrReclaimed;
                boolean raisePriority = true;
                sc.reclaimIdx = hz;
                boolean balanced = pgdatBalanced(nid, sc.order, hz);
                if (!balanced && nrBoostReclaim > 0) {
                    nrBoostReclaim = 0;
                    continue restart;
                }
                if (nrBoostReclaim == 0 && balanced) {
                    balancedOut = true;
                    break restart;
                }
                if (nrBoostReclaim > 0 && sc.priority == ScanControl.DEF_PRIORITY - 2) {
                    raisePriority = false;
                }
                sc.maySwap = nrBoostReclaim == 0;
                sc.nrScanned = 0;
                if (kswapdShrinkNode(nid, sc)) {
                    raisePriority = false;
                }
                nrReclaimed = sc.nrReclaimed - nrReclaimed;
                nrBoostReclaim -= Math.min(nrBoostReclaim, nrReclaimed);
                if (nrBoostReclaim > 0 && nrReclaimed == 0) {
                    break;
                }
                if (raisePriority || nrReclaimed == 0) {
                    sc.priority--;
                }
            } while (sc.priority >= 1);
            break;
        }
        if (!balancedOut && sc.nrReclaimed == 0) {
            failures[nid]++;
        }
        if (boosted) {
            for (int i = 0; i <= hz && i < zones.length; i++) {
                if (zoneBoosts[i] > 0) {
                    long boost = zones[i].watermarkBoost();
                    zones[i].setWatermarkBoost(boost - Math.min(boost, zoneBoosts[i]));
                }
            }
            mem.compaction.wakeupKcompactd(nid, mem.machine.arch().pageblockOrder(), hz);
        }
        mem.flushFreeBatch();
        return sc.order;
    }

    /**
     * Models mm/vmscan.c kswapd_shrink_node(): the target is the sum over managed zones up to the reclaim index
     * of max(high watermark, SWAP_CLUSTER_MAX); after shrink_node(), an order above 0 drops to 0 once
     * compact_gap(order) pages were reclaimed in this run. True if the round scanned at least its target (no
     * need to raise the priority).
     */
    boolean kswapdShrinkNode(int nid, ScanControl sc) {
        Zone[] zones = mem.machine.node(nid).zones();
        long toReclaim = 0;
        for (int i = 0; i <= sc.reclaimIdx && i < zones.length; i++) {
            if (zones[i].managedPages() > 0) {
                toReclaim += Math.max(zones[i].highWmarkPages(), ScanControl.SWAP_CLUSTER_MAX);
            }
        }
        sc.nrToReclaim = toReclaim;
        mem.reclaim.shrinkNode(nid);
        if (sc.order > 0 && sc.nrReclaimed >= ScanControl.compactGap(sc.order)) {
            sc.order = 0;
        }
        return sc.nrScanned >= sc.nrToReclaim;
    }
}
