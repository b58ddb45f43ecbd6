package org.mmsim.reclaim;

/**
 * Pages a higher layer owns and maps itself (the vm module's processes, with their own page tables and rmap),
 * marked {@link PageOwners#EXTERNAL}: compaction asks the owner whether one may move and has the owner
 * repoint its mapping (migrate_pages() through rmap), then frees the old page; reclaim finds its 4 KiB anonymous
 * pages on the anon LRU, asks the owner for their accessed bits and has it swap them out.
 */
public interface ExternalPages {
    /** Whether the page can be isolated for migration now. */
    boolean isMigratable(long pfn);

    /** Moves the page's contents and mappings to {@code dst}; false if it could not (nothing changed). */
    boolean migrate(long src, long dst);

    /** folio_referenced(): whether a mapping accessed the page since the last look (the bit is cleared). */
    boolean referenced(long pfn);

    /** Swaps the page out and frees it (through the owner's allocator); false if it could not. */
    boolean pageOut(long pfn);
}
