/**
 * The buddy view's model side: an alloc-demo on a small machine ({@link org.mmsim.web.buddy.BuddyDemo}), where
 * each alloc_pages and __free_pages of the page is recorded step by step in the kernel's words (rmqueue via the
 * per-CPU lists or the buddy, __rmqueue_smallest and expand, __rmqueue_fallback and steal_suitable_fallback,
 * __free_one_page merging, free_pcppages_bulk), each step with the free lists it left
 * ({@link org.mmsim.web.buddy.ZoneState}), and the API ({@link org.mmsim.web.buddy.BuddyRoutes}). The steps are
 * read from the allocator's tracepoints and the free lists before and after, not computed a second time.
 *
 * <p>Kernel sources (6.1): mm/page_alloc.c (rmqueue, rmqueue_pcplist, rmqueue_bulk, __rmqueue_smallest, expand,
 * __rmqueue_fallback, steal_suitable_fallback, __free_one_page, free_unref_page_commit, free_pcppages_bulk),
 * include/trace/events/kmem.h, mm/vmstat.c (buddyinfo, pagetypeinfo).
 *
 * <p>Layer web: a front end; may import the model layers, proc, report and study. Checked by LayerTest.
 */
package org.mmsim.web.buddy;
