package org.mmsim.boot.zone;

/** A range of page frames [startPfn, endPfn) on node {@code nid}: one entry of for_each_mem_pfn_range(). */
public record MemRange(long startPfn, long endPfn, int nid) {
    public long pages() {
        return endPfn - startPfn;
    }
}
