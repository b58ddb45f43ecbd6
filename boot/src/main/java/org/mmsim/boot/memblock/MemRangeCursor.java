package org.mmsim.boot.memblock;

/**
 * Models the iterator state of __next_mem_range() and __next_mem_range_rev() (mm/memblock.c): walks the
 * regions of type A, minus the regions of type B when B is given, in ascending or descending order.
 * The kernel packs both indices into one u64; here they are two ints. One cursor is reused for a whole
 * loop, so stepping allocates nothing:
 *
 * <pre>{@code
 * MemRangeCursor c = memblock.freeMemRanges(NUMA_NO_NODE, MemblockFlags.NONE);
 * while (c.next()) { use(c.start(), c.end(), c.nid()); }
 * }</pre>
 *
 * Regions of memblock.memory are filtered as should_skip_region() does: by node, hotplug (with
 * movable_node), mirror, nomap and driver-managed flags.
 */
public final class MemRangeCursor {
    private final Memblock memblock;
    private MemblockType typeA;
    private MemblockType typeB;
    private int nid;
    private int flags;
    private boolean reverse;
    private boolean fresh;
    private boolean done;
    private int idxA;
    private int idxB;
    private long outStart;
    private long outEnd;
    private int outNid;

    MemRangeCursor(Memblock memblock) {
        this.memblock = memblock;
    }

    /** Restarts the cursor over {@code a} minus {@code b} (b may be null). */
    public MemRangeCursor reset(MemblockType a, MemblockType b, int nid, int flags, boolean reverse) {
        this.typeA = a;
        this.typeB = b;
        this.nid = nid == memblock.config().maxNumNodes() ? Memblock.NUMA_NO_NODE : nid;
        this.flags = flags;
        this.reverse = reverse;
        this.fresh = true;
        this.done = false;
        this.idxA = 0;
        this.idxB = 0;
        return this;
    }

    /** Advances to the next range; false once the walk is over. */
    public boolean next() {
        if (done) {
            return false;
        }
        if (reverse && fresh) {
            idxA = typeA.cnt - 1;
            idxB = typeB != null ? typeB.cnt : 0;
        }
        boolean found = nextRange(reverse ? -1 : 1);
        fresh = false;
        if (!found) {
            done = true;
        }
        return found;
    }

    /** Start of the current range (inclusive). */
    public long start() {
        return outStart;
    }

    /** End of the current range (exclusive). */
    public long end() {
        return outEnd;
    }

    /** Node of the type-A region the current range lies in. */
    public int nid() {
        return outNid;
    }

    private void emit(long start, long end, int rnid) {
        outStart = start;
        outEnd = end;
        outNid = rnid;
    }

    /**
     * Body of __next_mem_range() (step +1) and of __next_mem_range_rev() (step -1): the kernel writes the two
     * walks out separately, mirror images of each other in the direction of both indices and in which end of
     * the ranges decides that a range is passed.
     */
    private boolean nextRange(int step) {
        MemblockType a = typeA;
        MemblockType b = typeB;
        boolean forward = step > 0;
        for (; idxA >= 0 && idxA < a.cnt; idxA += step) {
            long mStart = a.base[idxA];
            long mEnd = mStart + a.size[idxA];
            int mNid = a.nid[idxA];
            if (memblock.shouldSkipRegion(a, idxA, nid, flags)) {
                continue;
            }
            if (b == null) {
                emit(mStart, mEnd, mNid);
                idxA += step;
                return true;
            }
            // idxB walks the gaps of B: gap i lies between region i - 1 and region i
            for (; idxB >= 0 && idxB <= b.cnt; idxB += step) {
                long rStart = idxB > 0 ? b.base[idxB - 1] + b.size[idxB - 1] : 0;
                long rEnd = idxB < b.cnt ? b.base[idxB] : PhysAddr.PHYS_ADDR_MAX;
                if (forward ? PhysAddr.ge(rStart, mEnd) : PhysAddr.le(rEnd, mStart)) {
                    break;
                }
                if (PhysAddr.lt(mStart, rEnd) && PhysAddr.lt(rStart, mEnd)) {
                    emit(PhysAddr.max(mStart, rStart), PhysAddr.min(mEnd, rEnd), mNid);
                    boolean regionDone = forward ? PhysAddr.le(mEnd, rEnd) : PhysAddr.ge(mStart, rStart);
                    if (regionDone) {
                        idxA += step;
                    } else {
                        idxB += step;
                    }
                    return true;
                }
            }
        }
        return false;
    }
}
