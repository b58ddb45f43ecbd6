package org.mmsim.proc.frag;

/**
 * What a zone's free lists offer an allocation of a given order. Models mm/vmstat.c
 * {@code struct contig_page_info} and {@code fill_contig_page_info()}: only the per-order
 * {@code nr_free} counts are used (not the per-migratetype lists, not the per-cpu lists).
 *
 * @param freePages          free base pages
 * @param freeBlocksTotal    free blocks of any order
 * @param freeBlocksSuitable blocks of the requested order that the free blocks at or above it make up
 */
public record ContigPageInfo(long freePages, long freeBlocksTotal, long freeBlocksSuitable) {

    /** {@code fill_contig_page_info()} over {@code nrFree[order]} for orders 0..nrFree.length-1. */
    public static ContigPageInfo of(long[] nrFree, int suitableOrder) {
        long pages = 0;
        long total = 0;
        long suitable = 0;
        for (int order = 0; order < nrFree.length; order++) {
            long blocks = nrFree[order];
            total += blocks;
            pages += blocks << order;
            if (order >= suitableOrder) {
                suitable += blocks << (order - suitableOrder);
            }
        }
        return new ContigPageInfo(pages, total, suitable);
    }
}
