package org.mmsim.boot.memblock;

import java.util.Arrays;
import java.util.Objects;

/**
 * Models struct memblock_type (include/linux/memblock.h): a sorted array of non-overlapping regions,
 * each with base, size, flags and node id, kept here as parallel primitive arrays. As in the kernel an
 * empty type still holds one dummy region of size 0 ({@code cnt == 1}), and {@code max} is the capacity
 * that memblock_double_array() doubles.
 */
public final class MemblockType {
    /** sizeof(struct memblock_region) with 64-bit phys_addr_t and CONFIG_NUMA: base, size, flags, nid. */
    static final long REGION_BYTES = 24;

    private final String name;
    int cnt;
    int max;
    long totalSize;
    long[] base;
    long[] size;
    int[] flags;
    int[] nid;
    /** Physical address of a region array allocated by memblock_double_array(); 0 while static. */
    long arrayPhys;

    MemblockType(String name, int initialMax) {
        this.name = name;
        this.max = initialMax;
        this.base = new long[initialMax];
        this.size = new long[initialMax];
        this.flags = new int[initialMax];
        this.nid = new int[initialMax];
        this.cnt = 1;
    }

    /** The type's name, "memory" or "reserved". */
    public String name() {
        return name;
    }

    /** Number of regions, 1 for an empty type (its dummy region). */
    public int cnt() {
        return cnt;
    }

    /** Capacity of the region array. */
    public int max() {
        return max;
    }

    /** Sum of the sizes of all regions. */
    public long totalSize() {
        return totalSize;
    }

    public long base(int i) {
        return base[Objects.checkIndex(i, cnt)];
    }

    public long size(int i) {
        return size[Objects.checkIndex(i, cnt)];
    }

    /** base + size (exclusive end). */
    public long end(int i) {
        Objects.checkIndex(i, cnt);
        return base[i] + size[i];
    }

    public int flags(int i) {
        return flags[Objects.checkIndex(i, cnt)];
    }

    /** memblock_get_region_node(). */
    public int nid(int i) {
        return nid[Objects.checkIndex(i, cnt)];
    }

    /** True while only the dummy region is present. */
    public boolean isEmpty() {
        return size[0] == 0;
    }

    /** Models memblock_insert_region(): shifts regions up and stores the new one at {@code idx}. */
    void insertRegion(int idx, long rbase, long rsize, int rnid, int rflags) {
        if (cnt >= max) {
            throw new IllegalStateException("memblock " + name + ": no room to insert (BUG_ON)");
        }
        int tail = cnt - idx;
        System.arraycopy(base, idx, base, idx + 1, tail);
        System.arraycopy(size, idx, size, idx + 1, tail);
        System.arraycopy(flags, idx, flags, idx + 1, tail);
        System.arraycopy(nid, idx, nid, idx + 1, tail);
        base[idx] = rbase;
        size[idx] = rsize;
        flags[idx] = rflags;
        nid[idx] = rnid;
        cnt++;
        totalSize += rsize;
    }

    /** Models memblock_remove_region(); an emptied type gets back its dummy region on node {@code emptyNid}. */
    void removeRegion(int r, int emptyNid) {
        totalSize -= size[r];
        int tail = cnt - (r + 1);
        System.arraycopy(base, r + 1, base, r, tail);
        System.arraycopy(size, r + 1, size, r, tail);
        System.arraycopy(flags, r + 1, flags, r, tail);
        System.arraycopy(nid, r + 1, nid, r, tail);
        cnt--;
        if (cnt == 0) {
            cnt = 1;
            base[0] = 0;
            size[0] = 0;
            flags[0] = 0;
            nid[0] = emptyNid;
        }
    }

    /** Models memblock_merge_regions(): joins touching neighbours with equal node and flags. */
    void mergeRegions() {
        int i = 0;
        while (i < cnt - 1) {
            long thisEnd = base[i] + size[i];
            if (thisEnd != base[i + 1] || nid[i] != nid[i + 1] || flags[i] != flags[i + 1]) {
                if (PhysAddr.gt(thisEnd, base[i + 1])) {
                    throw new IllegalStateException("memblock " + name + ": overlapping regions (BUG_ON)");
                }
                i++;
                continue;
            }
            size[i] += size[i + 1];
            int tail = cnt - (i + 2);
            System.arraycopy(base, i + 2, base, i + 1, tail);
            System.arraycopy(size, i + 2, size, i + 1, tail);
            System.arraycopy(flags, i + 2, flags, i + 1, tail);
            System.arraycopy(nid, i + 2, nid, i + 1, tail);
            cnt--;
        }
    }

    /** The storage half of memblock_double_array(): twice the capacity, new slots zeroed. */
    void doubleCapacity() {
        int newMax = max << 1;
        base = Arrays.copyOf(base, newMax);
        size = Arrays.copyOf(size, newMax);
        flags = Arrays.copyOf(flags, newMax);
        nid = Arrays.copyOf(nid, newMax);
        max = newMax;
    }
}
