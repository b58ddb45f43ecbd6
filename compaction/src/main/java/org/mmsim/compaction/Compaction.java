package org.mmsim.compaction;

import static org.mmsim.compaction.CompactResult.COMPACT_COMPLETE;
import static org.mmsim.compaction.CompactResult.COMPACT_CONTENDED;
import static org.mmsim.compaction.CompactResult.COMPACT_CONTINUE;
import static org.mmsim.compaction.CompactResult.COMPACT_DEFERRED;
import static org.mmsim.compaction.CompactResult.COMPACT_NO_SUITABLE_PAGE;
import static org.mmsim.compaction.CompactResult.COMPACT_NOT_SUITABLE_ZONE;
import static org.mmsim.compaction.CompactResult.COMPACT_PARTIAL_SKIPPED;
import static org.mmsim.compaction.CompactResult.COMPACT_SKIPPED;
import static org.mmsim.compaction.CompactResult.COMPACT_SUCCESS;
import static org.mmsim.compaction.MigrateMode.MIGRATE_ASYNC;
import static org.mmsim.compaction.MigrateMode.MIGRATE_SYNC;
import static org.mmsim.compaction.MigrateMode.MIGRATE_SYNC_LIGHT;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.page.Fallback;
import org.mmsim.page.Machine;
import org.mmsim.page.MemMap;
import org.mmsim.page.MigrateType;
import org.mmsim.page.Node;
import org.mmsim.page.SlowPathHooks;
import org.mmsim.page.Watermarks;
import org.mmsim.page.Zone;
import org.mmsim.page.Zonelist;
import org.mmsim.reclaim.CompactionApi;
import org.mmsim.reclaim.Memory;
import org.mmsim.reclaim.Migration;
import org.mmsim.reclaim.PageOwners;
import org.mmsim.reclaim.VmCounters;

/**
 * Memory compaction, mm/compaction.c 6.1, laid out as the kernel's functions: compaction_suitable (with
 * {@link Suitability}), the deferral of {@link Deferral} and the skip hints of {@link SkipHints}; compact_zone
 * with compact_finished, the migrate scanner walking up (isolate_migratepages, isolate_migratepages_block,
 * suitable_migration_source), the free scanner walking down (isolate_freepages, isolate_freepages_block,
 * suitable_migration_target) and migrate_pages of mm/migrate.c with compaction_alloc and compaction_free as its
 * target allocator; try_to_compact_pages for direct compaction at the COMPACT_PRIO_* priorities; compact_node
 * for /proc/sys/vm/compact_memory; and, through {@link Kcompactd}, the per-node compaction daemon.
 *
 * <p>Simplifications, each named again where it applies: the free scanner isolates a whole pageblock's free pages
 * (the kernel may stop part way through a block once it has enough); fast_find_migrateblock,
 * fast_isolate_freepages, capture_control and the contention and rescheduling logic are not modelled; compound
 * pages (THP, hugetlb) are skipped, as 6.1 does for compaction that is not alloc_contig.
 */
public final class Compaction implements CompactionApi {
    /** HPAGE_FRAG_CHECK_INTERVAL_MSEC (500 ms), in nanoseconds: kcompactd's proactive compaction period. */
    public static final long HPAGE_FRAG_CHECK_INTERVAL_NS = Kcompactd.HPAGE_FRAG_CHECK_INTERVAL_NS;

    /** isolate_migrate_t ISOLATE_ABORT: migration found no target page (the kernel's -ENOMEM). */
    private static final int ISOLATE_ABORT = 0;
    /** isolate_migrate_t ISOLATE_NONE: the pageblock was passed over. */
    private static final int ISOLATE_NONE = 1;
    /** isolate_migrate_t ISOLATE_SUCCESS: pages were isolated (and, in the model, migrated). */
    private static final int ISOLATE_SUCCESS = 2;

    /** migratePages(): every isolated page had a target. */
    private static final int MIGRATE_ALL_TARGETED = 0;
    /** migratePages(): the free scanner met the migrate scanner before every isolated page had a target. */
    private static final int MIGRATE_OUT_OF_TARGETS = 1;
    /** migratePages(): compaction_alloc() had no page (the kernel's -ENOMEM). */
    private static final int MIGRATE_NO_TARGET = 2;

    private final Memory mem;
    private final Machine m;
    private final PageOwners po;
    private final VmCounters c;
    private final int pbOrder;
    private final long pbPages;
    private final Map<Zone, Integer> zoneKeys = new IdentityHashMap<>();
    private final Zone[] zones;
    private final Deferral[] deferral;
    private final SkipHints[] hints;
    private final CompactControl cc = new CompactControl();
    private final Kcompactd kcompactd;

    public Compaction(Memory mem) {
        this.mem = mem;
        this.m = mem.machine;
        this.po = mem.owners;
        this.c = mem.counters;
        this.pbOrder = m.arch().pageblockOrder();
        this.pbPages = 1L << pbOrder;
        List<Zone> all = m.zones();
        zones = all.toArray(new Zone[0]);
        int n = zones.length;
        deferral = new Deferral[n];
        hints = new SkipHints[n];
        for (int i = 0; i < n; i++) {
            zoneKeys.put(zones[i], i);
            deferral[i] = new Deferral();
            hints[i] = new SkipHints(zones[i], pbOrder);
        }
        kcompactd = new Kcompactd(this, mem);
    }

    private int key(Zone z) {
        return zoneKeys.get(z);
    }

    /** The zone's deferral state (zone->compact_considered, compact_defer_shift, compact_order_failed). */
    Deferral deferral(Zone z) {
        return deferral[key(z)];
    }

    /** The zone's skip bits and cached scanner positions. */
    SkipHints skipHints(Zone z) {
        return hints[key(z)];
    }

    /** The compact_control every run of this model reuses. */
    CompactControl control() {
        return cc;
    }

    /** The compaction daemons of the nodes. */
    Kcompactd kcompactd() {
        return kcompactd;
    }

    // ---- suitability and deferral --------------------------------------------------------------------------

    /**
     * Models mm/compaction.c compaction_suitable(): {@link Suitability#compactionSuitable} with the
     * mm_compaction_suitable trace event, COMPACT_NOT_SUITABLE_ZONE reported as COMPACT_SKIPPED. Differs: no
     * event is traced for order -1 (compact_memory), where 6.1 traces one.
     */
    public int compactionSuitable(Zone z, int order, int allocFlags, int highestZoneidx) {
        int ret = Suitability.compactionSuitable(z, order, allocFlags, highestZoneidx, mem.config.extfragThreshold());
        if (order >= 0) {
            mem.env.ftrace().compactionSuitable(z, order, CompactResult.traceName(ret));
        }
        return ret == COMPACT_NOT_SUITABLE_ZONE ? COMPACT_SKIPPED : ret;
    }

    /** Models mm/vmscan.c compaction_ready(): whether reclaim for a costly order may stop and let compaction work. */
    @Override
    public boolean compactionReady(Zone z, int order, int highestZoneidx) {
        int s = compactionSuitable(z, order, 0, highestZoneidx);
        if (s == COMPACT_SUCCESS) {
            return true;
        }
        if (s == COMPACT_SKIPPED) {
            return false;
        }
        return Watermarks.zoneWatermarkOk(z, 0, z.highWmarkPages() + Suitability.compactGap(order), highestZoneidx, 0);
    }

    /** Models mm/compaction.c defer_compaction() ({@link Deferral#deferCompaction}) with its trace event. */
    void deferCompaction(Zone z, int order) {
        deferral(z).deferCompaction(order);
        Deferral d = deferral(z);
        mem.env.ftrace().compactionDeferCompaction(z, order, d.orderFailed(), d.considered(), d.deferShift());
    }

    /** Models mm/compaction.c compaction_deferred() ({@link Deferral#compactionDeferred}) with its trace event. */
    boolean compactionDeferred(Zone z, int order) {
        boolean deferred = deferral(z).compactionDeferred(order);
        if (deferred) {
            Deferral d = deferral(z);
            mem.env.ftrace().compactionDeferred(z, order, d.orderFailed(), d.considered(), d.deferShift());
        }
        return deferred;
    }

    /** Models mm/compaction.c compaction_defer_reset() ({@link Deferral#compactionDeferReset}) and its trace. */
    @Override
    public void compactionDeferReset(Zone z, int order, boolean allocSuccess) {
        deferral(z).compactionDeferReset(order, allocSuccess);
        Deferral d = deferral(z);
        mem.env.ftrace().compactionDeferReset(z, order, d.orderFailed(), d.considered(), d.deferShift());
    }

    // ---- skip hints ----------------------------------------------------------------------------------------

    /** Whether the skip bit of the pageblock holding pfn is set (get_pageblock_skip). */
    public boolean pageblockSkip(Zone z, long pfn) {
        return skipHints(z).pageblockSkip(pfn);
    }

    /**
     * Models mm/compaction.c reset_isolation_suitable(): __reset_isolation_suitable() for each populated zone of
     * the node whose compact_blockskip_flush is set (kswapd calls it before it sleeps).
     */
    @Override
    public void resetIsolationSuitable(int nid) {
        for (Zone z : m.node(nid).zones()) {
            if (z.populated() && skipHints(z).blockskipFlush()) {
                skipHints(z).resetIsolationSuitable();
            }
        }
    }

    // ---- compact_zone --------------------------------------------------------------------------------------

    /**
     * Models mm/compaction.c compact_zone(): unless compaction_suitable() says SUCCESS or SKIPPED, starts the
     * scanners (at the zone's ends for a whole-zone run, else at the cached positions), then isolates and migrates
     * pageblock by pageblock until compact_finished() says otherwise; releases the unused free pages and records
     * where the scanners stopped. Returns a COMPACT_* result. Differs: migrate_pages() runs inside
     * isolate_migratepages() for each cluster of the block (see there), and compact_finished() is asked only
     * between pageblocks.
     */
    int compactZone(Zone z, CompactControl cc) {
        SkipHints h = skipHints(z);
        long start = z.zoneStartPfn();
        long end = z.zoneEndPfn();
        if (cc.order >= 0) {
            int r = compactionSuitable(z, cc.order, cc.allocFlags, cc.highestZoneidx);
            if (r == COMPACT_SUCCESS || r == COMPACT_SKIPPED) {
                return r;
            }
        }
        if (deferral(z).compactionRestarting(cc.order)) {
            h.resetIsolationSuitable();
        }
        boolean sync = cc.mode != MIGRATE_ASYNC;
        if (cc.wholeZone) {
            cc.migratePfn = start;
            cc.freePfn = h.pageblockStart(end - 1);
        } else {
            cc.migratePfn = h.cachedMigratePfn(sync);
            cc.freePfn = h.cachedFreePfn();
            if (cc.freePfn < start || cc.freePfn >= end) {
                cc.freePfn = h.pageblockStart(end - 1);
                h.setCachedFreePfn(cc.freePfn);
            }
            if (cc.migratePfn < start || cc.migratePfn >= end) {
                cc.migratePfn = start;
                h.setCachedMigratePfns(start);
            }
        }
        cc.nrFreepages = 0;
        cc.nrMigratepages = 0;
        cc.totalMigrateScanned = 0;
        cc.totalFreeScanned = 0;
        mem.env.ftrace().compactionBegin(start, cc.migratePfn, cc.freePfn, end, sync);
        int ret;
        cc.lastMigratedPfn = -1;
        try {
            while ((ret = compactFinished(z, cc)) == COMPACT_CONTINUE) {
                if (isolateMigratepages(z, cc) == ISOLATE_ABORT) {
                    ret = COMPACT_CONTENDED;
                    break;
                }
                drainAfterMigratedBlock(z, cc);
            }
        } finally {
            releaseFreepages(cc);
        }
        if (ret != COMPACT_COMPLETE && ret != COMPACT_PARTIAL_SKIPPED) {
            h.setCachedMigratePfn(sync, Math.max(h.cachedMigratePfn(sync), h.pageblockStart(cc.migratePfn)));
            h.setCachedFreePfn(Math.min(h.cachedFreePfn(), cc.freePfn));
        }
        c.add(VmCounters.COMPACT_MIGRATE_SCANNED, cc.totalMigrateScanned);
        c.add(VmCounters.COMPACT_FREE_SCANNED, cc.totalFreeScanned);
        mem.env.ftrace().compactionEnd(start, cc.migratePfn, cc.freePfn, end, sync, CompactResult.traceName(ret));
        return ret;
    }

    /**
     * compact_zone()'s drain for a high-order request: once the migrate scanner has left the cc->order aligned
     * block it migrated pages from, lru_add_drain_cpu_zone() empties this CPU's pcp lists of the zone, so the
     * freed source pages can merge in the buddy. compact_memory (order -1) never drains: its freed pages stay
     * on the lists, as the kernel's zoneinfo shows after it.
     */
    private void drainAfterMigratedBlock(Zone z, CompactControl cc) {
        if (cc.order <= 0 || cc.lastMigratedPfn < 0) {
            return;
        }
        long orderBlockStart = cc.migratePfn & -(1L << cc.order);
        if (cc.lastMigratedPfn < orderBlockStart) {
            m.drainLocalPages(z);
            cc.lastMigratedPfn = -1;
        }
    }

    /** Models mm/compaction.c compact_scanners_met(): the free scanner's pageblock is at or below the migrate one's. */
    static boolean compactScannersMet(CompactControl cc, int pageblockOrder) {
        return (cc.freePfn >> pageblockOrder) <= (cc.migratePfn >> pageblockOrder);
    }

    /**
     * Models mm/compaction.c compact_finished(): __compact_finished() with COMPACT_NO_SUITABLE_PAGE read as
     * COMPACT_CONTINUE. Differs: the mm_compaction_finished trace event is not emitted.
     */
    int compactFinished(Zone z, CompactControl cc) {
        int ret = compactFinishedNoTrace(z, cc);
        return ret == COMPACT_NO_SUITABLE_PAGE ? COMPACT_CONTINUE : ret;
    }

    /**
     * Models mm/compaction.c __compact_finished(): when the scanners have met, the next run starts anew (and a
     * direct compaction asks kswapd to clear the skip bits) with COMPLETE for a whole-zone run, else
     * PARTIAL_SKIPPED; proactive compaction stops (SUCCESS) once the zone's score is down to the low mark, or
     * (PARTIAL_SKIPPED) while kswapd runs; compact_memory always continues; else SUCCESS once
     * {@link #suitablePageFree} finds a page. Differs: 6.1 also continues until the migrate scanner is pageblock
     * aligned; the model's scanner is aligned whenever this is asked except at an unaligned zone start.
     */
    int compactFinishedNoTrace(Zone z, CompactControl cc) {
        SkipHints h = skipHints(z);
        if (compactScannersMet(cc, pbOrder)) {
            h.resetCachedPositions();
            if (cc.direct) {
                h.setBlockskipFlush();
            }
            return cc.wholeZone ? COMPACT_COMPLETE : COMPACT_PARTIAL_SKIPPED;
        }
        if (cc.proactive) {
            if (mem.kswapd.running(z.node().nid())) {
                return COMPACT_PARTIAL_SKIPPED;
            }
            int score = Fragmentation.fragmentationScoreZone(z);
            int wmarkLow = Fragmentation.fragmentationScoreWmark(mem.config.proactiveness(), true);
            return score > wmarkLow ? COMPACT_CONTINUE : COMPACT_SUCCESS;
        }
        if (cc.order == -1) {
            return COMPACT_CONTINUE;
        }
        return suitablePageFree(z, cc.order, cc.migratetype) ? COMPACT_SUCCESS : COMPACT_NO_SUITABLE_PAGE;
    }

    /**
     * The free-page test of mm/compaction.c __compact_finished(): at the order or above, a free page on the
     * requested migratetype's list, on the CMA list for a movable request, or on a list that
     * find_suitable_fallback() (only stealable) of mm/page_alloc.c would take, as {@link Fallback} models it.
     */
    static boolean suitablePageFree(Zone z, int order, int migratetype) {
        int maxOrder = z.node().arch().maxOrder();
        MigrateType types = z.migrateTypes();
        for (int o = order; o < maxOrder; o++) {
            if (z.nrFree(o) == 0) {
                continue;
            }
            if (z.freeCount(o, migratetype) > 0) {
                return true;
            }
            if (migratetype == MigrateType.MOVABLE && types.hasCma() && z.freeCount(o, types.cma()) > 0) {
                return true;
            }
            if (migratetype < MigrateType.PCPTYPES
                    && Fallback.findSuitableFallback(z, o, migratetype, true) != Fallback.NO_FALLBACK) {
                return true;
            }
        }
        return false;
    }

    /**
     * Models mm/compaction.c suitable_migration_source(): asynchronous direct compaction takes pages only from
     * pageblocks of the request's migratetype (movable and CMA alike for a movable request); everything else
     * scans every pageblock.
     */
    private boolean suitableMigrationSource(Zone z, long blockStart, CompactControl cc) {
        if (cc.mode != MIGRATE_ASYNC || !cc.direct) {
            return true;
        }
        int bmt = z.getPageblockMigratetype(Math.max(blockStart, z.zoneStartPfn()));
        if (cc.migratetype == MigrateType.MOVABLE) {
            return bmt == MigrateType.MOVABLE || (m.migrateTypes().hasCma() && bmt == m.migrateTypes().cma());
        }
        return bmt == cc.migratetype;
    }

    // ---- the migrate scanner and migrate_pages -------------------------------------------------------------

    /**
     * Models mm/compaction.c isolate_migratepages(): takes the pageblock at the migrate scanner and passes over it
     * (ISOLATE_NONE) when the scanners have crossed, its skip bit is set ({@link SkipHints#isolationSuitable}), it
     * is one free block or one compound page, or suitable_migration_source() refuses it; else isolates its pages
     * with isolate_migratepages_block(). Differs: 6.1 returns after one cluster of COMPACT_CLUSTER_MAX pages and
     * compact_zone() migrates it; the model walks the whole pageblock here, calling {@link #migratePages} after
     * each cluster, and stops the block early when the free scanner runs out of targets. A block that isolated
     * nothing gets its skip bit (update_pageblock_skip). Returns ISOLATE_ABORT when compaction_alloc() failed.
     */
    private int isolateMigratepages(Zone z, CompactControl cc) {
        SkipHints h = skipHints(z);
        long blockStart = h.pageblockStart(cc.migratePfn);
        long low = Math.max(cc.migratePfn, z.zoneStartPfn());
        long blockEnd = Math.min(blockStart + pbPages, z.zoneEndPfn());
        cc.migratePfn = blockEnd;
        if (blockEnd > cc.freePfn + pbPages) {
            return ISOLATE_NONE;
        }
        if (!h.isolationSuitable(cc, blockStart)) {
            return ISOLATE_NONE;
        }
        MemMap mm = z.node().memMap();
        if (mm.isBuddy(low) && mm.order(low) >= pbOrder) {
            cc.totalMigrateScanned++;
            return ISOLATE_NONE;
        }
        if (po.kind(blockStart) != PageOwners.NONE && po.order(blockStart) >= pbOrder) {
            return ISOLATE_NONE;
        }
        if (!suitableMigrationSource(z, blockStart, cc)) {
            return ISOLATE_NONE;
        }
        long isolatedInBlock = 0;
        long pfn = low;
        while (pfn < blockEnd) {
            pfn = isolateMigratepagesBlock(z, cc, low, pfn, blockEnd);
            if (cc.nrMigratepages == 0) {
                continue;
            }
            c.add(VmCounters.COMPACT_ISOLATED, cc.nrMigratepages);
            isolatedInBlock += cc.nrMigratepages;
            int migrated = migratePages(z, cc, blockStart);
            if (migrated == MIGRATE_NO_TARGET) {
                return ISOLATE_ABORT;
            }
            if (migrated == MIGRATE_OUT_OF_TARGETS) {
                break;
            }
        }
        if (isolatedInBlock == 0) {
            h.updatePageblockSkip(blockStart);
        }
        return ISOLATE_SUCCESS;
    }

    /**
     * Models mm/compaction.c isolate_migratepages_block(): scans from pfn towards blockEnd, stepping over free
     * blocks and compound pages, and isolates into cc->migratepages up to COMPACT_CLUSTER_MAX pages that migration
     * can move (movable owned pages, unevictable ones only with compact_unevictable_allowed, and the external pages
     * that say so). Returns where the scan stopped; traces mm_compaction_isolate_migratepages with a range starting
     * at {@code blockLow}, the start of this pageblock's walk (6.1 starts it at this call's first pfn).
     */
    private long isolateMigratepagesBlock(Zone z, CompactControl cc, long blockLow, long pfn, long blockEnd) {
        MemMap mm = z.node().memMap();
        boolean unevictableOk = mem.config.compactUnevictable();
        int n = 0;
        long scanned = 0;
        while (pfn < blockEnd && n < CompactControl.COMPACT_CLUSTER_MAX) {
            scanned++;
            int s = po.slot(pfn);
            if (po.kind(pfn) == PageOwners.NONE) {
                if (mm.isBuddy(pfn)) {
                    pfn += 1L << mm.order(pfn);
                    continue;
                }
            } else if (po.order(pfn) > 0) {
                pfn += 1L << po.order(pfn);
                continue;
            } else if (po.isMigratable(s) && (unevictableOk || !po.hasFlag(pfn, PageOwners.F_UNEVICTABLE))
                    && (po.kind(pfn) != PageOwners.ANON || mem.rmap() != null && mem.rmap().isMigratable(pfn))) {
                cc.migratepages[n++] = pfn;
            }
            pfn++;
        }
        cc.totalMigrateScanned += scanned;
        cc.nrMigratepages = n;
        if (n > 0) {
            mem.env.ftrace().compactionIsolateMigratepages(blockLow, pfn, scanned, n);
        }
        return pfn;
    }

    /**
     * Models mm/migrate.c migrate_pages() with compaction_alloc() and compaction_free() as the target allocator:
     * moves each page of cc->migratepages to a page the free scanner isolated, counting pgmigrate_fail for a page
     * that could not move. Differs: the free scanner is run here, one pageblock at a time, until there are targets
     * for the whole cluster or the scanners meet (6.1's compaction_alloc() runs isolate_freepages() when its list
     * is empty); pages left without a target are counted as failures and end the pageblock.
     */
    private int migratePages(Zone z, CompactControl cc, long blockStart) {
        int n = cc.nrMigratepages;
        cc.nrMigratepages = 0;
        while (cc.nrFreepages < n && isolateFreepages(z, cc)) {
            // each call moves the free scanner one pageblock down
        }
        int targeted = Math.min(n, cc.nrFreepages);
        for (int i = 0; i < targeted; i++) {
            long dst = compactionAlloc(cc);
            if (dst < 0) {
                c.add(VmCounters.PGMIGRATE_FAIL, targeted - i);
                if (targeted < n) {
                    c.add(VmCounters.PGMIGRATE_FAIL, n - targeted);
                }
                return MIGRATE_NO_TARGET;
            }
            if (!Migration.migratePage(mem, cc.migratepages[i], dst)) {
                c.inc(VmCounters.PGMIGRATE_FAIL);
                compactionFree(dst);
                continue;
            }
            cc.lastMigratedPfn = blockStart;
        }
        if (targeted < n) {
            c.add(VmCounters.PGMIGRATE_FAIL, n - targeted);
            return MIGRATE_OUT_OF_TARGETS;
        }
        return MIGRATE_ALL_TARGETED;
    }

    /** Models mm/compaction.c compaction_alloc(): the next page the free scanner isolated, -1 when none is left. */
    private static long compactionAlloc(CompactControl cc) {
        return cc.nrFreepages == 0 ? -1 : cc.freepages[--cc.nrFreepages];
    }

    /**
     * Models mm/compaction.c compaction_free(): a target whose migration failed is given back. Differs: 6.1 puts it
     * back on cc->freepages for the next page; the model frees it to the allocator.
     */
    private void compactionFree(long pfn) {
        m.freePages(pfn, 0);
    }

    // ---- the free scanner ----------------------------------------------------------------------------------

    /**
     * Models mm/compaction.c isolate_freepages() for one pageblock: moves the free scanner one pageblock down and,
     * when the block has no skip bit and suitable_migration_target() accepts it, isolates its free pages with
     * isolate_freepages_block(); a block that gave nothing gets its skip bit (update_pageblock_skip). Returns
     * false, without moving, once the scanners have met. Differs: 6.1 walks down as many blocks as needed for
     * COMPACT_CLUSTER_MAX pages in one call and may stop inside a block ({@link #migratePages} calls this per
     * block), and sets the skip bit of every block it scanned to the end, not only of the empty ones.
     */
    private boolean isolateFreepages(Zone z, CompactControl cc) {
        long block = cc.freePfn;
        if (compactScannersMet(cc, pbOrder)) {
            return false;
        }
        cc.freePfn = block - pbPages;
        SkipHints h = skipHints(z);
        if (!h.isolationSuitable(cc, block) || !suitableMigrationTarget(z, block, cc)) {
            return true;
        }
        long end = Math.min(block + pbPages, z.zoneEndPfn());
        long isolated = isolateFreepagesBlock(z, cc, Math.max(block, z.zoneStartPfn()), end);
        if (isolated == 0) {
            h.updatePageblockSkip(block);
        }
        return true;
    }

    /**
     * Models mm/compaction.c suitable_migration_target(): a block that is one free buddy of pageblock order or more
     * is left alone; otherwise any block with ignore_block_suitable, else only movable (or CMA) blocks.
     */
    private boolean suitableMigrationTarget(Zone z, long block, CompactControl cc) {
        MemMap mm = z.node().memMap();
        if (mm.isBuddy(block) && mm.order(block) >= pbOrder) {
            return false;
        }
        if (cc.ignoreBlockSuitable) {
            return true;
        }
        int bmt = z.getPageblockMigratetype(block);
        return bmt == MigrateType.MOVABLE || (m.migrateTypes().hasCma() && bmt == m.migrateTypes().cma());
    }

    /**
     * Models mm/compaction.c isolate_freepages_block() in strict mode off: takes every free block of [start, end)
     * off the free lists (__isolate_free_page, which refuses below the min watermark plus the block) and puts its
     * pages, split to order 0, on cc->freepages; stops at the first refusal. Returns the pages isolated.
     */
    private long isolateFreepagesBlock(Zone z, CompactControl cc, long start, long end) {
        MemMap mm = z.node().memMap();
        long isolated = 0;
        long scanned = 0;
        for (long pfn = start; pfn < end; ) {
            scanned++;
            if (mm.isBuddy(pfn)) {
                int got = z.isolateFreePage(pfn, mm.order(pfn));
                if (got == 0) {
                    break;
                }
                for (int i = 0; i < got; i++) {
                    cc.addFreepage(pfn + i);
                }
                isolated += got;
                pfn += got;
            } else {
                pfn++;
            }
        }
        cc.totalFreeScanned += scanned;
        return isolated;
    }

    /** Models mm/compaction.c release_freepages(): isolated free pages no migration used go back to the allocator. */
    private void releaseFreepages(CompactControl cc) {
        for (int i = 0; i < cc.nrFreepages; i++) {
            m.freePages(cc.freepages[i], 0);
        }
        cc.nrFreepages = 0;
    }

    // ---- direct compaction ---------------------------------------------------------------------------------

    /**
     * Models mm/compaction.c try_to_compact_pages() with compact_zone_order(): compacts each usable zone of the
     * zonelist up to highestZoneidx that compaction_deferred() lets through (never deferred at
     * COMPACT_PRIO_SYNC_FULL), stopping at the first SUCCESS; a zone whose scanners met is deferred, except after
     * an async run. The priority sets the migrate mode (async only at COMPACT_PRIO_ASYNC) and, at SYNC_FULL, a
     * whole-zone scan that ignores skip bits and block suitability. Returns the largest COMPACT_* result.
     */
    @Override
    public int tryToCompactPages(Zonelist zl, int gfp, int order, int allocFlags, int highestZoneidx,
            int migratetype, int prio) {
        mem.env.ftrace().compactionTryToCompactPages(order, gfp, prio);
        boolean syncFull = prio == SlowPathHooks.COMPACT_PRIO_SYNC_FULL;
        boolean async = prio == SlowPathHooks.COMPACT_PRIO_ASYNC;
        int rc = COMPACT_SKIPPED;
        for (Zone z : zl.zones()) {
            if (z.zoneIdx() > highestZoneidx || !z.populated()) {
                continue;
            }
            if (!syncFull && compactionDeferred(z, order)) {
                rc = Math.max(rc, COMPACT_DEFERRED);
                continue;
            }
            cc.configure(order, async ? MIGRATE_ASYNC : MIGRATE_SYNC_LIGHT, syncFull, syncFull, syncFull, true, false,
                    migratetype, allocFlags, highestZoneidx);
            int status = compactZone(z, cc);
            rc = Math.max(rc, status);
            if (status == COMPACT_SUCCESS) {
                compactionDeferReset(z, order, false);
                break;
            }
            if (!async && (status == COMPACT_COMPLETE || status == COMPACT_PARTIAL_SKIPPED)) {
                deferCompaction(z, order);
            }
        }
        return rc;
    }

    /**
     * The first usable zone of the zonelist where a request of this order would now pass the min watermark: what
     * __alloc_pages_direct_compact() learns by trying get_page_from_freelist() after compaction.
     */
    @Override
    public Zone zoneWithFreePage(Zonelist zl, int order, int highestZoneidx, int allocFlags) {
        for (Zone z : zl.zones()) {
            if (z.zoneIdx() <= highestZoneidx && z.populated()
                    && Watermarks.zoneWatermarkOk(z, order, z.minWmarkPages(), highestZoneidx, allocFlags)) {
                return z;
            }
        }
        return null;
    }

    // ---- kcompactd, proactive compaction, compact_memory ---------------------------------------------------

    @Override
    public void wakeupKcompactd(int nid, int order, int highestZoneidx) {
        kcompactd.wakeupKcompactd(nid, order, highestZoneidx);
    }

    @Override
    public void runKcompactd(int nid) {
        kcompactd.kcompactdDoWork(nid);
    }

    @Override
    public void proactiveTick(int nid) {
        kcompactd.proactiveTick(nid);
    }

    /**
     * Models mm/compaction.c compact_node() for every node: what writing 1 to /proc/sys/vm/compact_memory does, a
     * whole-zone MIGRATE_SYNC run of every populated zone that ignores skip bits.
     */
    @Override
    public void compactMemory() {
        if (!mem.config.compaction()) {
            return;
        }
        for (Node node : m.nodes()) {
            for (Zone z : node.zones()) {
                if (!z.populated()) {
                    continue;
                }
                cc.configure(-1, MIGRATE_SYNC, true, true, false, false, false, MigrateType.UNMOVABLE, 0,
                        node.zones().length - 1);
                compactZone(z, cc);
            }
        }
    }
}
