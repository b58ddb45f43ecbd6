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
        boolean found = reverse ? nextReverse() : nextForward();
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

    /** Body of __next_mem_range(). */
    private boolean nextForward() {
        MemblockType a = typeA;
        MemblockType b = typeB;
        for (; idxA < a.cnt; idxA++) {
            long mStart = a.base[idxA];
            long mEnd = mStart + a.size[idxA];
            int mNid = a.nid[idxA];
            if (memblock.shouldSkipRegion(a, idxA, nid, flags)) {
                continue;
            }
            if (b == null) {
                emit(mStart, mEnd, mNid);
                idxA++;
                return true;
            }
            for (; idxB < b.cnt + 1; idxB++) {
                long rStart = idxB > 0 ? b.base[idxB - 1] + b.size[idxB - 1] : 0;
                long rEnd = idxB < b.cnt ? b.base[idxB] : PhysAddr.PHYS_ADDR_MAX;
                if (PhysAddr.ge(rStart, mEnd)) {
                    break;
                }
                if (PhysAddr.lt(mStart, rEnd)) {
                    emit(PhysAddr.max(mStart, rStart), PhysAddr.min(mEnd, rEnd), mNid);
                    if (PhysAddr.le(mEnd, rEnd)) {
                        idxA++;
                    } else {
                        idxB++;
                    }
                    return true;
                }
            }
        }
        return false;
    }

    /** Body of __next_mem_range_rev(). */
    private boolean nextReverse() {
        MemblockType a = typeA;
        MemblockType b = typeB;
        if (fresh) {
            idxA = a.cnt - 1;
            idxB = b != null ? b.cnt : 0;
        }
        for (; idxA >= 0; idxA--) {
            long mStart = a.base[idxA];
            long mEnd = mStart + a.size[idxA];
            int mNid = a.nid[idxA];
            if (memblock.shouldSkipRegion(a, idxA, nid, flags)) {
                continue;
            }
            if (b == null) {
                emit(mStart, mEnd, mNid);
                idxA--;
                return true;
            }
            for (; idxB >= 0; idxB--) {
                long rStart = idxB > 0 ? b.base[idxB - 1] + b.size[idxB - 1] : 0;
                long rEnd = idxB < b.cnt ? b.base[idxB] : PhysAddr.PHYS_ADDR_MAX;
                if (PhysAddr.le(rEnd, mStart)) {
                    break;
                }
                if (PhysAddr.gt(mEnd, rStart)) {
                    emit(PhysAddr.max(mStart, rStart), PhysAddr.min(mEnd, rEnd), mNid);
                    if (PhysAddr.ge(mStart, rStart)) {
                        idxA--;
                    } else {
                        idxB--;
                    }
                    return true;
                }
            }
        }
        return false;
    }
}
