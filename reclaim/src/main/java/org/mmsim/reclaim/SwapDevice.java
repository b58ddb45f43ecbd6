package org.mmsim.reclaim;

/**
 * A swap device of a fixed number of slots (mm/swapfile.c get_swap_pages / swap_free): only the count of used
 * slots matters to the model; the entry itself lives in the pte or the shmem mapping.
 */
public final class SwapDevice {
    private final long totalPages;
    private long used;

    public SwapDevice(long totalPages) {
        this.totalPages = totalPages;
    }

    public long totalPages() {
        return totalPages;
    }

    public long usedPages() {
        return used;
    }

    public long freePages() {
        return totalPages - used;
    }

    /** Takes n slots; false if the device is full (add_to_swap failing). */
    boolean get(long n) {
        if (used + n > totalPages) {
            return false;
        }
        used += n;
        return true;
    }

    void put(long n) {
        used -= n;
    }
}
