package org.mmsim.kernel.vmalloc;

import java.util.Arrays;

/**
 * A set of disjoint address ranges [start, end) kept sorted by address, merged with their neighbours on insert:
 * the model of mm/vmalloc.c's free_vmap_area_root / free_vmap_area_list (and of the purge tree, which merges
 * the same way: merge_or_add_vmap_area()). Addresses are unsigned. Lookups binary-search; the lowest fit
 * ({@link #findLowestMatch}) scans upwards from vstart, giving the lowest-addressed block that can hold the
 * request, the answer find_vmap_lowest_match() computes with its augmented rb-tree.
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

    /** ALIGN(max(va_start, vstart), align) for block i: the candidate start is_within_this_va() tests. */
    long candidateStart(int i, long align, long vstart) {
        long base = Long.compareUnsigned(starts[i], vstart) > 0 ? starts[i] : vstart;
        return (base + align - 1) & -align;
    }

    /**
     * find_vmap_lowest_match(): the index of the lowest block in which {@code size} bytes fit at the alignment at
     * or above vstart, or -1. With {@code adjustSearchSize} (alignment above a page) only blocks of at least
     * size + align - 1 bytes qualify, as the kernel's subtree-size pruning demands.
     */
    int findLowestMatch(long size, long align, long vstart, boolean adjustSearchSize) {
        long length = adjustSearchSize ? size + align - 1 : size;
        for (int i = firstEndingAbove(vstart); i < count; i++) {
            if (Long.compareUnsigned(ends[i] - starts[i], length) < 0) {
                continue;
            }
            long nva = candidateStart(i, align, vstart);
            if (Long.compareUnsigned(nva + size, nva) < 0 || Long.compareUnsigned(nva, vstart) < 0) {
                continue;
            }
            if (Long.compareUnsigned(nva + size, ends[i]) <= 0) {
                return i;
            }
        }
        return -1;
    }

    /** adjust_va_to_fit_type(): carves [nvaStart, nvaStart + size) out of block i (full, left, right or middle fit). */
    void carve(int i, long nvaStart, long size) {
        long s = starts[i];
        long e = ends[i];
        long nvaEnd = nvaStart + size;
        if (s == nvaStart && e == nvaEnd) {
            remove(i);
        } else if (s == nvaStart) {
            starts[i] = nvaEnd;
        } else if (e == nvaEnd) {
            ends[i] = nvaStart;
        } else {
            ends[i] = nvaStart;
            insertAt(i + 1, nvaEnd, e);
        }
    }

    /** Removes [start, end) from the block containing it (for early reservations); false if not free. */
    boolean reserve(long start, long end) {
        int i = firstEndingAbove(start);
        if (i == count || Long.compareUnsigned(starts[i], start) > 0 || Long.compareUnsigned(end, ends[i]) > 0) {
            return false;
        }
        carve(i, start, end - start);
        return true;
    }
}
