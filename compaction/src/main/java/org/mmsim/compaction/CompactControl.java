package org.mmsim.compaction;

import java.util.Arrays;

/**
 * struct compact_control of mm/internal.h 6.1: one compaction run's settings, its two scanner positions, the
 * pages the free scanner isolated (cc->freepages) and the pages the migrate scanner isolated (cc->migratepages).
 * One instance is reused for every run, so a run allocates nothing once the arrays have grown.
 */
final class CompactControl {
    /** COMPACT_CLUSTER_MAX (= SWAP_CLUSTER_MAX): the most pages isolated for one migrate_pages() call. */
    static final int COMPACT_CLUSTER_MAX = 32;

    /** cc->order: the requested order, -1 for compact_memory and proactive compaction (is_via_compact_memory). */
    int order;
    /** cc->mode: a {@link MigrateMode}. */
    int mode;
    /** cc->whole_zone: start the scanners at the zone's ends rather than the cached positions. */
    boolean wholeZone;
    /** cc->ignore_skip_hint. */
    boolean ignoreSkipHint;
    /** cc->ignore_block_suitable: the free scanner takes any pageblock, not only movable ones. */
    boolean ignoreBlockSuitable;
    /** cc->direct_compaction. */
    boolean direct;
    /** cc->proactive_compaction. */
    boolean proactive;
    /** cc->migratetype: the requesting allocation's migratetype. */
    int migratetype;
    /** cc->alloc_flags. */
    int allocFlags;
    /** cc->highest_zoneidx. */
    int highestZoneidx;
    /** cc->migrate_pfn: where the migrate scanner (walking up) goes next. */
    long migratePfn;
    /** cc->free_pfn: the pageblock the free scanner (walking down) looks at next. */
    long freePfn;
    /** cc->freepages: the isolated free pages, a stack that compaction_alloc() pops. */
    long[] freepages = new long[64];
    /** cc->nr_freepages: the isolated free pages not yet used as migration targets, the top of the stack. */
    int nrFreepages;
    /** cc->migratepages: the pages isolate_migratepages_block() isolated for the next migrate_pages(). */
    final long[] migratepages = new long[COMPACT_CLUSTER_MAX];
    /** cc->nr_migratepages. */
    int nrMigratepages;
    /** cc->total_migrate_scanned. */
    long totalMigrateScanned;
    /** cc->total_free_scanned. */
    long totalFreeScanned;
    /** The pageblock pages were last migrated from, -1 when drained since (compact_zone()'s last_migrated_pfn). */
    long lastMigratedPfn = -1;

    /** Sets what a caller of compact_zone() chooses; the scanner state is set by compact_zone() itself. */
    void configure(int order, int mode, boolean wholeZone, boolean ignoreHints, boolean ignoreBlockSuitable,
            boolean direct, boolean proactive, int migratetype, int allocFlags, int highestZoneidx) {
        this.order = order;
        this.mode = mode;
        this.wholeZone = wholeZone;
        this.ignoreSkipHint = ignoreHints;
        this.ignoreBlockSuitable = ignoreBlockSuitable;
        this.direct = direct;
        this.proactive = proactive;
        this.migratetype = migratetype;
        this.allocFlags = allocFlags;
        this.highestZoneidx = highestZoneidx;
    }

    /** Puts an isolated free page on cc->freepages. */
    void addFreepage(long pfn) {
        if (nrFreepages == freepages.length) {
            freepages = Arrays.copyOf(freepages, freepages.length * 2);
        }
        freepages[nrFreepages++] = pfn;
    }
}
