package org.mmsim.reclaim;

/** struct scan_control (mm/vmscan.c): the parameters and the results of one reclaim invocation. */
public final class ScanControl {
    /** The starting priority: each list is scanned by its size shifted right by the priority (DEF_PRIORITY). */
    public static final int DEF_PRIORITY = 12;
    /** The batch of pages reclaim isolates and the direct reclaim target (SWAP_CLUSTER_MAX). */
    public static final int SWAP_CLUSTER_MAX = 32;
    /** may_deactivate bit of the anon lists (DEACTIVATE_ANON = 1 << 0). */
    static final int DEACTIVATE_ANON = 1;
    /** may_deactivate bit of the file lists (DEACTIVATE_FILE = 1 << 1). */
    static final int DEACTIVATE_FILE = 2;

    long nrToReclaim;
    int priority;
    int order;
    int reclaimIdx;
    int gfp;
    boolean maySwap;
    boolean kswapd;
    int mayDeactivate;
    boolean fileIsTiny;
    boolean cacheTrimMode;
    /** shrink_zones() skipped a zone where a costly request should compact instead (sc->compaction_ready). */
    boolean compactionReady;
    long nrScanned;
    long nrReclaimed;

    void reset(long nrToReclaim, int priority, int order, int reclaimIdx, int gfp, boolean kswapd) {
        this.nrToReclaim = nrToReclaim;
        this.priority = priority;
        this.order = order;
        this.reclaimIdx = reclaimIdx;
        this.gfp = gfp;
        this.kswapd = kswapd;
        this.maySwap = true;
        this.compactionReady = false;
        this.nrScanned = 0;
        this.nrReclaimed = 0;
    }

    /** compact_gap(): the free pages compaction needs to migrate into, twice the request (mm/internal.h). */
    static long compactGap(int order) {
        return 2L << order;
    }
}
