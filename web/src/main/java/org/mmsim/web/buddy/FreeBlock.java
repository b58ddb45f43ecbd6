package org.mmsim.web.buddy;

/** A block on a free list or a per-CPU list: its first pfn, its order and the migratetype of its list. */
record FreeBlock(long pfn, int order, int mt) {
    /** The pages of the block. */
    long pages() {
        return 1L << order;
    }
}
