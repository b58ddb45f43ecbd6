package org.mmsim.kernel.vmalloc;

import java.util.Arrays;

/**
 * A set of disjoint address ranges [start, end) kept sorted by address and merged with touching neighbours on
 * insert: mm/vmalloc.c's purge_vmap_area_root / purge_vmap_area_list, filled by merge_or_add_vmap_area(). Only
 * its contents and order matter (it is walked in address order by the purge), so sorted arrays stand in for the
 * kernel's rb-tree. Addresses are unsigned.
 */
final class VmapAreaSet {
    private long[] starts = new long[64];
    private long[] ends = new long[64];
    private int count;

    int count() {
        return count;
    }

    long start(int i) {
        return starts[i];
    }

    long end(int i) {
        return ends[i];
    }

    void clear() {
        count = 0;
    }

    /** Index of the first range whose end is above addr (unsigned), or count. */
    int firstEndingAbove(long addr) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(ends[mid], addr) > 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** merge_or_add_vmap_area(): inserts [start, end), merging with a touching neighbour on either side. */
    void insertMerge(long start, long end) {
        int i = firstEndingAbove(start);
        // i: the first range ending above start; the one before it (if any) ends at or below start.
        boolean mergeLeft = i > 0 && ends[i - 1] == start;
        boolean mergeRight = i < count && starts[i] == end;
        if (i < count && Long.compareUnsigned(starts[i], end) < 0) {
            throw new IllegalStateException("vmap area [0x" + Long.toHexString(start) + ", 0x" + Long.toHexString(end)
                    + ") overlaps a free area");
        }
        if (mergeLeft && mergeRight) {
            ends[i - 1] = ends[i];
            remove(i);
        } else if (mergeLeft) {
            ends[i - 1] = end;
        } else if (mergeRight) {
            starts[i] = start;
        } else {
            insertAt(i, start, end);
        }
    }

    private void insertAt(int i, long start, long end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        System.arraycopy(starts, i, starts, i + 1, count - i);
        System.arraycopy(ends, i, ends, i + 1, count - i);
        starts[i] = start;
        ends[i] = end;
        count++;
    }

    private void remove(int i) {
        System.arraycopy(starts, i + 1, starts, i, count - i - 1);
        System.arraycopy(ends, i + 1, ends, i, count - i - 1);
        count--;
    }
}
