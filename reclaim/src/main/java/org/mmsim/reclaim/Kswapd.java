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

    /** wakeup_kswapd(). */
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
        if (mem.env.traceEnabled("mm_vmscan_wakeup_kswapd")) {
            mem.env.trace("task", 1, "mm_vmscan_wakeup_kswapd",
                    "nid=" + nid + " order=" + ord + " gfp_flags=" + GfpNames.show(gfp));
        }
        sleeping[nid] = false;
        mem.env.wakeKswapdThread(nid);
    }

    private boolean boosted(int nid, int hz) {
        for (Zone z : mem.machine.node(nid).zones()) {
            if (z.zoneIdx() <= hz && z.watermarkBoost() > 0) {
                return true;
            }
        }
        return false;
    }

    /** pgdat_balanced(): some managed zone up to hz meets its high watermark for the order. */
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
     * One pass of the kswapd() loop for node nid: takes the pending order and zone, runs balance_pgdat, then
     * tries to sleep. Returns true if kswapd went to sleep, false if it must run again (the node is still
     * unbalanced and not hopeless).
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
        if (mem.env.traceEnabled("mm_vmscan_kswapd_wake")) {
            mem.env.trace("kswapd" + nid, 40 + nid, "mm_vmscan_kswapd_wake", "nid=" + nid + " order=" + ord);
        }
        balancePgdat(nid, ord, hz);
        if (failures[nid] >= MAX_RECLAIM_RETRIES || pgdatBalanced(nid, 0, hz)) {
            mem.compaction.resetIsolationSuitable(nid);
            sleeping[nid] = true;
            mem.compaction.wakeupKcompactd(nid, ord, hz);
            if (mem.env.traceEnabled("mm_vmscan_kswapd_sleep")) {
                mem.env.trace("kswapd" + nid, 40 + nid, "mm_vmscan_kswapd_sleep", "nid=" + nid);
            }
            return true;
        }
        return false;
    }

    /** balance_pgdat(). */
    void balancePgdat(int nid, int ord, int hz) {
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
        long totalReclaimed = 0;
        while (true) {
            sc.reset(0, ScanControl.DEF_PRIORITY, ord, hz, Gfp.GFP_KERNEL, true);
            long reclaimedBefore = 0;
            boolean restart = false;
            do {
                boolean balanced = pgdatBalanced(nid, sc.order, hz);
                if (!balanced && nrBoostReclaim > 0) {
                    nrBoostReclaim = 0;
                    restart = true;
                    break;
                }
                if (nrBoostReclaim == 0 && balanced) {
                    break;
                }
                sc.maySwap = nrBoostReclaim == 0;
                long toReclaim = 0;
                for (int i = 0; i <= hz && i < zones.length; i++) {
                    if (zones[i].managedPages() > 0) {
                        toReclaim += Math.max(zones[i].highWmarkPages(), ScanControl.SWAP_CLUSTER_MAX);
                    }
                }
                sc.nrToReclaim = toReclaim;
                sc.nrScanned = 0;
                long before = sc.nrReclaimed;
                mem.reclaim.shrinkNode(nid);
                boolean raisePriority = sc.nrScanned < sc.nrToReclaim;
                if (sc.order > 0 && sc.nrReclaimed >= (2L << sc.order)) {
                    sc.order = 0;
                }
                long round = sc.nrReclaimed - before;
                if (nrBoostReclaim > 0) {
                    nrBoostReclaim -= Math.min(nrBoostReclaim, round);
                    if (round == 0) {
                        break;
                    }
                }
                if (raisePriority || round == 0) {
                    sc.priority--;
                }
                reclaimedBefore = sc.nrReclaimed;
            } while (sc.priority >= 1);
            totalReclaimed += sc.nrReclaimed;
            if (!restart) {
                break;
            }
        }
        if (totalReclaimed == 0) {
            failures[nid]++;
        } else if (pgdatBalanced(nid, 0, hz)) {
            failures[nid] = 0;
        }
        if (boosted) {
            for (int i = 0; i <= hz && i < zones.length; i++) {
                if (zoneBoosts[i] > 0) {
                    zones[i].setWatermarkBoost(zones[i].watermarkBoost() - Math.min(zones[i].watermarkBoost(), zoneBoosts[i]));
                }
            }
            mem.compaction.wakeupKcompactd(nid, mem.machine.arch().pageblockOrder(), hz);
        }
        mem.flushFreeBatch();
    }
}
