package org.mmsim.compaction;

import org.mmsim.page.Node;
import org.mmsim.page.Zone;

/**
 * The fragmentation metrics of mm/vmstat.c and mm/compaction.c: fill_contig_page_info, __fragmentation_index
 * (the extfrag index, -1000 when the request would succeed), unusable_free_index, extfrag_for_order, and the
 * proactive-compaction scores fragmentation_score_zone, fragmentation_score_zone_weighted,
 * fragmentation_score_node and fragmentation_score_wmark.
 */
public final class Fragmentation {
    private Fragmentation() {
    }

    /** Models mm/vmstat.c fill_contig_page_info(): {free_pages, free_blocks_total, free_blocks_suitable}. */
    public static long[] fillContigPageInfo(Zone z, int suitableOrder) {
        long freePages = 0;
        long blocksTotal = 0;
        long blocksSuitable = 0;
        int maxOrder = z.node().arch().maxOrder();
        for (int o = 0; o < maxOrder; o++) {
            long blocks = z.nrFree(o);
            blocksTotal += blocks;
            freePages += blocks << o;
            if (o >= suitableOrder) {
                blocksSuitable += blocks << (o - suitableOrder);
            }
        }
        return new long[] {freePages, blocksTotal, blocksSuitable};
    }

    /**
     * Models mm/vmstat.c fragmentation_index() / __fragmentation_index(): 0..1000 (towards 0 the failure is for lack
     * of memory, towards 1000 for fragmentation), or -1000 if a block of the order is free; 0 with no free blocks.
     */
    public static int fragmentationIndex(Zone z, int order) {
        long[] info = fillContigPageInfo(z, order);
        long requested = 1L << order;
        if (info[1] == 0) {
            return 0;
        }
        if (info[2] > 0) {
            return -1000;
        }
        return (int) (1000 - (1000 + (info[0] * 1000) / requested) / info[1]);
    }

    /** Models mm/vmstat.c unusable_free_index(): the share of free memory, 0..1000, in blocks below the order. */
    public static int unusableFreeIndex(Zone z, int order) {
        long[] info = fillContigPageInfo(z, order);
        if (info[0] == 0) {
            return 1000;
        }
        return (int) ((info[0] - (info[2] << order)) * 1000 / info[0]);
    }

    /** Models mm/vmstat.c extfrag_for_order(): the percentage of free memory unusable for an order, 0..100. */
    public static int extfragForOrder(Zone z, int order) {
        long[] info = fillContigPageInfo(z, order);
        if (info[0] == 0) {
            return 0;
        }
        return (int) ((info[0] - (info[2] << order)) * 100 / info[0]);
    }

    /** Models mm/compaction.c fragmentation_score_zone(): extfrag_for_order at COMPACTION_HPAGE_ORDER. */
    public static int fragmentationScoreZone(Zone z) {
        return extfragForOrder(z, z.node().arch().pageblockOrder());
    }

    /**
     * Models mm/compaction.c fragmentation_score_zone_weighted(): the zone's score times its present pages, divided by
     * the node's present pages plus one.
     */
    public static long fragmentationScoreZoneWeighted(Zone z) {
        return z.presentPages() * fragmentationScoreZone(z) / (z.node().presentPages() + 1);
    }

    /** Models mm/compaction.c fragmentation_score_node(): the weighted scores of the node's zones, summed. */
    public static long fragmentationScoreNode(Node n) {
        long score = 0;
        for (Zone z : n.zones()) {
            if (z.populated()) {
                score += fragmentationScoreZoneWeighted(z);
            }
        }
        return score;
    }

    /**
     * Models mm/compaction.c fragmentation_score_wmark(): low = max(100 - compaction_proactiveness, 5), high =
     * min(low + 10, 100).
     */
    public static int fragmentationScoreWmark(int proactiveness, boolean low) {
        int wmarkLow = Math.max(100 - proactiveness, 5);
        return low ? wmarkLow : Math.min(wmarkLow + 10, 100);
    }
}
