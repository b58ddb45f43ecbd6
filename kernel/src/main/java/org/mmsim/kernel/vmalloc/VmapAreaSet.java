package org.mmsim.kernel.vmalloc;

/**
 * A set of disjoint address ranges [start, end) kept sorted by address and merged with touching neighbours on
 * insert: mm/vmalloc.c's purge_vmap_area_root / purge_vmap_area_list, filled by merge_or_add_vmap_area(). Only
 * its contents and order matter (it is walked in address order by the purge), so sorted arrays stand in for the
 * kernel's rb-tree. Addresses are unsigned.
 */
final class VmapAreaSet {
    private final AddressOrderedPairs ranges = new AddressOrderedPairs();

    int count() {
        return ranges.count();
    }

    long start(int i) {
        return ranges.key(i);
    }

    long end(int i) {
        return ranges.value(i);
    }

    void clear() {
        ranges.clear();
    }

    /** merge_or_add_vmap_area(): inserts [start, end), merging with a touching neighbour on either side. */
    void insertMerge(long start, long end) {
        int count = ranges.count();
        int i = ranges.firstValueAbove(start);
        // i: the first range ending above start; the one before it (if any) ends at or below start.
        boolean mergeLeft = i > 0 && end(i - 1) == start;
        boolean mergeRight = i < count && start(i) == end;
        if (i < count && Long.compareUnsigned(start(i), end) < 0) {
            throw new IllegalStateException("vmap area [0x" + Long.toHexString(start) + ", 0x" + Long.toHexString(end)
                    + ") overlaps a free area");
        }
        if (mergeLeft && mergeRight) {
            ranges.setValue(i - 1, end(i));
            ranges.remove(i);
        } else if (mergeLeft) {
            ranges.setValue(i - 1, end);
        } else if (mergeRight) {
            ranges.setKey(i, start);
        } else {
            ranges.insertAt(i, start, end);
        }
    }
}
