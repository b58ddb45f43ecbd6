package org.mmsim.report;

import org.mmsim.page.Zone;

/**
 * One zone's pageblocks at a moment, for the report's picture of physical memory: each block's migratetype
 * (get_pageblock_migratetype) and the fraction of its pages that sit free in the buddy lists.
 *
 * @param zone          "Node N, zone NAME"
 * @param startPfn      the first pfn of the first block
 * @param migratetypes  per block, or {@link #HOLE} for a block without memory (no memory map: a hole in the span)
 * @param freeFraction  per block, 0..1
 * @param typeNames     migratetype names by index
 */
public record PageblockPicture(String zone, long startPfn, int[] migratetypes, float[] freeFraction,
        String[] typeNames) {

    /** The migratetype recorded for a pageblock without memory. */
    public static final int HOLE = -1;

    /** Reads a populated zone through its public API (free lists walked once). */
    public static PageblockPicture of(Zone z) {
        int pbOrder = z.node().arch().pageblockOrder();
        long pbPages = 1L << pbOrder;
        long first = z.zoneStartPfn() & ~(pbPages - 1);
        long end = z.zoneEndPfn();
        int blocks = (int) ((end - first + pbPages - 1) / pbPages);
        int[] mt = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            long pfn = Math.max(first + b * pbPages, z.zoneStartPfn());
            mt[b] = z.node().memMap().isValid(pfn) ? z.getPageblockMigratetype(pfn) : HOLE;
        }
        long[] free = new long[blocks];
        int types = z.migrateTypes().count();
        for (int order = 0; order < z.node().arch().maxOrder(); order++) {
            for (int t = 0; t < types; t++) {
                for (long pfn : z.freeList(order, t)) {
                    long pages = 1L << order;
                    for (long p = pfn; p < pfn + pages; p += Math.min(pages, pbPages)) {
                        int b = (int) ((p - first) / pbPages);
                        if (b >= 0 && b < blocks) {
                            free[b] += Math.min(pages, pbPages);
                        }
                    }
                }
            }
        }
        float[] frac = new float[blocks];
        for (int b = 0; b < blocks; b++) {
            frac[b] = Math.min(1f, free[b] / (float) pbPages);
        }
        String[] names = new String[types];
        for (int t = 0; t < types; t++) {
            names[t] = z.migrateTypes().name(t);
        }
        return new PageblockPicture("Node " + z.node().nid() + ", zone " + z.name(), first, mt, frac, names);
    }
}
