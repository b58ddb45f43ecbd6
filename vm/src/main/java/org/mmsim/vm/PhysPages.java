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
     * folio_add_new_anon_rmap() + lru_cache_add_inactive_or_unevictable() of a new anonymous folio (a 4 KiB page,
     * or a THP's head at order 9), once it is mapped: an allocator with an LRU (the machine's memory model,
     * {@link MemoryPhysPages}) counts it and puts a base page on the inactive anon list, or on the unevictable one
     * in a VM_LOCKED vma, so that reclaim and compaction find it.
     */
    default void anonPageAdded(long pfn, int order, boolean mlocked) {
    }

    /** mlock_folio() of a mapped anonymous page of a vma that became VM_LOCKED. */
    default void mlockAnonPage(long pfn) {
    }
}
