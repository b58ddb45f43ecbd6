package org.mmsim.reclaim;

import org.mmsim.page.GfpNames;

/**
 * The vmscan tracepoints reclaim and kswapd emit (include/trace/events/vmscan.h, 6.1), each a typed method that
 * formats the fields once and hands the line to the environment only when that event is enabled.
 */
final class VmscanTracer {
    private final MmEnvironment env;

    VmscanTracer(MmEnvironment env) {
        this.env = env;
    }

    /** vmscan:mm_vmscan_direct_reclaim_begin, from try_to_free_pages(). */
    void directReclaimBegin(int order, int gfp) {
        if (env.traceEnabled("mm_vmscan_direct_reclaim_begin")) {
            env.trace("task", 1, "mm_vmscan_direct_reclaim_begin",
                    "order=" + order + " gfp_flags=" + GfpNames.format(gfp));
        }
    }

    /** vmscan:mm_vmscan_direct_reclaim_end. */
    void directReclaimEnd(long nrReclaimed) {
        if (env.traceEnabled("mm_vmscan_direct_reclaim_end")) {
            env.trace("task", 1, "mm_vmscan_direct_reclaim_end", "nr_reclaimed=" + nrReclaimed);
        }
    }

    /** vmscan:mm_vmscan_wakeup_kswapd, from wakeup_kswapd(). */
    void wakeupKswapd(int nid, int order, int gfp) {
        if (env.traceEnabled("mm_vmscan_wakeup_kswapd")) {
            env.trace("task", 1, "mm_vmscan_wakeup_kswapd",
                    "nid=" + nid + " order=" + order + " gfp_flags=" + GfpNames.format(gfp));
        }
    }

    /** vmscan:mm_vmscan_kswapd_wake, from kswapd() before balance_pgdat(). */
    void kswapdWake(int nid, int order) {
        if (env.traceEnabled("mm_vmscan_kswapd_wake")) {
            env.trace(kswapdComm(nid), kswapdPid(nid), "mm_vmscan_kswapd_wake", "nid=" + nid + " order=" + order);
        }
    }

    /** vmscan:mm_vmscan_kswapd_sleep, from kswapd_try_to_sleep(). */
    void kswapdSleep(int nid) {
        if (env.traceEnabled("mm_vmscan_kswapd_sleep")) {
            env.trace(kswapdComm(nid), kswapdPid(nid), "mm_vmscan_kswapd_sleep", "nid=" + nid);
        }
    }

    private static String kswapdComm(int nid) {
        return "kswapd" + nid;
    }

    /** The pid the model gives kswapdN in traces. */
    private static int kswapdPid(int nid) {
        return 40 + nid;
    }
}
