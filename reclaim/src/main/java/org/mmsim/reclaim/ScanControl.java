package org.mmsim.reclaim;

/** struct scan_control (mm/vmscan.c): the parameters and the results of one reclaim invocation. */
public final class ScanControl {
    public static final int DEF_PRIORITY = 12;
    public static final int SWAP_CLUSTER_MAX = 32;
    static final int DEACTIVATE_ANON = 1;
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
        this.nrScanned = 0;
        this.nrReclaimed = 0;
    }
}
