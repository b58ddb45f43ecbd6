package org.mmsim.reclaim;

import java.util.Arrays;

/**
 * A file's page cache (struct address_space): index to pfn, with the workingset shadow entries
 * (mm/workingset.c workingset_eviction) of evicted pages, or, for shmem/tmpfs, swap entries: a slot of the one
 * {@link SwapDevice}, stored in the page's place as shmem_writepage() stores the swp_entry in the xarray.
 */
public final class AddressSpace {
    public static final int NONE = -1;

    public final int id;
    public final String name;
    public final boolean shmem;
    final int[] pages;
    /** workingset shadow: 1 + lruvec->nonresident_age at eviction, 0 = none. */
    final long[] shadow;
    long nrPages;
    long swapEntries;
    /** The xarray's nodes for the entries present. */
    final XaNodes xa;

    AddressSpace(int id, String name, int size, boolean shmem) {
        this.id = id;
        this.name = name;
        this.shmem = shmem;
        this.pages = new int[size];
        Arrays.fill(pages, NONE);
        this.shadow = shmem ? null : new long[size];
        this.xa = new XaNodes(size);
    }

    /** The page-cache value of a swap entry for {@code slot} (every value below {@link #NONE}). */
    public static int swapEntry(long slot) {
        return (int) (-2 - slot);
    }

    /** Whether a page-cache value is a swap entry. */
    public static boolean isSwapEntry(int value) {
        return value < NONE;
    }

    /** The swap slot of a swap entry value. */
    public static long swapSlot(int value) {
        return -2L - value;
    }

    /** Whether slot {@code index} holds an entry: a page, a swap entry or a workingset shadow. */
    boolean hasEntry(int index) {
        return pages[index] != NONE || (shadow != null && shadow[index] != 0);
    }

    /** xa_nodes this mapping's tree holds now. */
    public long xaNodes() {
        return xa.nodes();
    }

    public int size() {
        return pages.length;
    }

    /** Pages in the page cache. */
    public long nrPages() {
        return nrPages;
    }

    public int page(int index) {
        return pages[index];
    }
}
