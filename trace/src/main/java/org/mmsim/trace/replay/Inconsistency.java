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
    /** mm_page_free or mm_page_free_batched of a page the model holds free (buddy or per-CPU list). */
    FREE_OF_FREE("free of a page the model holds free"),
    /** An event whose order differs from the model's block at that pfn. */
    WRONG_ORDER("order differs from the model's block"),
    /** mm_page_pcpu_drain of a page the model has on no per-CPU list. */
    DRAIN_NOT_ON_PCP("per-CPU drain of a page on no per-CPU list"),
    /** A buddy take or extfrag steal whose migratetype differs from the model's free list. */
    MIGRATETYPE("migratetype differs from the model's free list"),
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
