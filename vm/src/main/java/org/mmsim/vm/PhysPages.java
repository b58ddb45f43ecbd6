package org.mmsim.vm;

/**
 * The physical page allocator as seen by the virtual memory code: alloc_pages() and __free_pages() of
 * mm/page_alloc.c. Every page the vm module uses (user pages, page-table pages, the zero pages, the page
 * cache) comes from here, so the real buddy allocator can be plugged in behind this interface.
 */
public interface PhysPages {
    /** Allocates 2^order contiguous, naturally aligned pages; returns the first pfn, or -1 when none is free. */
    long allocPages(int gfp, int order);

    /** Returns a block obtained from {@link #allocPages} with the same order. */
    void freePages(long pfn, int order);

    /** One past the highest pfn this allocator can hand out (sizes the per-pfn arrays, like max_pfn). */
    long maxPfn();

    /**
     * lru_cache_add_inactive_or_unevictable() of a new anonymous 4 KiB page, once it is mapped: an allocator
     * with an LRU (the simulation's) puts it on the inactive anon list so that reclaim can find it.
     */
    default void anonPageAdded(long pfn) {
    }
}
