package org.mmsim.proc;

import java.util.Arrays;

/**
 * One line of /proc/buddyinfo: a populated zone's {@code free_area[order].nr_free} for every order
 * 0..MAX_ORDER-1. These per-order counts are also all the fragmentation indices need.
 *
 * @param nodeId   the zone's node
 * @param zoneName the kernel's zone name ({@code DMA}, {@code DMA32}, {@code Normal}, ...)
 * @param nrFree   free blocks per order (copied; index = order)
 */
public record ZoneFreeArea(int nodeId, String zoneName, long[] nrFree) {
    public ZoneFreeArea {
        nrFree = nrFree.clone();
    }

    @Override
    public long[] nrFree() {
        return nrFree.clone();
    }

    /** Free blocks of one order, without copying the array. */
    public long nrFree(int order) {
        return nrFree[order];
    }

    /** MAX_ORDER: the number of orders shown. */
    public int orders() {
        return nrFree.length;
    }

    /** Free base pages: the sum of nr_free[order] << order. */
    public long freePages() {
        long pages = 0;
        for (int o = 0; o < nrFree.length; o++) {
            pages += nrFree[o] << o;
        }
        return pages;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZoneFreeArea z && nodeId == z.nodeId && zoneName.equals(z.zoneName)
                && Arrays.equals(nrFree, z.nrFree);
    }

    @Override
    public int hashCode() {
        return (31 * nodeId + zoneName.hashCode()) * 31 + Arrays.hashCode(nrFree);
    }

    @Override
    public String toString() {
        return "ZoneFreeArea[node " + nodeId + ", " + zoneName + ", " + Arrays.toString(nrFree) + "]";
    }
}
