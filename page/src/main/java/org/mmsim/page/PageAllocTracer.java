package org.mmsim.page;

/**
 * Receives the page allocator's tracepoint events (include/trace/events/kmem.h, 6.1) with their fields.
 * The allocator calls a listener only when one is set, so tracing off costs one null test per event site.
 */
public interface PageAllocTracer {
    /** kmem:mm_page_alloc; pfn is -1 when the allocation failed. */
    default void mmPageAlloc(long pfn, int order, int gfpFlags, int migratetype) {
    }

    /** kmem:mm_page_free, from free_pages_prepare(). */
    default void mmPageFree(long pfn, int order) {
    }

    /** kmem:mm_page_free_batched, from free_unref_page_list() (order 0). */
    default void mmPageFreeBatched(long pfn) {
    }

    /** kmem:mm_page_alloc_zone_locked, from __rmqueue_smallest(). */
    default void mmPageAllocZoneLocked(long pfn, int order, int migratetype, boolean percpuRefill) {
    }

    /** kmem:mm_page_pcpu_drain, from free_pcppages_bulk(). */
    default void mmPagePcpuDrain(long pfn, int order, int migratetype) {
    }

    /** kmem:mm_page_alloc_extfrag, from __rmqueue_fallback(). */
    default void mmPageAllocExtfrag(long pfn, int allocOrder, int fallbackOrder, int allocMigratetype,
            int fallbackMigratetype, boolean changeOwnership) {
    }
}
