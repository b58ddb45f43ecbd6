package org.mmsim.reclaim;

import java.util.Arrays;

/**
 * The one swap area of the machine (type 0), shared by anonymous memory and shmem, as mm/swapfile.c keeps it: a
 * swap_map of use counts per slot handed out by get_swap_pages() (here a cursor scan like scan_swap_map_slots()),
 * taken by swap_duplicate() and dropped by swap_free(), and the swap cache (mm/swap_state.c): slot to pfn while a
 * page is still mapped elsewhere after being written. Slot 0 is the swap header page; a device of {@code N} pages
 * has slots 1..N. A process page table holds the slot in its swap pte; a shmem mapping holds it in its page-cache
 * slot ({@link AddressSpace#swapEntry}).
 */
public final class SwapDevice {
    private final int[] swapMap;
    private final long[] cachePfn;
    private int cursor = 1;
    private long used;

    /** A device of {@code pages} usable slots (0 = no swap). */
    public SwapDevice(long pages) {
        int n = Math.toIntExact(pages + 1);
        swapMap = new int[n];
        cachePfn = new long[n];
        Arrays.fill(cachePfn, -1L);
        swapMap[0] = -1;
    }

    /** SwapTotal in pages. */
    public long totalPages() {
        return swapMap.length - 1;
    }

    /** Slots in use (SwapTotal - SwapFree). */
    public long usedPages() {
        return used;
    }

    public long freePages() {
        return totalPages() - used;
    }

    /**
     * get_swap_pages() of one slot: the next free slot after the last one given (count 0, not in the swap cache),
     * or -1 when the device is full.
     */
    public long allocSlot() {
        int n = swapMap.length;
        if (used >= n - 1) {
            return -1;
        }
        for (int k = 1; k < n; k++) {
            int s = cursor;
            cursor = cursor + 1 >= n ? 1 : cursor + 1;
            if (swapMap[s] == 0 && cachePfn[s] < 0) {
                used++;
                return s;
            }
        }
        return -1;
    }

    /** swap_duplicate(): one more entry (pte or shmem slot) refers to the slot. */
    public void dup(long slot) {
        swapMap[(int) slot]++;
    }

    /** swap_free(): one entry less; returns the remaining count. The slot itself is released by {@link #release}. */
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
    }

    /** swp_swapcount(): entries referring to the slot. */
    public int count(long slot) {
        return swapMap[(int) slot];
    }

    /** The swap cache's page for the slot, or -1. */
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
}
