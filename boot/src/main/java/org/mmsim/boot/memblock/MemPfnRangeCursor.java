package org.mmsim.boot.memblock;

/**
 * Models __next_mem_pfn_range() behind for_each_mem_pfn_range() (mm/memblock.c): the memory regions of
 * one node (or of all nodes when the node is MAX_NUMNODES, as the kernel spells it) as page frame ranges,
 * start rounded up and end rounded down, skipping regions that hold no whole page.
 */
public final class MemPfnRangeCursor {
    private final Memblock memblock;
    private int nid;
    private int idx;
    private long startPfn;
    private long endPfn;
    private int outNid;

    MemPfnRangeCursor(Memblock memblock) {
        this.memblock = memblock;
    }

    /** Restarts the walk for node {@code nid}; pass {@code config().maxNumNodes()} for every node. */
    public MemPfnRangeCursor reset(int nid) {
        this.nid = nid;
        this.idx = -1;
        return this;
    }

    /** Advances to the next pfn range; false at the end. */
    public boolean next() {
        MemblockType type = memblock.memory();
        int shift = memblock.config().pageShift();
        long pageMask = memblock.config().pageSize() - 1;
        int max = memblock.config().maxNumNodes();
        if (idx >= type.cnt) {
            return false;
        }
        while (++idx < type.cnt) {
            long up = (type.base[idx] + pageMask) >>> shift;
            long down = (type.base[idx] + type.size[idx]) >>> shift;
            if (up >= down) {
                continue;
            }
            if (nid == max || nid == type.nid[idx]) {
                startPfn = up;
                endPfn = down;
                outNid = type.nid[idx];
                return true;
            }
        }
        return false;
    }

    public long startPfn() {
        return startPfn;
    }

    public long endPfn() {
        return endPfn;
    }

    public int nid() {
        return outNid;
    }
}
