package org.mmsim.proc;

import java.util.List;

/**
 * The part of /proc/pagetypeinfo one node with memory prints (mm/vmstat.c {@code pagetypeinfo_show}):
 * the pageblock size, the free-list lengths per populated zone, migratetype and order, and the
 * pageblock counts per migratetype.
 *
 * @param nodeId         the node
 * @param pageblockOrder {@code pageblock_order}
 * @param pagesPerBlock  {@code pageblock_nr_pages}
 * @param orders         MAX_ORDER: the number of order columns
 * @param migratetypes   {@code migratetype_names[]} in order (with {@code CMA} when CONFIG_CMA)
 * @param free           per populated zone, ascending zone index
 * @param blocks         the "Number of blocks type" table, per populated zone
 * @param mixedBlocks    the "Number of mixed blocks" table (only with page_owner on), else empty
 */
public record PageTypeInfoNode(int nodeId, int pageblockOrder, long pagesPerBlock, int orders,
        List<String> migratetypes, List<ZoneFreeByType> free, List<ZoneBlockCounts> blocks,
        List<ZoneBlockCounts> mixedBlocks) {
    public PageTypeInfoNode {
        migratetypes = List.copyOf(migratetypes);
        free = List.copyOf(free);
        blocks = List.copyOf(blocks);
        mixedBlocks = List.copyOf(mixedBlocks);
    }

    /** The index of a migratetype by its printed name, or -1. */
    public int migratetype(String name) {
        return migratetypes.indexOf(name);
    }
}
