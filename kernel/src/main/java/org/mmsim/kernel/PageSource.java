package org.mmsim.kernel;

import org.mmsim.page.Gfp;

/**
 * Page-level memory as the kernel allocators above the buddy see it: the calls SLUB, kmalloc and
 * vmalloc make into mm/page_alloc.c ({@code alloc_pages_node()}, {@code __free_pages()},
 * {@code page_to_nid()}). The allocators in this module reach page memory only through this interface,
 * so the real page allocator (module {@code page}) can be adapted to it.
 */
public interface PageSource {
    /** Returned by {@link #allocPages} when no block could be found (the kernel's NULL page). */
    long NO_PAGE = -1L;

    /**
     * Allocates a block of {@code 1 << order} pages, as {@code __alloc_pages(gfp, order, nid, NULL)} does.
     *
     * @param gfpFlags the request's GFP bits (see {@link Gfp}); zone bits pick the highest usable zone,
     *                 {@code __GFP_COMP} asks for a compound page, {@code __GFP_THISNODE} forbids other nodes
     * @param order    the block order, 0 .. MAX_ORDER-1
     * @param nid      the preferred node (the caller resolves NUMA_NO_NODE to the current CPU's node)
     * @return the block's first pfn, or {@link #NO_PAGE}
     */
    long allocPages(int gfpFlags, int order, int nid);

    /** Frees a block allocated with {@link #allocPages} ({@code __free_pages(page, order)}). */
    void freePages(long pfn, int order);

    /** The node a pfn belongs to ({@code page_to_nid()}). */
    int pfnToNid(long pfn);

    /** One past the highest pfn this source can return: the length of the kernel's mem_map. */
    long endPfn();

    /** log2 of the page size (PAGE_SHIFT). */
    int pageShift();
}
