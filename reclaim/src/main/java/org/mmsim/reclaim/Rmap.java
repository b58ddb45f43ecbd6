package org.mmsim.reclaim;

/**
 * The reverse map of the processes that map anonymous pages (mm/rmap.c), as reclaim and compaction use it: the
 * layer that owns the address spaces (the vm layer's VmSystem) walks every pte mapping a page. Reclaim reaches a
 * mapped anonymous page only through here, as 6.1's shrink_folio_list() does through folio_referenced() and
 * try_to_unmap(), and compaction through migrate_pages()'s try_to_migrate() and remove_migration_ptes().
 */
public interface Rmap {
    /** Whether the page can be isolated for migration now (mapped, no extra reference, every mapping found). */
    boolean isMigratable(long pfn);

    /**
     * migrate_pages() of one anonymous page: every pte that mapped {@code src} maps {@code dst}; false if it could
     * not (nothing changed). The caller frees {@code src}.
     */
    boolean migrate(long src, long dst);

    /** folio_referenced(): whether a mapping's accessed bit was set since the last look (the bits are cleared). */
    boolean folioReferenced(long pfn);

    /**
     * add_to_swap() + try_to_unmap() + the page's last put: every pte becomes a swap entry and the page is freed
     * (through {@link Memory#freeAnonPage}); false if it could not be (swap full, a mapping not found).
     */
    boolean swapOut(long pfn);
}
