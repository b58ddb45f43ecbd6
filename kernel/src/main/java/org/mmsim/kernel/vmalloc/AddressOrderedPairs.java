package org.mmsim.kernel.vmalloc;

import java.util.Arrays;

/**
 * Pairs of longs kept in order of their first, an unsigned address, in two parallel arrays grown by doubling:
 * what stands in for the address-ordered rb-trees and lists of mm/vmalloc.c where only the contents and their order
 * matter, vmap_area_list (address to area slot, {@link Vmalloc}) and purge_vmap_area_list (start to end,
 * {@link VmapAreaSet}). The owner keeps the order; this class keeps the arrays.
 */
final class AddressOrderedPairs {
    private long[] keys = new long[64];
    private long[] values = new long[64];
    private int count;

    int count() {
        return count;
    }

    long key(int i) {
        return keys[i];
    }

    long value(int i) {
        return values[i];
    }

    void setKey(int i, long key) {
        keys[i] = key;
    }

    void setValue(int i, long value) {
        values[i] = value;
    }

    void clear() {
        count = 0;
    }

    /** Index of the first pair whose key is not below {@code addr} (unsigned), or count. */
    int firstKeyNotBelow(long addr) {
        return firstIndex(keys, addr, false);
    }

    /** Index of the first pair whose value is above {@code addr} (unsigned), or count; the values must be ordered. */
    int firstValueAbove(long addr) {
        return firstIndex(values, addr, true);
    }

    private int firstIndex(long[] column, long addr, boolean strictlyAbove) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = Long.compareUnsigned(column[mid], addr);
            if (c > 0 || (c == 0 && !strictlyAbove)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Inserts a pair at index {@code i}, moving the later ones up. */
    void insertAt(int i, long key, long value) {
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            values = Arrays.copyOf(values, count * 2);
        }
        System.arraycopy(keys, i, keys, i + 1, count - i);
        System.arraycopy(values, i, values, i + 1, count - i);
        keys[i] = key;
        values[i] = value;
        count++;
    }

    /** Removes the pair at index {@code i}, moving the later ones down. */
    void remove(int i) {
        System.arraycopy(keys, i + 1, keys, i, count - i - 1);
        System.arraycopy(values, i + 1, values, i, count - i - 1);
        count--;
    }
}
