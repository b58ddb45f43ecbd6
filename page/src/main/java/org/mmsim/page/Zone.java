package org.mmsim.page;

import java.util.Arrays;
import org.mmsim.arch.ZoneType;

/**
 * One zone, the model of {@code struct zone} (include/linux/mmzone.h): span and page counts, watermarks,
 * lowmem_reserve, the buddy free lists {@code free_area[order].free_list[migratetype]} (intrusive lists through
 * the node's {@link MemMap}, with the kernel's head/tail discipline: add_to_free_list, add_to_free_list_tail,
 * move_to_free_list, del_page_from_free_list), the pageblock migratetypes (pageblock_flags, one byte per
 * pageblock), the per-CPU page lists ({@code per_cpu_pages}) and the zone's vmstat items NR_FREE_PAGES and
 * NR_FREE_CMA_PAGES. The algorithms that work on it live in {@link Buddy}, {@link Fallback}, {@link PerCpuPages},
 * {@link HighAtomic} and {@link Watermarks}.
 */
public final class Zone {
    /** NR_PCP_LISTS with CONFIG_TRANSPARENT_HUGEPAGE: 3 types x orders 0..3, plus one THP list. */
    public static final int NR_PCP_LISTS = MigrateType.PCPTYPES * (Buddy.PAGE_ALLOC_COSTLY_ORDER + 1) + 1;
    public static final int WMARK_MIN = 0;
    public static final int WMARK_LOW = 1;
    public static final int WMARK_HIGH = 2;

    private final Node node;
    private final ZoneType type;
    /** type().ordinal(), for the vm event counters indexed by zone type. */
    final int typeOrdinal;
    private final int zoneIdx;
    final MemMap mm;
    final int maxOrder;
    final int pageblockOrder;
    final int pageblockNrPages;
    final int nrTypes;
    final MigrateType types;
    final LinkSpace[] linksByOrder;
    Machine machine;
    /** The machine's vm event counters (machine.events), read on every allocation and free. */
    long[] events;

    long zoneStartPfn;
    long spannedPages;
    /** Page indexes (relative to the MemMap base) of the span: [startIdx, endIdx). */
    int startIdx;
    int endIdx;
    /** Index of pageblock_start_pfn(zone_start_pfn): pageblock n of the zone starts at pbBaseIdx + n * 512. */
    int pbBaseIdx;
    byte[] pageblockMt = new byte[0];

    private long presentPages;
    long managedPages;
    private long cmaPages;
    final long[] watermark = new long[3];
    long watermarkBoost;
    long[] lowmemReserve;
    private int statThreshold;
    long nrReservedHighatomic;
    /**
     * The NR_FREE_PAGES count above which zone_watermark_fast() passes every order-0 request: the highest
     * watermark with its boost, the largest lowmem_reserve and the highatomic reserve, the most that its order-0
     * test can ask. Kept by every writer of those; Long.MAX_VALUE with CMA, whose free pages also count.
     */
    long order0Floor;
    /** nr_isolate_pageblock. */
    int nrIsolatePageblock;
    /** ZONE_BOOSTED_WATERMARK. */
    boolean boostedWatermark;
    /** ZONE_RECLAIM_ACTIVE. */
    boolean reclaimActive;

    long nrFreePages;
    long nrFreeCmaPages;

    /** free_area[order].free_list[mt] as head, tail and length, index order * nrTypes + mt. */
    final int[] freeHead;
    final int[] freeTail;
    final int[] freeLen;
    /** free_area[order].nr_free. */
    final long[] nrFree;

    int pcpHigh;
    int pcpBatch = 1;
    /** nr_pcp_high() without free_high: pcp->high, limited to batch * 4 while reclaim is active. */
    int pcpHighNow;
    /** per_cpu_pages.lists[]: list {@code pindex} of CPU {@code cpu} at {@code cpu * NR_PCP_LISTS + pindex}. */
    PageDeque[] pcpLists = new PageDeque[0];
    /** per_cpu_pages.count of each CPU, in base pages. */
    int[] pcpCount = new int[0];
    /** per_cpu_pages.free_factor of each CPU. */
    int[] pcpFreeFactor = new int[0];

    Zone(Node node, ZoneType type, int zoneIdx) {
        this.node = node;
        this.type = type;
        this.typeOrdinal = type.ordinal();
        this.zoneIdx = zoneIdx;
        this.mm = node.memMap();
        this.maxOrder = node.arch().maxOrder();
        this.pageblockOrder = node.arch().pageblockOrder();
        this.pageblockNrPages = 1 << pageblockOrder;
        this.types = MigrateType.forArch(node.arch());
        this.nrTypes = types.count();
        this.lowmemReserve = new long[node.arch().zoneTypes().size()];
        this.freeHead = new int[maxOrder * nrTypes];
        this.freeTail = new int[maxOrder * nrTypes];
        this.freeLen = new int[maxOrder * nrTypes];
        this.nrFree = new long[maxOrder];
        updateOrder0Floor();
        Arrays.fill(freeHead, LinkSpace.NIL);
        Arrays.fill(freeTail, LinkSpace.NIL);
        this.linksByOrder = new LinkSpace[maxOrder];
        for (int o = 0; o < maxOrder; o++) {
            linksByOrder[o] = o == maxOrder - 1 ? mm.coarse : mm.fine;
        }
    }

    void initSpan(long start, long spanned) {
        this.zoneStartPfn = start;
        this.spannedPages = spanned;
        this.startIdx = mm.index(start);
        this.endIdx = mm.index(start + spanned);
        this.pbBaseIdx = mm.index(start & ~(long) (pageblockNrPages - 1));
        int blocks = spanned == 0 ? 0 : (int) (((endIdx - 1 - pbBaseIdx) >>> pageblockOrder) + 1);
        this.pageblockMt = new byte[blocks];
    }

    void attach(Machine m) {
        this.machine = m;
        this.events = m.events;
        int cpus = m.nrCpus();
        pcpLists = new PageDeque[cpus * NR_PCP_LISTS];
        for (int i = 0; i < pcpLists.length; i++) {
            pcpLists[i] = new PageDeque();
        }
        pcpCount = new int[cpus];
        pcpFreeFactor = new int[cpus];
    }

    // ---- identity and sizes -------------------------------------------------------------------------------

    public Node node() {
        return node;
    }

    public ZoneType type() {
        return type;
    }

    /** zone_idx(): the position among the architecture's configured zone types. */
    public int zoneIdx() {
        return zoneIdx;
    }

    public String name() {
        return type.kernelName();
    }

    public long zoneStartPfn() {
        return zoneStartPfn;
    }

    public long spannedPages() {
        return spannedPages;
    }

    public long zoneEndPfn() {
        return zoneStartPfn + spannedPages;
    }

    /** zone_spans_pfn(). */
    public boolean spans(long pfn) {
        return pfn >= zoneStartPfn && pfn < zoneStartPfn + spannedPages;
    }

    public long presentPages() {
        return presentPages;
    }

    public void setPresentPages(long v) {
        presentPages = v;
        if (machine != null) {
            machine.prepared.clear();
        }
    }

    /** populated_zone(): present pages > 0. */
    public boolean populated() {
        return presentPages > 0;
    }

    public long managedPages() {
        return managedPages;
    }

    public void setManagedPages(long v) {
        managedPages = v;
    }

    public long cmaPages() {
        return cmaPages;
    }

    public void setCmaPages(long v) {
        cmaPages = v;
    }

    public MigrateType migrateTypes() {
        return types;
    }

    // ---- watermarks and reserves ---------------------------------------------------------------------------

    /** Sets _watermark[WMARK_MIN/LOW/HIGH] (as __setup_per_zone_wmarks computes them). */
    public void setWatermarks(long min, long low, long high) {
        watermark[WMARK_MIN] = min;
        watermark[WMARK_LOW] = low;
        watermark[WMARK_HIGH] = high;
        updateOrder0Floor();
    }

    /** The raw _watermark[i] without boost. */
    public long rawWatermark(int i) {
        return watermark[i];
    }

    /** wmark_pages(): _watermark[i] + watermark_boost. */
    public long wmarkPages(int i) {
        return watermark[i] + watermarkBoost;
    }

    public long minWmarkPages() {
        return wmarkPages(WMARK_MIN);
    }

    public long lowWmarkPages() {
        return wmarkPages(WMARK_LOW);
    }

    public long highWmarkPages() {
        return wmarkPages(WMARK_HIGH);
    }

    public long watermarkBoost() {
        return watermarkBoost;
    }

    public void setWatermarkBoost(long v) {
        watermarkBoost = v;
        updateOrder0Floor();
    }

    /** lowmem_reserve[], one entry per configured zone type. */
    public long[] lowmemReserve() {
        return lowmemReserve;
    }

    public void setLowmemReserve(long[] v) {
        if (v.length != lowmemReserve.length) {
            throw new IllegalArgumentException("lowmem_reserve needs " + lowmemReserve.length + " entries");
        }
        lowmemReserve = v.clone();
        updateOrder0Floor();
    }

    public int statThreshold() {
        return statThreshold;
    }

    public void setStatThreshold(int v) {
        statThreshold = v;
    }

    public long nrReservedHighatomic() {
        return nrReservedHighatomic;
    }

    void setNrReservedHighatomic(long v) {
        nrReservedHighatomic = v;
        updateOrder0Floor();
    }

    private void updateOrder0Floor() {
        if (types.hasCma()) {
            order0Floor = Long.MAX_VALUE;
            return;
        }
        long reserve = 0;
        for (long r : lowmemReserve) {
            reserve = Math.max(reserve, r);
        }
        long mark = Math.max(watermark[WMARK_HIGH], Math.max(watermark[WMARK_LOW], watermark[WMARK_MIN]));
        order0Floor = mark + watermarkBoost + reserve + nrReservedHighatomic;
    }

    /** ZONE_BOOSTED_WATERMARK is set (cleared, with a kswapd wake, at the end of the next rmqueue). */
    public boolean boostedWatermark() {
        return boostedWatermark;
    }

    /** ZONE_RECLAIM_ACTIVE, set by reclaim while it works on the zone (limits pcp high, nr_pcp_high). */
    public boolean reclaimActive() {
        return reclaimActive;
    }

    public void setReclaimActive(boolean v) {
        reclaimActive = v;
        updatePcpHighNow();
    }

    // ---- per-CPU lists -----------------------------------------------------------------------------------

    /** Sets pcp->high and pcp->batch on every CPU (zone_set_pageset_high_and_batch). */
    public void setPcpHighBatch(int high, int batch) {
        pcpHigh = high;
        pcpBatch = batch;
        updatePcpHighNow();
    }

    private void updatePcpHighNow() {
        pcpHighNow = high(pcpHigh, pcpBatch, reclaimActive);
    }

    /** nr_pcp_high()'s value without free_high: 0 when high is 0; min(batch * 4, high) while reclaim is active. */
    static int high(int high, int batch, boolean reclaimActive) {
        if (high == 0 || !reclaimActive) {
            return high;
        }
        return Math.min(batch << 2, high);
    }

    public int pcpHigh() {
        return pcpHigh;
    }

    public int pcpBatch() {
        return pcpBatch;
    }

    /** Bytes held by the per-CPU lists' buffers of every CPU (they grow with pcp->high, not with memory). */
    public long pcpListBytes() {
        long b = 0;
        for (PageDeque list : pcpLists) {
            b += list.bytes();
        }
        return b;
    }

    /** pcp->count of a CPU, in base pages. */
    public int pcpCount(int cpu) {
        return pcpCount[cpu];
    }

    // ---- counters ------------------------------------------------------------------------------------------

    /** NR_FREE_PAGES. */
    public long nrFreePages() {
        return nrFreePages;
    }

    /** NR_FREE_CMA_PAGES. */
    public long nrFreeCmaPages() {
        return nrFreeCmaPages;
    }

    /** free_area[order].nr_free. */
    public long nrFree(int order) {
        return nrFree[order];
    }

    /** Number of blocks on free_area[order].free_list[mt] (what pagetypeinfo counts). */
    public long freeCount(int order, int migratetype) {
        return freeLen[order * nrTypes + migratetype];
    }

    /** The pfn at the head of free_area[order].free_list[mt], or -1 when the list is empty. */
    public long freeListHead(int order, int migratetype) {
        int h = freeHead[order * nrTypes + migratetype];
        return h == LinkSpace.NIL ? -1 : mm.pfn(h);
    }

    /** The pfns of free_area[order].free_list[mt] from head to tail (for tests, checkers and front ends). */
    public long[] freeList(int order, int migratetype) {
        int li = order * nrTypes + migratetype;
        long[] out = new long[freeLen[li]];
        LinkSpace ls = linksByOrder[order];
        int n = 0;
        for (int i = freeHead[li]; i != LinkSpace.NIL && n < out.length; i = ls.next(i)) {
            out[n++] = mm.pfn(i);
        }
        return out;
    }

    /** The pfns on one CPU's pcp list {@code pindex}, head to tail. */
    public long[] pcpList(int cpu, int pindex) {
        PageDeque list = pcpLists[cpu * NR_PCP_LISTS + pindex];
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = mm.pfn(list.get(i));
        }
        return out;
    }

    // ---- pageblock flags -----------------------------------------------------------------------------------

    /** get_pageblock_migratetype() of the block holding pfn. */
    public int getPageblockMigratetype(long pfn) {
        return pageblockMt[(mm.index(pfn) - pbBaseIdx) >>> pageblockOrder];
    }

    /**
     * Stores a pageblock's migratetype as is (set_pfnblock_flags_mask), as memmap_init does at boot before
     * page_group_by_mobility_disabled is known. The allocator itself goes through set_pageblock_migratetype,
     * which turns the three pcp types into Unmovable when grouping by mobility is disabled.
     */
    public void setPageblockMigratetype(long pfn, int migratetype) {
        pageblockMt[(mm.index(pfn) - pbBaseIdx) >>> pageblockOrder] = (byte) migratetype;
    }

    int pageblockMt(int idx) {
        return pageblockMt[(idx - pbBaseIdx) >>> pageblockOrder];
    }

    /** set_pageblock_migratetype(). */
    void setPageblockMt(int idx, int mt) {
        if (mt < MigrateType.PCPTYPES && machine != null && machine.pageGroupByMobilityDisabled()) {
            mt = MigrateType.UNMOVABLE;
        }
        pageblockMt[(idx - pbBaseIdx) >>> pageblockOrder] = (byte) mt;
    }

    /**
     * The number of pageblocks of a migratetype, counted as pagetypeinfo_showblockcount_print does: from
     * zone_start_pfn in steps of pageblock_nr_pages, skipping pfns whose section does not exist.
     */
    public long countPageblocks(int migratetype) {
        long n = 0;
        for (long pfn = zoneStartPfn; pfn < zoneStartPfn + spannedPages; pfn += pageblockNrPages) {
            if (mm.valid(mm.index(pfn)) && getPageblockMigratetype(pfn) == migratetype) {
                n++;
            }
        }
        return n;
    }

    // ---- boot hand-off -------------------------------------------------------------------------------------

    /**
     * Models __free_pages_core() as memblock_free_pages calls it at boot: the block's pages stop being
     * reserved, managed_pages grows by 2^order, and __free_pages_ok(FPI_TO_TAIL) frees the block with the
     * pageblock's migratetype: __free_one_page merges it with free buddies and puts it at the tail of its list.
     * Counts pgfree as the kernel does. Fast: no per-page work beyond the flags of the head page.
     */
    public void freeBootPages(long pfn, int order) {
        int idx = mm.index(pfn);
        if (pfn < zoneStartPfn || pfn + (1L << order) > zoneStartPfn + spannedPages || (pfn & ((1L << order) - 1)) != 0) {
            throw new IllegalArgumentException("boot block pfn 0x" + Long.toHexString(pfn) + " order " + order
                    + " not aligned or outside zone " + name());
        }
        mm.ensureSections(idx, 1L << order);
        clearReserved(idx, 1 << order);
        managedPages += 1L << order;
        int mt = pageblockMt(idx);
        Buddy.freeOnePage(this, idx, order, mt, true);
        if (machine != null) {
            machine.events[VmEvent.PGFREE] += 1L << order;
        }
    }

    /**
     * Models free_reserved_page(), as free_reserved_area() calls it for the late "Freeing ... memory" lines: the
     * page stops being reserved, counts as managed, and is freed like any page, so with the per-CPU lists on it
     * lands on the freeing CPU's list (free_unref_page) rather than in the buddy.
     */
    public void freeReservedPage(long pfn) {
        if (pfn < zoneStartPfn || pfn >= zoneStartPfn + spannedPages) {
            throw new IllegalArgumentException("pfn 0x" + Long.toHexString(pfn) + " outside zone " + name());
        }
        int idx = mm.index(pfn);
        mm.ensureSections(idx, 1);
        mm.setFlags(idx, MemMap.ST_ALLOCATED);
        managedPages++;
        machine.freePages(pfn, 0);
    }

    private void clearReserved(int idx, int count) {
        Arrays.fill(mm.flags, idx, idx + count, (byte) 0);
    }

    /** Marks pages that stay reserved (PageReserved, never freed): memblock reservations, holes with a memmap. */
    public void reservePages(long pfn, long count) {
        if (count <= 0) {
            return;
        }
        int idx = mm.index(pfn);
        mm.ensureSections(idx, count);
        Arrays.fill(mm.flags, idx, (int) (idx + count), (byte) MemMap.ST_RESERVED);
    }

    /**
     * Models __isolate_free_page() followed by split_page(), as compaction's free scanner uses them: the free block
     * of {@code order} headed by {@code pfn} leaves the free lists if the zone stays above its min watermark plus
     * the block (zone_watermark_ok at order 0), its pageblocks become MIGRATE_MOVABLE when the block is at least
     * half a pageblock (unless isolated, HighAtomic or CMA), and its pages become single allocated movable pages.
     * Returns the pages taken: 2^order, or 0 when pfn heads no free block of that order or the watermark says no.
     */
    public int isolateFreePage(long pfn, int order) {
        int idx = mm.index(pfn);
        if (!mm.valid(idx)) {
            return 0;
        }
        int f = mm.flags(idx);
        if (!MemMap.isBuddy(f) || (f & MemMap.ORDER_MASK) != order) {
            return 0;
        }
        int mt = pageblockMt(idx);
        if (mt != types.isolate()) {
            long mark = watermark[WMARK_MIN] + (1L << order);
            if (!Watermarks.zoneWatermarkOk(this, 0, mark, 0, AllocFlags.ALLOC_CMA)) {
                return 0;
            }
            modFreepageState(-(1L << order), MemMap.buddyMt(f));
        }
        delPageFromFreeList(idx, order);
        if (order >= pageblockOrder - 1) {
            for (int i = idx; i < idx + (1 << order); i += pageblockNrPages) {
                int bmt = pageblockMt(i);
                if (bmt != types.isolate() && bmt != MigrateType.HIGHATOMIC && bmt != types.cma()) {
                    setPageblockMt(i, MigrateType.MOVABLE);
                }
            }
        }
        for (int i = idx; i < idx + (1 << order); i++) {
            mm.setFlags(i, MemMap.ST_ALLOCATED_MOVABLE);
        }
        return 1 << order;
    }

    // ---- forced replay: the kernel's own choices applied --------------------------------------------------

    /**
     * Models is_free_buddy_page(): the pfn of the free block (PageBuddy head of an order at least as large as the
     * alignment reached) that holds {@code pfn}, or -1 when the page lies in no free block.
     */
    public long freeBlockHead(long pfn) {
        if (!spans(pfn) || !mm.valid(mm.index(pfn))) {
            return -1;
        }
        for (int o = 0; o < maxOrder; o++) {
            long head = pfn & ~((1L << o) - 1);
            if (head < zoneStartPfn) {
                break;
            }
            int idx = mm.index(head);
            if (!mm.valid(idx)) {
                break;
            }
            int f = mm.flags(idx);
            if (MemMap.isBuddy(f) && (f & MemMap.ORDER_MASK) >= o) {
                return head;
            }
        }
        return -1;
    }

    /**
     * Models take_page_off_buddy() with break_down_buddy_pages(): the free block holding {@code pfn} leaves its
     * list and is split down to the block of {@code order} at {@code pfn}, every other half going to the head of
     * its order's list of the same migratetype (for {@code pfn} at the free block's head this is exactly what
     * expand() does after __rmqueue_smallest). The block becomes an allocated head (counted as movable when
     * {@code movable}); NR_FREE_PAGES drops. Returns the migratetype of the list the free block was on, or -1
     * (nothing changed) when no free block of order {@code order} or more holds the aligned block.
     */
    public int takeFreeBlock(long pfn, int order, boolean movable) {
        long head = freeBlockHead(pfn);
        if (head < 0) {
            return -1;
        }
        int hidx = mm.index(head);
        int f = mm.flags(hidx);
        int high = f & MemMap.ORDER_MASK;
        if (high < order || (pfn & ((1L << order) - 1)) != 0) {
            return -1;
        }
        int mt = MemMap.buddyMt(f);
        delPageFromFreeList(hidx, high);
        int target = mm.index(pfn);
        int page = hidx;
        int size = 1 << high;
        while (high > order) {
            high--;
            size >>>= 1;
            int buddy;
            if (target >= page + size) {
                buddy = page;
                page += size;
            } else {
                buddy = page + size;
            }
            addToFreeList(buddy, high, mt);
        }
        if (mt != types.isolate()) {
            modFreepageState(-(1L << order), mt);
        }
        mm.setFlags(target, MemMap.allocatedFlags(movable, order));
        return mt;
    }

    /**
     * Models the state post_alloc_hook() leaves: [pfn, pfn + 2^order) becomes one allocated block headed at
     * {@code pfn}; heads of allocated blocks inside it become tail pages. Free and per-CPU pages inside must have
     * been taken off their lists first ({@link #takeFreeBlock}, {@link PerCpuPages#takePcpPage}); reserved pages
     * stay reserved.
     */
    public void markAllocated(long pfn, int order, boolean movable) {
        int idx = mm.index(pfn);
        mm.ensureSections(idx, 1L << order);
        for (int i = idx + 1; i < idx + (1 << order); i++) {
            int st = mm.flags(i) & 0xf0;
            if (st == MemMap.ST_ALLOCATED || st == MemMap.ST_ALLOCATED_MOVABLE) {
                mm.setFlags(i, 0);
            }
        }
        mm.setFlags(idx, MemMap.allocatedFlags(movable, order));
    }

    /**
     * Models __free_pages_ok(FPI_TO_TAIL) as make_alloc_exact() frees the pages past an alloc_pages_exact()
     * request: the allocated block goes straight back to the buddy, merging, and what it becomes joins the tail of
     * its free list, so it is handed out last.
     */
    public void freeOnePageToTail(long pfn, int order, int mt) {
        Buddy.freeOnePage(this, mm.index(pfn), order, mt, true);
    }

    /**
     * Models free_one_page(): an allocated block goes straight back to the buddy (__free_one_page, merging) with
     * migratetype {@code mt}, as __free_pages_ok and the Isolate path of free_unref_page do.
     */
    public void freeOnePage(long pfn, int order, int mt) {
        Buddy.freeOnePage(this, mm.index(pfn), order, mt, false);
    }

    /** Models move_to_free_list() for the free block headed by {@code pfn}: to the tail of list {@code mt}. */
    public void moveFreeBlock(long pfn, int mt) {
        int idx = mm.index(pfn);
        int f = mm.flags(idx);
        if (MemMap.isBuddy(f) && MemMap.buddyMt(f) != mt) {
            moveToFreeList(idx, f & MemMap.ORDER_MASK, mt);
        }
    }

    // ---- free list primitives ------------------------------------------------------------------------------

    /** add_to_free_list(): head insertion, PageBuddy and order set, nr_free++. */
    void addToFreeList(int idx, int order, int mt) {
        int li = order * nrTypes + mt;
        LinkSpace ls = linksByOrder[order];
        int h = freeHead[li];
        ls.set(idx, LinkSpace.NIL, h);
        if (h == LinkSpace.NIL) {
            freeTail[li] = idx;
        } else {
            ls.setPrev(h, idx);
        }
        freeHead[li] = idx;
        freeLen[li]++;
        nrFree[order]++;
        mm.setFlags(idx, MemMap.buddyFlags(order, mt));
    }

    /** add_to_free_list_tail(): tail insertion. */
    void addToFreeListTail(int idx, int order, int mt) {
        int li = order * nrTypes + mt;
        LinkSpace ls = linksByOrder[order];
        int t = freeTail[li];
        ls.set(idx, t, LinkSpace.NIL);
        if (t == LinkSpace.NIL) {
            freeHead[li] = idx;
        } else {
            ls.setNext(t, idx);
        }
        freeTail[li] = idx;
        freeLen[li]++;
        nrFree[order]++;
        mm.setFlags(idx, MemMap.buddyFlags(order, mt));
    }

    private void unlink(int idx, int order, int li) {
        LinkSpace ls = linksByOrder[order];
        int p = ls.prev(idx);
        int n = ls.next(idx);
        if (p == LinkSpace.NIL) {
            freeHead[li] = n;
        } else {
            ls.setNext(p, n);
        }
        if (n == LinkSpace.NIL) {
            freeTail[li] = p;
        } else {
            ls.setPrev(n, p);
        }
        freeLen[li]--;
    }

    /** del_page_from_free_list(): unlinks a buddy head, clears PageBuddy, nr_free--. */
    void delPageFromFreeList(int idx, int order) {
        int mt = MemMap.buddyMt(mm.flags(idx));
        unlink(idx, order, order * nrTypes + mt);
        nrFree[order]--;
        mm.setFlags(idx, 0);
    }

    /** move_to_free_list(): moves a buddy head to the tail of another migratetype's list of the same order. */
    void moveToFreeList(int idx, int order, int mt) {
        int old = MemMap.buddyMt(mm.flags(idx));
        unlink(idx, order, order * nrTypes + old);
        nrFree[order]--;
        addToFreeListTail(idx, order, mt);
    }

    /** get_page_from_free_area(): the head of a list, or -1. */
    int freeAreaHead(int order, int mt) {
        return freeHead[order * nrTypes + mt];
    }

    /** free_area_empty(). */
    boolean freeAreaEmpty(int order, int mt) {
        return freeHead[order * nrTypes + mt] == LinkSpace.NIL;
    }

    /** __mod_zone_freepage_state(): NR_FREE_PAGES, and NR_FREE_CMA_PAGES for a CMA migratetype. */
    void modFreepageState(long nrPages, int mt) {
        nrFreePages += nrPages;
        if (mt == types.cma()) {
            nrFreeCmaPages += nrPages;
        }
    }

    @Override
    public String toString() {
        return "Node " + node.nid() + " zone " + name();
    }
}
