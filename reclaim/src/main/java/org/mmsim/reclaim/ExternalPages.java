package org.mmsim.reclaim;

/**
 * Pages a higher layer owns and maps itself (the vm module's processes, with their own page tables and rmap),
 * marked {@link PageOwners#EXTERNAL}: compaction asks the owner whether one may move and has the owner
 * repoint its mapping (migrate_pages() through rmap), then frees the old page.
 */
public interface ExternalPages {
    /** Whether the page can be isolated for migration now. */
    boolean isMigratable(long pfn);

    /** Moves the page's contents and mappings to {@code dst}; false if it could not (nothing changed). */
    boolean migrate(long src, long dst);
}
