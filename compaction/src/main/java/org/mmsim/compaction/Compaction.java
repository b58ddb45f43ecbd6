package org.mmsim.compaction;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.arch.ZoneType;
import org.mmsim.page.AllocFlags;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.MemMap;
import org.mmsim.page.MigrateType;
import org.mmsim.page.Node;
import org.mmsim.page.Watermarks;
import org.mmsim.page.Zone;
import org.mmsim.page.Zonelist;
import org.mmsim.reclaim.CompactionApi;
import org.mmsim.reclaim.Memory;
import org.mmsim.reclaim.Migration;
import org.mmsim.reclaim.PageOwners;
import org.mmsim.reclaim.VmCounters;

/**
 * Memory compaction, mm/compaction.c 6.1: compaction_suitable (watermarks, compact_gap and the extfrag
 * threshold), deferral (defer_compaction, compaction_deferred, compaction_defer_reset,
 * compaction_restarting), pageblock skip hints (isolation_suitable, __reset_isolation_suitable), compact_zone
 * with the migrate scanner walking up (isolate_migratepages, suitable_migration_source) and the free scanner
 * walking down (isolate_freepages, suitable_migration_target) until they meet or __compact_finished finds a
 * free page of the order; try_to_compact_pages for direct compaction at the COMPACT_PRIO_* priorities;
 * kcompactd (wakeup_kcompactd, kcompactd_do_work, proactive_compact_node on the 500 ms timeout) and
 * compact_node for /proc/sys/vm/compact_memory.
 *
 * <p>The free scanner isolates the free pages of suitable pageblocks below it (__isolate_free_page with its
 * watermark check, then split into single pages) and migration takes its targets from them; unused ones are
 * released at the end (release_freepages). Simplifications: the free scanner isolates a whole pageblock's free
 * pages (the kernel may stop part way through a block once it has enough); fast_find_migrateblock, fast_isolate_freepages, capture_control and the
 * contention/rescheduling logic are not modelled; compound pages (THP, hugetlb) are skipped, as 6.1 does for
 * non-alloc_contig compaction.
 */
public final class Compaction implements CompactionApi {
    public static final int COMPACT_NOT_SUITABLE_ZONE = 0;
    public static final int COMPACT_SKIPPED = 1;
    public static final int COMPACT_DEFERRED = 2;
    public static final int COMPACT_NO_SUITABLE_PAGE = 3;
    public static final int COMPACT_CONTINUE = 4;
    public static final int COMPACT_COMPLETE = 5;
    public static final int COMPACT_PARTIAL_SKIPPED = 6;
    public static final int COMPACT_CONTENDED = 7;
    public static final int COMPACT_SUCCESS = 8;
    private static final String[] STATUS = {"not_suitable_zone", "skipped", "deferred", "no_suitable_page",
            "continue", "complete", "partial_skipped", "contended", "success"};

    public static final int MIGRATE_ASYNC = 0;
    public static final int MIGRATE_SYNC_LIGHT = 1;
    public static final int MIGRATE_SYNC = 2;
    public static final int COMPACT_MAX_DEFER_SHIFT = 6;
    public static final int COMPACT_CLUSTER_MAX = 32;
    /** HPAGE_FRAG_CHECK_INTERVAL_MSEC. */
    public static final long HPAGE_FRAG_CHECK_INTERVAL_NS = 500_000_000L;

    private final Memory mem;
    private final Machine m;
    private final PageOwners po;
    private final VmCounters c;
    private final int pbOrder;
    private final long pbPages;
    private final Map<Zone, Integer> zoneKeys = new IdentityHashMap<>();
    private final Zone[] zones;
    private final int[] deferShift;
    private final int[] considered;
    private final int[] orderFailed;
    private final long[][] cachedMigratePfn;
    private final long[] cachedFreePfn;
    private final boolean[] blockskipFlush;
    private final long[][] skip;
    private final int[] kcompactdMaxOrder;
    private final int[] kcompactdHighestZoneidx;
    private final boolean[] kcompactdSleeping;
    private final int[] proactiveDefer;
    private final long[] candidates = new long[COMPACT_CLUSTER_MAX];

    /** struct compact_control: one compaction run's settings and its scanner positions. */
    static final class Control {
        int order;
        int mode;
        boolean wholeZone;
        boolean ignoreSkipHint;
        boolean ignoreBlockSuitable;
        boolean direct;
        boolean proactive;
        int migratetype;
        int allocFlags;
        int highestZoneidx;
        long migratePfn;
        long freePfn;
        long freeAvailable;
        /** The pages the free scanner isolated and migration has not used yet (cc->freepages). */
        long[] freePages = new long[64];
        int nrFreePages;
        long migrateScanned;
        long freeScanned;
        /** Start of the pageblock pages were last migrated from, -1 when drained since (last_migrated_pfn). */
        long lastMigratedPfn = -1;
    }

    private final Control cc = new Control();

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
        for (int i = 0; i < n; i++) {
            zoneKeys.put(zones[i], i);
        }
        deferShift = new int[n];
        considered = new int[n];
        orderFailed = new int[n];
        cachedMigratePfn = new long[n][2];
        cachedFreePfn = new long[n];
        blockskipFlush = new boolean[n];
        skip = new long[n][];
        for (int i = 0; i < n; i++) {
            Zone z = zones[i];
            long blocks = (z.spannedPages() >> pbOrder) + 2;
            skip[i] = new long[(int) ((blocks + 63) / 64)];
            cachedMigratePfn[i][0] = z.zoneStartPfn();
            cachedMigratePfn[i][1] = z.zoneStartPfn();
            cachedFreePfn[i] = pageblockStart(z.zoneEndPfn() - 1);
        }
        int nodes = m.nodes().size();
        kcompactdMaxOrder = new int[nodes];
        kcompactdHighestZoneidx = new int[nodes];
        kcompactdSleeping = new boolean[nodes];
        proactiveDefer = new int[nodes];
        java.util.Arrays.fill(kcompactdSleeping, true);
    }

    private int key(Zone z) {
        return zoneKeys.get(z);
    }

    private long pageblockStart(long pfn) {
        return pfn & -pbPages;
    }

    // ---- suitability and deferral --------------------------------------------------------------------------

    /** compaction_suitable() (with __compaction_suitable and the fragmentation-index test). */
    public int compactionSuitable(Zone z, int order, int allocFlags, int hz) {
        int ret;
        if (order == -1) {
            ret = COMPACT_CONTINUE;
        } else if (Watermarks.zoneWatermarkOk(z, order, z.wmarkPages(allocFlags & AllocFlags.ALLOC_WMARK_MASK), hz,
                allocFlags)) {
            ret = COMPACT_SUCCESS;
        } else {
            long wm = (order > 3 ? z.lowWmarkPages() : z.minWmarkPages()) + (2L << order);
            if (!Watermarks.zoneWatermarkOk(z, 0, wm, hz, AllocFlags.ALLOC_CMA, z.nrFreePages())) {
                ret = COMPACT_SKIPPED;
            } else {
                ret = COMPACT_CONTINUE;
                if (order > 3) {
                    int fi = Fragmentation.fragmentationIndex(z, order);
                    if (fi >= 0 && fi <= mem.config.extfragThreshold()) {
                        ret = COMPACT_NOT_SUITABLE_ZONE;
                    }
                }
            }
        }
        if (order >= 0 && mem.env.traceEnabled("mm_compaction_suitable")) {
            mem.env.trace("task", 1, "mm_compaction_suitable", String.format("node=%d zone=%-8s order=%d ret=%s",
                    z.node().nid(), z.name(), order, STATUS[ret]));
        }
        return ret == COMPACT_NOT_SUITABLE_ZONE ? COMPACT_SKIPPED : ret;
    }

    /** compaction_ready() of mm/vmscan.c: whether reclaim for a costly order may stop and leave it to compaction. */
    public boolean compactionReady(Zone z, int order, int hz) {
        int s = compactionSuitable(z, order, 0, hz);
        if (s == COMPACT_SUCCESS) {
            return true;
        }
        if (s == COMPACT_SKIPPED) {
            return false;
        }
        return Watermarks.zoneWatermarkOk(z, 0, z.highWmarkPages() + (2L << order), hz, 0);
    }

    /** defer_compaction(). */
    public void deferCompaction(Zone z, int order) {
        int k = key(z);
        considered[k] = 0;
        if (++deferShift[k] > COMPACT_MAX_DEFER_SHIFT) {
            deferShift[k] = COMPACT_MAX_DEFER_SHIFT;
        }
        if (order < orderFailed[k]) {
            orderFailed[k] = order;
        }
        traceDefer("mm_compaction_defer_compaction", z, order);
    }

    /** compaction_deferred(). */
    public boolean compactionDeferred(Zone z, int order) {
        int k = key(z);
        long limit = 1L << deferShift[k];
        if (order < orderFailed[k]) {
            return false;
        }
        if (++considered[k] >= limit) {
            considered[k] = (int) limit;
            return false;
        }
        traceDefer("mm_compaction_deferred", z, order);
        return true;
    }

    /** compaction_defer_reset(). */
    public void deferReset(Zone z, int order, boolean allocSuccess) {
        int k = key(z);
        if (allocSuccess) {
            considered[k] = 0;
            deferShift[k] = 0;
        }
        if (order >= orderFailed[k]) {
            orderFailed[k] = order + 1;
        }
        traceDefer("mm_compaction_defer_reset", z, order);
    }

    /** compaction_restarting(). */
    boolean compactionRestarting(Zone z, int order) {
        int k = key(z);
        if (order < orderFailed[k]) {
            return false;
        }
        return deferShift[k] == COMPACT_MAX_DEFER_SHIFT && considered[k] >= 1 << COMPACT_MAX_DEFER_SHIFT;
    }

    private void traceDefer(String event, Zone z, int order) {
        if (mem.env.traceEnabled(event)) {
            int k = key(z);
            mem.env.trace("task", 1, event, String.format("node=%d zone=%-8s order=%d order_failed=%d consider=%d limit=%d",
                    z.node().nid(), z.name(), order, orderFailed[k], considered[k], 1L << deferShift[k]));
        }
    }

    // ---- skip hints ----------------------------------------------------------------------------------------

    private int blockBit(Zone z, long pfn) {
        return (int) ((pfn >> pbOrder) - (z.zoneStartPfn() >> pbOrder));
    }

    private boolean skipped(int k, Zone z, long pfn) {
        int b = blockBit(z, pfn);
        return (skip[k][b >>> 6] & (1L << (b & 63))) != 0;
    }

    private void setSkip(int k, Zone z, long pfn) {
        int b = blockBit(z, pfn);
        skip[k][b >>> 6] |= 1L << (b & 63);
    }

    /** Whether the skip hint of the pageblock holding pfn is set (get_pageblock_skip). */
    public boolean pageblockSkip(Zone z, long pfn) {
        return skipped(key(z), z, pfn);
    }

    /** __reset_isolation_suitable(): clears the zone's skip hints and resets the cached scanner positions. */
    void resetZone(int k) {
        java.util.Arrays.fill(skip[k], 0);
        Zone z = zones[k];
        cachedMigratePfn[k][0] = z.zoneStartPfn();
        cachedMigratePfn[k][1] = z.zoneStartPfn();
        cachedFreePfn[k] = pageblockStart(z.zoneEndPfn() - 1);
        blockskipFlush[k] = false;
    }

    /** reset_isolation_suitable(): for each zone of the node whose compact_blockskip_flush is set. */
    public void resetIsolationSuitable(int nid) {
        for (Zone z : m.node(nid).zones()) {
            if (z.populated() && blockskipFlush[key(z)]) {
                resetZone(key(z));
            }
        }
    }

    // ---- compact_zone --------------------------------------------------------------------------------------

    /** compact_zone(): runs the scanners over the zone with the settings in cc; returns the COMPACT_* status. */
    int compactZone(Zone z, Control cc) {
        int k = key(z);
        long start = z.zoneStartPfn();
        long end = z.zoneEndPfn();
        if (cc.order >= 0) {
            int r = compactionSuitable(z, cc.order, cc.allocFlags, cc.highestZoneidx);
            if (r == COMPACT_SUCCESS || r == COMPACT_SKIPPED) {
                return r;
            }
        }
        if (compactionRestarting(z, cc.order)) {
            resetZone(k);
        }
        boolean sync = cc.mode != MIGRATE_ASYNC;
        if (cc.wholeZone) {
            cc.migratePfn = start;
            cc.freePfn = pageblockStart(end - 1);
        } else {
            cc.migratePfn = cachedMigratePfn[k][sync ? 1 : 0];
            cc.freePfn = cachedFreePfn[k];
            if (cc.freePfn < start || cc.freePfn >= end) {
                cc.freePfn = pageblockStart(end - 1);
                cachedFreePfn[k] = cc.freePfn;
            }
            if (cc.migratePfn < start || cc.migratePfn >= end) {
                cc.migratePfn = start;
                cachedMigratePfn[k][0] = start;
                cachedMigratePfn[k][1] = start;
            }
        }
        cc.freeAvailable = 0;
        cc.nrFreePages = 0;
        cc.migrateScanned = 0;
        cc.freeScanned = 0;
        if (mem.env.traceEnabled("mm_compaction_begin")) {
            mem.env.trace("task", 1, "mm_compaction_begin", String.format(
                    "zone_start=0x%x migrate_pfn=0x%x free_pfn=0x%x zone_end=0x%x, mode=%s", start, cc.migratePfn,
                    cc.freePfn, end, sync ? "sync" : "async"));
        }
        int ret;
        cc.lastMigratedPfn = -1;
        try {
            while ((ret = compactFinished(z, k, cc)) == COMPACT_CONTINUE) {
                if (!isolateAndMigrateBlock(z, k, cc)) {
                    ret = COMPACT_CONTENDED;
                    break;
                }
                drainAfterMigratedBlock(z, cc);
            }
        } finally {
            releaseFreepages(cc);
        }
        if (ret != COMPACT_COMPLETE && ret != COMPACT_PARTIAL_SKIPPED) {
            cachedMigratePfn[k][sync ? 1 : 0] = Math.max(cachedMigratePfn[k][sync ? 1 : 0], pageblockStart(cc.migratePfn));
            cachedFreePfn[k] = Math.min(cachedFreePfn[k], cc.freePfn);
        }
        c.add(VmCounters.COMPACT_MIGRATE_SCANNED, cc.migrateScanned);
        c.add(VmCounters.COMPACT_FREE_SCANNED, cc.freeScanned);
        if (mem.env.traceEnabled("mm_compaction_end")) {
            mem.env.trace("task", 1, "mm_compaction_end", String.format(
                    "zone_start=0x%x migrate_pfn=0x%x free_pfn=0x%x zone_end=0x%x, mode=%s status=%s", start,
                    cc.migratePfn, cc.freePfn, end, sync ? "sync" : "async", STATUS[ret]));
        }
        return ret;
    }

    /**
     * compact_zone()'s drain for a high-order request: once the migrate scanner has left the cc->order aligned
     * block it migrated pages from, lru_add_drain_cpu_zone() empties this CPU's pcp lists of the zone, so the
     * freed source pages can merge in the buddy. compact_memory (order -1) never drains: its freed pages stay
     * on the lists, as the kernel's zoneinfo shows after it.
     */
    private void drainAfterMigratedBlock(Zone z, Control cc) {
        if (cc.order <= 0 || cc.lastMigratedPfn < 0) {
            return;
        }
        long orderBlockStart = cc.migratePfn & -(1L << cc.order);
        if (cc.lastMigratedPfn < orderBlockStart) {
            m.drainLocalPages(z);
            cc.lastMigratedPfn = -1;
        }
    }

    /** __compact_finished(). */
    private int compactFinished(Zone z, int k, Control cc) {
        if ((cc.freePfn >> pbOrder) <= (cc.migratePfn >> pbOrder)) {
            cachedMigratePfn[k][0] = z.zoneStartPfn();
            cachedMigratePfn[k][1] = z.zoneStartPfn();
            cachedFreePfn[k] = pageblockStart(z.zoneEndPfn() - 1);
            if (cc.direct) {
                blockskipFlush[k] = true;
            }
            return cc.wholeZone ? COMPACT_COMPLETE : COMPACT_PARTIAL_SKIPPED;
        }
        if (cc.proactive) {
            if (mem.kswapd.running(z.node().nid())) {
                return COMPACT_PARTIAL_SKIPPED;
            }
            int score = Fragmentation.scoreZone(z);
            return score > Fragmentation.scoreWmark(mem.config.proactiveness(), true) ? COMPACT_CONTINUE : COMPACT_SUCCESS;
        }
        if (cc.order == -1) {
            return COMPACT_CONTINUE;
        }
        int maxOrder = m.arch().maxOrder();
        MigrateType types = m.migrateTypes();
        int mt = cc.migratetype;
        for (int o = cc.order; o < maxOrder; o++) {
            if (z.nrFree(o) == 0) {
                continue;
            }
            if (z.freeCount(o, mt) > 0) {
                return COMPACT_SUCCESS;
            }
            if (mt == MigrateType.MOVABLE && types.hasCma() && z.freeCount(o, types.cma()) > 0) {
                return COMPACT_SUCCESS;
            }
            boolean canSteal = o >= pbOrder / 2 || mt == MigrateType.RECLAIMABLE || mt == MigrateType.UNMOVABLE
                    || m.pageGroupByMobilityDisabled();
            if (canSteal && mt < MigrateType.PCPTYPES) {
                for (int f = 0; f < MigrateType.PCPTYPES; f++) {
                    if (f != mt && z.freeCount(o, f) > 0) {
                        return COMPACT_SUCCESS;
                    }
                }
            }
        }
        return COMPACT_CONTINUE;
    }

    /** suitable_migration_source(). */
    private boolean suitableSource(Zone z, long blockStart, Control cc) {
        if (cc.mode != MIGRATE_ASYNC || !cc.direct) {
            return true;
        }
        int bmt = z.getPageblockMigratetype(Math.max(blockStart, z.zoneStartPfn()));
        if (cc.migratetype == MigrateType.MOVABLE) {
            return bmt == MigrateType.MOVABLE || (m.migrateTypes().hasCma() && bmt == m.migrateTypes().cma());
        }
        return bmt == cc.migratetype;
    }

    /**
     * isolate_migratepages() for the next pageblock plus migrate_pages() of what it isolated, in clusters of
     * COMPACT_CLUSTER_MAX. Returns false if no migration target could be allocated (the -ENOMEM case).
     */
    private boolean isolateAndMigrateBlock(Zone z, int k, Control cc) {
        long blockStart = pageblockStart(cc.migratePfn);
        long low = Math.max(cc.migratePfn, z.zoneStartPfn());
        long blockEnd = Math.min(blockStart + pbPages, z.zoneEndPfn());
        cc.migratePfn = blockEnd;
        if (blockEnd > cc.freePfn + pbPages) {
            return true;
        }
        if (!cc.ignoreSkipHint && skipped(k, z, blockStart)) {
            return true;
        }
        MemMap mm = z.node().memMap();
        if (mm.isBuddy(low) && mm.order(low) >= pbOrder) {
            cc.migrateScanned++;
            return true;
        }
        int first = po.kind(blockStart);
        if (first != PageOwners.NONE && po.order(blockStart) >= pbOrder) {
            return true;
        }
        if (!suitableSource(z, blockStart, cc)) {
            return true;
        }
        boolean unevictableOk = mem.config.compactUnevictable();
        long pfn = low;
        long isolatedInBlock = 0;
        boolean ok = true;
        while (pfn < blockEnd && ok) {
            int n = 0;
            long scanned = 0;
            while (pfn < blockEnd && n < COMPACT_CLUSTER_MAX) {
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
                } else if (po.isMigratable(s) && (unevictableOk || !po.hasFlag(pfn, PageOwners.F_UNEVICTABLE))) {
                    candidates[n++] = pfn;
                } else if (po.kind(pfn) == PageOwners.EXTERNAL && mem.externalPages() != null
                        && mem.externalPages().isMigratable(pfn)) {
                    candidates[n++] = pfn;
                }
                pfn++;
            }
            cc.migrateScanned += scanned;
            if (n == 0) {
                continue;
            }
            if (mem.env.traceEnabled("mm_compaction_isolate_migratepages")) {
                mem.env.trace("task", 1, "mm_compaction_isolate_migratepages", String.format(
                        "range=(0x%x ~ 0x%x) nr_scanned=%d nr_taken=%d", low, pfn, scanned, n));
            }
            c.add(VmCounters.COMPACT_ISOLATED, n);
            isolatedInBlock += n;
            while (cc.freeAvailable < n && isolateFreepagesBlock(z, k, cc)) {
                // the free scanner moves one pageblock down per call
            }
            int migrate = (int) Math.min(n, cc.freeAvailable);
            for (int i = 0; i < migrate; i++) {
                long dst = allocTarget(z, cc);
                if (dst < 0) {
                    c.add(VmCounters.PGMIGRATE_FAIL, migrate - i);
                    ok = false;
                    break;
                }
                cc.freeAvailable--;
                if (!Migration.migratePage(mem, candidates[i], dst)) {
                    c.inc(VmCounters.PGMIGRATE_FAIL);
                    m.freePages(dst, 0);
                    continue;
                }
                cc.lastMigratedPfn = blockStart;
            }
            if (migrate < n) {
                c.add(VmCounters.PGMIGRATE_FAIL, n - migrate);
                break;
            }
        }
        if (isolatedInBlock == 0) {
            setSkip(k, z, blockStart);
        }
        return ok;
    }

    /**
     * isolate_freepages() for one pageblock below the free scanner: a suitable target block (movable, or any
     * with ignore_block_suitable; not wholly free; no skip hint) contributes its free pages; an empty one gets
     * its skip hint. Returns false once the scanners have met.
     */
    private boolean isolateFreepagesBlock(Zone z, int k, Control cc) {
        long block = cc.freePfn;
        if ((block >> pbOrder) <= (cc.migratePfn >> pbOrder)) {
            return false;
        }
        cc.freePfn = block - pbPages;
        if (!cc.ignoreSkipHint && skipped(k, z, block)) {
            return true;
        }
        MemMap mm = z.node().memMap();
        int bmt = z.getPageblockMigratetype(block);
        boolean movable = bmt == MigrateType.MOVABLE || (m.migrateTypes().hasCma() && bmt == m.migrateTypes().cma());
        if (!cc.ignoreBlockSuitable && !movable) {
            return true;
        }
        if (mm.isBuddy(block) && mm.order(block) >= pbOrder) {
            return true;
        }
        long end = Math.min(block + pbPages, z.zoneEndPfn());
        long free = 0;
        long scanned = 0;
        for (long pfn = Math.max(block, z.zoneStartPfn()); pfn < end; ) {
            scanned++;
            if (mm.isBuddy(pfn)) {
                int order = mm.order(pfn);
                int got = z.isolateFreePage(pfn, order);
                if (got == 0) {
                    break;
                }
                for (int i = 0; i < got; i++) {
                    addFreePage(cc, pfn + i);
                }
                free += got;
                pfn += got;
            } else {
                pfn++;
            }
        }
        cc.freeScanned += scanned;
        if (free == 0) {
            setSkip(k, z, block);
        }
        cc.freeAvailable += free;
        return true;
    }

    private static void addFreePage(Control cc, long pfn) {
        if (cc.nrFreePages == cc.freePages.length) {
            cc.freePages = java.util.Arrays.copyOf(cc.freePages, cc.freePages.length * 2);
        }
        cc.freePages[cc.nrFreePages++] = pfn;
    }

    /** release_freepages(): isolated free pages that no migration used go back to the allocator. */
    private void releaseFreepages(Control cc) {
        for (int i = 0; i < cc.nrFreePages; i++) {
            m.freePages(cc.freePages[i], 0);
        }
        cc.nrFreePages = 0;
        cc.freeAvailable = 0;
    }

    /** compaction_alloc(): the next page the free scanner isolated, or -1 when none is left. */
    private long allocTarget(Zone z, Control cc) {
        return cc.nrFreePages == 0 ? -1 : cc.freePages[--cc.nrFreePages];
    }

    // ---- direct compaction ---------------------------------------------------------------------------------

    /** try_to_compact_pages(): compact_zone_order over the zonelist's zones up to hz at a priority. */
    public int tryToCompactPages(Zonelist zl, int gfp, int order, int allocFlags, int hz, int migratetype, int prio) {
        if (mem.env.traceEnabled("mm_compaction_try_to_compact_pages")) {
            mem.env.trace("task", 1, "mm_compaction_try_to_compact_pages", "order=" + order + " gfp_mask="
                    + org.mmsim.reclaim.GfpNames.show(gfp) + " priority=" + prio);
        }
        int rc = COMPACT_SKIPPED;
        for (Zone z : zl.zones()) {
            if (z.zoneIdx() > hz || !z.populated()) {
                continue;
            }
            if (prio > 0 && compactionDeferred(z, order)) {
                rc = Math.max(rc, COMPACT_DEFERRED);
                continue;
            }
            Control x = cc;
            x.order = order;
            x.mode = prio == 2 ? MIGRATE_ASYNC : MIGRATE_SYNC_LIGHT;
            x.wholeZone = prio == 0;
            x.ignoreSkipHint = prio == 0;
            x.ignoreBlockSuitable = prio == 0;
            x.direct = true;
            x.proactive = false;
            x.migratetype = migratetype;
            x.allocFlags = allocFlags;
            x.highestZoneidx = hz;
            int status = compactZone(z, x);
            rc = Math.max(rc, status);
            if (status == COMPACT_SUCCESS) {
                deferReset(z, order, false);
                break;
            }
            if (prio != 2 && (status == COMPACT_COMPLETE || status == COMPACT_PARTIAL_SKIPPED)) {
                deferCompaction(z, order);
            }
        }
        return rc;
    }

    /** The first zone of the zonelist where a request of this order would now pass the min watermark. */
    public Zone zoneWithFreePage(Zonelist zl, int order, int hz, int allocFlags) {
        for (Zone z : zl.zones()) {
            if (z.zoneIdx() <= hz && z.populated()
                    && Watermarks.zoneWatermarkOk(z, order, z.minWmarkPages(), hz, allocFlags)) {
                return z;
            }
        }
        return null;
    }

    // ---- kcompactd, proactive compaction, compact_memory ---------------------------------------------------

    /** wakeup_kcompactd(). */
    public void wakeupKcompactd(int nid, int order, int hz) {
        if (!mem.config.compaction() || order == 0) {
            return;
        }
        if (kcompactdMaxOrder[nid] < order) {
            kcompactdMaxOrder[nid] = order;
        }
        if (kcompactdHighestZoneidx[nid] < hz) {
            kcompactdHighestZoneidx[nid] = hz;
        }
        if (!kcompactdSleeping[nid] || !kcompactdNodeSuitable(nid)) {
            return;
        }
        if (mem.env.traceEnabled("mm_compaction_wakeup_kcompactd")) {
            mem.env.trace("task", 1, "mm_compaction_wakeup_kcompactd", String.format("nid=%d order=%d classzone_idx=%-8s",
                    nid, order, m.node(nid).zones()[Math.min(hz, m.node(nid).zones().length - 1)].name()));
        }
        kcompactdSleeping[nid] = false;
        mem.env.wakeKcompactdThread(nid);
    }

    /** kcompactd_node_suitable(). */
    private boolean kcompactdNodeSuitable(int nid) {
        for (Zone z : m.node(nid).zones()) {
            if (z.zoneIdx() <= kcompactdHighestZoneidx[nid] && z.populated()
                    && compactionSuitable(z, kcompactdMaxOrder[nid], 0, kcompactdHighestZoneidx[nid]) == COMPACT_CONTINUE) {
                return true;
            }
        }
        return false;
    }

    /** kcompactd_do_work(): SYNC_LIGHT compaction of each suitable, non-deferred zone for the pending order. */
    public void runKcompactd(int nid) {
        int order = kcompactdMaxOrder[nid];
        int hz = kcompactdHighestZoneidx[nid];
        Node node = m.node(nid);
        if (mem.env.traceEnabled("mm_compaction_kcompactd_wake")) {
            mem.env.trace("kcompactd" + nid, 50 + nid, "mm_compaction_kcompactd_wake", String.format(
                    "nid=%d order=%d classzone_idx=%-8s", nid, order, node.zones()[Math.min(Math.max(hz, 0), node.zones().length - 1)].name()));
        }
        c.inc(VmCounters.COMPACT_DAEMON_WAKE);
        for (Zone z : node.zones()) {
            if (z.zoneIdx() > hz || !z.populated() || order <= 0) {
                continue;
            }
            if (compactionDeferred(z, order)) {
                continue;
            }
            if (compactionSuitable(z, order, 0, hz) != COMPACT_CONTINUE) {
                continue;
            }
            Control x = cc;
            x.order = order;
            x.mode = MIGRATE_SYNC_LIGHT;
            x.wholeZone = false;
            x.ignoreSkipHint = false;
            x.ignoreBlockSuitable = false;
            x.direct = false;
            x.proactive = false;
            x.migratetype = MigrateType.UNMOVABLE;
            x.allocFlags = 0;
            x.highestZoneidx = hz;
            int status = compactZone(z, x);
            c.add(VmCounters.COMPACT_DAEMON_MIGRATE_SCANNED, x.migrateScanned);
            c.add(VmCounters.COMPACT_DAEMON_FREE_SCANNED, x.freeScanned);
            if (status == COMPACT_SUCCESS) {
                deferReset(z, order, false);
            } else if (status == COMPACT_PARTIAL_SKIPPED || status == COMPACT_COMPLETE) {
                m.drainAllPages(z);
                deferCompaction(z, order);
            }
        }
        if (kcompactdMaxOrder[nid] <= order) {
            kcompactdMaxOrder[nid] = 0;
        }
        if (kcompactdHighestZoneidx[nid] >= hz) {
            kcompactdHighestZoneidx[nid] = 0;
        }
        kcompactdSleeping[nid] = true;
        if (mem.env.traceEnabled("mm_compaction_kcompactd_sleep")) {
            mem.env.trace("kcompactd" + nid, 50 + nid, "mm_compaction_kcompactd_sleep", "nid=" + nid);
        }
    }

    /**
     * kcompactd's HPAGE_FRAG_CHECK_INTERVAL_MSEC timeout: unless deferred, proactive_compact_node when
     * should_proactive_compact_node (proactiveness set, kswapd asleep, node score above the high mark); a run
     * that does not lower the score defers the next 1 << COMPACT_MAX_DEFER_SHIFT checks.
     */
    public void proactiveTick(int nid) {
        if (!mem.config.compaction() || mem.config.proactiveness() == 0) {
            return;
        }
        if (proactiveDefer[nid] > 0) {
            proactiveDefer[nid]--;
            return;
        }
        Node node = m.node(nid);
        if (mem.kswapd.running(nid)
                || Fragmentation.scoreNode(node) <= Fragmentation.scoreWmark(mem.config.proactiveness(), false)) {
            return;
        }
        long prev = Fragmentation.scoreNode(node);
        for (Zone z : node.zones()) {
            if (!z.populated()) {
                continue;
            }
            Control x = cc;
            x.order = -1;
            x.mode = MIGRATE_SYNC_LIGHT;
            x.wholeZone = true;
            x.ignoreSkipHint = true;
            x.ignoreBlockSuitable = false;
            x.direct = false;
            x.proactive = true;
            x.migratetype = MigrateType.UNMOVABLE;
            x.allocFlags = 0;
            x.highestZoneidx = node.zones().length - 1;
            compactZone(z, x);
            c.add(VmCounters.COMPACT_DAEMON_MIGRATE_SCANNED, x.migrateScanned);
            c.add(VmCounters.COMPACT_DAEMON_FREE_SCANNED, x.freeScanned);
        }
        long score = Fragmentation.scoreNode(node);
        proactiveDefer[nid] = score < prev ? 0 : 1 << COMPACT_MAX_DEFER_SHIFT;
    }

    /** compact_node() for every node: what writing 1 to /proc/sys/vm/compact_memory does (MIGRATE_SYNC, whole zones). */
    public void compactMemory() {
        if (!mem.config.compaction()) {
            return;
        }
        for (Node node : m.nodes()) {
            for (Zone z : node.zones()) {
                if (!z.populated()) {
                    continue;
                }
                Control x = cc;
                x.order = -1;
                x.mode = MIGRATE_SYNC;
                x.wholeZone = true;
                x.ignoreSkipHint = true;
                x.ignoreBlockSuitable = false;
                x.direct = false;
                x.proactive = false;
                x.migratetype = MigrateType.UNMOVABLE;
                x.allocFlags = 0;
                x.highestZoneidx = node.zones().length - 1;
                compactZone(z, x);
            }
        }
    }

    static String zoneTypeName(ZoneType t) {
        return t.kernelName();
    }
}
