package org.mmsim.report;

import java.util.Map;

/**
 * What the report keeps of one snapshot: per populated zone (in buddyinfo order) the free blocks per order,
 * free pages, watermarks and fragmentation indices at order 9; the machine's free pages; the chosen counters;
 * each process's RSS and each slab cache's pages.
 *
 * @param extfrag9   __fragmentation_index at order 9, thousandths (-1000: would succeed)
 * @param unusable9  unusable_free_index at order 9, thousandths
 */
public record Sample(long timeNs, String label, long[][] nrFree, long[] freePages, long[][] watermarks,
        int[] extfrag9, int[] unusable9, long totalFree, Map<String, Long> counters, Map<String, Long> rssPages,
        Map<String, Long> slabPages) {
}
