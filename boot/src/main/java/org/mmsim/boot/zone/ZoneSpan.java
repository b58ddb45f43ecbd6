package org.mmsim.boot.zone;

import org.mmsim.arch.ZoneType;

/**
 * A zone as free_area_init_node() sizes it (mm/page_alloc.c calculate_node_totalpages,
 * free_area_init_core): start pfn, spanned and present pages, the pages its struct pages cost
 * (calc_memmap_size), and {@code initialManaged}, the kernel's first estimate of managed pages
 * (present minus memmap minus dma_reserve), which build_all_zonelists() sums into "Total pages".
 */
public record ZoneSpan(int nid, ZoneType type, long startPfn, long spanned, long present, long memmapPages,
        long initialManaged) {
    public long endPfn() {
        return startPfn + spanned;
    }

    public boolean populated() {
        return present > 0;
    }
}
