package org.mmsim.vm;

import java.util.List;

/**
 * A {@link PageTableWalk} as data: the address, the levels read from the top table down, and where the walk ended.
 * When it reached a page: the page, the physical address, the page's size, and the page's sharing (mapcount and
 * refcount, and whether the entry is a copy-on-write one: write-protected in a writable private mapping while
 * another mapping shares the page, as fork() leaves it).
 *
 * @param paging     the paging mode's name (x86_64, pae, ...)
 * @param address    the virtual address walked
 * @param outOfRange the address does not fit the paging mode (32-bit); no level was read
 * @param pgdPhys    the top table's physical address, or -1 when it is a pgd_cache slab object (PAE)
 * @param levels     the levels read, top first
 * @param end        "none" (not mapped), "swap", "page" or "out of range"
 * @param pagePhys   the reached page's physical address (-1 unless "page")
 * @param physAddr   the address's physical address (-1 unless "page")
 * @param pageSize   the reached page's size in bytes (0 unless "page")
 * @param zeroPage   the page reached is the zero page
 * @param mapcount   page_mapcount() of the 4 KiB page at the physical address (a THP's subpage: its PTE
 *                   mappings and the PMD mappings of the THP); 0 unless "page"
 * @param refcount   page_count() of that page (a THP's head's); 0 unless "page"
 * @param cowShared  write-protected in a writable private mapping and mapped more than once: a write copies it
 */
public record WalkTrace(String paging, long address, boolean outOfRange, long pgdPhys, List<WalkLevel> levels,
        String end, long pagePhys, long physAddr, long pageSize, boolean zeroPage, int mapcount, int refcount,
        boolean cowShared) {
}
