package org.mmsim.vm;

import java.util.Arrays;

/**
 * One swap area (type 0) as a slot allocator with a swap_map of use counts (mm/swapfile.c
 * get_swap_pages(), swap_duplicate(), swap_free()), and the swap cache: slot to pfn for pages that are
 * swapped out in one mapping but still mapped elsewhere. Slot 0 is reserved like the swap header page.
 */
public final class SwapDevice {
    /** What else bounds the slots in use: a swap area this device shares with other users of swap. */
    public interface Quota {
        /** One slot more in use; false if the shared area is full. */
        boolean take();

        /** One slot less in use. */
        void give();
    }

    private final int[] swapMap;
    private Quota quota;
    private final long[] cachePfn;
    private int cursor = 1;
    private long used;

    public SwapDevice(int slots) {
        swapMap = new int[slots];
        cachePfn = new long[slots];
        Arrays.fill(cachePfn, -1L);
        swapMap[0] = -1;
    }

    /** Shares the swap area with other users: every slot in use also counts against {@code q}. */
    public void setQuota(Quota q) {
        this.quota = q;
    }

    /** Allocates a free slot with count 0, or -1 when the device (or the shared area) is full. */
    public long allocSlot() {
        int n = swapMap.length;
        for (int k = 0; k < n; k++) {
            int s = cursor;
            cursor = cursor + 1 >= n ? 1 : cursor + 1;
            if (swapMap[s] == 0 && cachePfn[s] < 0) {
                if (quota != null && !quota.take()) {
                    return -1;
                }
                used++;
                return s;
            }
        }
        return -1;
    }

    /** swap_duplicate(): one more PTE refers to the slot. */
    public void dup(long slot) {
        swapMap[(int) slot]++;
    }

    /** swap_free(): one PTE less; returns the remaining count. The slot itself is released by {@link #release}. */
    public int free(long slot) {
        int s = (int) slot;
        if (--swapMap[s] < 0) {
            throw new IllegalStateException("swap count underflow at slot " + slot);
        }
        return swapMap[s];
    }

    /** Releases a slot whose count is 0 and that is no longer in the swap cache. */
    public void release(long slot) {
        used--;
        if (quota != null) {
            quota.give();
        }
    }

    /** swp_swapcount(): PTEs referring to the slot. */
    public int count(long slot) {
        return swapMap[(int) slot];
    }

    public long cachePfn(long slot) {
        return cachePfn[(int) slot];
    }

    public void setCachePfn(long slot, long pfn) {
        cachePfn[(int) slot] = pfn;
    }

    /** The device's size in slots, slot 0 (the header) included. */
    public int slots() {
        return swapMap.length;
    }

    /** Slots in use. */
    public long used() {
        return used;
    }
}
