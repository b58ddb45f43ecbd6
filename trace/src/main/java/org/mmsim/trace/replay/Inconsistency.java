package org.mmsim.trace.replay;

/**
 * The ways a kernel event can contradict what forced replay believes of a page (mm/page_alloc.c 6.1: what each
 * tracepoint's call site implies about the page's state just before it).
 */
public enum Inconsistency {
    /** mm_page_alloc or mm_page_alloc_zone_locked of a page the model holds allocated. */
    ALLOC_OF_ALLOCATED("allocation of a page the model holds allocated"),
    /** mm_page_alloc of a page the model has free in the buddy, with no mm_page_alloc_zone_locked taking it. */
    ALLOC_WITHOUT_TAKE("allocation of a buddy page no mm_page_alloc_zone_locked took"),
    /** mm_page_alloc_zone_locked of a page the model has on a per-CPU list. */
    TAKE_OF_PCP_PAGE("buddy take of a page the model has on a per-CPU list"),
    /** mm_page_free or mm_page_free_batched of a page the model holds free in the buddy. */
    FREE_OF_FREE("free of a page the model holds free"),
    /**
     * mm_page_free or mm_page_free_batched of a page the model has on a per-CPU list: in 6.1 __alloc_pages_bulk()
     * (vmalloc areas, kernel stacks) takes pages off the lists with no tracepoint, so a page it took that no
     * traced allocation followed in the same list comes back as a free of a listed page.
     */
    FREE_OF_PCP_PAGE("free of a page the model has on a per-CPU list (taken by __alloc_pages_bulk, untraced)"),
    /** An event whose order differs from the model's block at that pfn. */
    WRONG_ORDER("order differs from the model's block"),
    /** mm_page_pcpu_drain of a page the model has on no per-CPU list. */
    DRAIN_NOT_ON_PCP("per-CPU drain of a page on no per-CPU list"),
    /** A buddy take or extfrag steal whose migratetype differs from the model's free list. */
    MIGRATETYPE("migratetype differs from the model's free list"),
    /** mm_compaction_isolate_freepages of more pages than the model holds free in the scanned range. */
    ISOLATE_SHORT("compaction isolated more free pages than the model holds in the range"),
    /** A pfn in no zone of the model's machine. */
    OUTSIDE("pfn outside the model's zones");

    private final String description;

    Inconsistency(String description) {
        this.description = description;
    }

    /** What went wrong, in words. */
    public String description() {
        return description;
    }
}
