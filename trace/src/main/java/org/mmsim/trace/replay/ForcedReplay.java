package org.mmsim.trace.replay;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.page.Fallback;
import org.mmsim.page.Machine;
import org.mmsim.page.MemMap;
import org.mmsim.page.MigrateType;
import org.mmsim.page.PerCpuPages;
import org.mmsim.page.Zone;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceEventKind;

/**
 * Forced replay: every page event of a kernel trace applies the kernel's own decision to the model's machine, and
 * the model checks, event by event, that the decision is possible in the state it holds. What each event says
 * (mm/page_alloc.c 6.1):
 * <ul>
 * <li>mm_page_alloc_zone_locked (__rmqueue_smallest): the block at pfn left the buddy free lists of its
 * migratetype, split by expand(); with percpu_refill it went to the tail of the CPU's per-CPU list
 * (rmqueue_bulk), without it straight to the caller (rmqueue_buddy).</li>
 * <li>mm_page_alloc (__alloc_pages): the block was handed out: taken off the CPU's list when the model has it
 * there (rmqueue_pcplist), otherwise it must be the block the last mm_page_alloc_zone_locked took.</li>
 * <li>mm_page_free (free_pages_prepare) and mm_page_free_batched (free_unref_page_list): an allocated block
 * comes back: to the head of the CPU's list for pcp_allowed_order() orders outside Isolate pageblocks
 * (free_unref_page_commit), to the buddy otherwise (__free_pages_ok, free_one_page); the frees of the deferred
 * struct page initialisation (pgdatinit, __free_pages_core) go to the buddy whatever their order.</li>
 * <li>mm_page_pcpu_drain (free_pcppages_bulk): the page left the per-CPU list for the buddy, merging
 * (__free_one_page) under the migratetype the event gives.</li>
 * <li>mm_page_alloc_extfrag (__rmqueue_fallback after steal_suitable_fallback): the free block at pfn moved to
 * the allocation's migratetype; with change_ownership its pageblock took that migratetype and the block's free
 * pages moved (move_freepages_block); a block of pageblock order or more changes all its pageblocks
 * (change_pageblock_range).</li>
 * </ul>
 * A free of part of an allocated block is what split_page() (no tracepoint) makes possible: the model splits
 * the block and does not count it. Order-0 frees of the pages of a block the event just before allocated, in
 * order, are make_alloc_exact() returning what an alloc_pages_exact() did not need: __free_pages_ok(FPI_TO_TAIL),
 * straight to the buddy at the tail of the free list, not to a per-CPU list. Compaction's free scanner takes free blocks with no kmem event; its
 * mm_compaction_isolate_freepages events say where and how many, and the model takes the same blocks. Every other contradiction is an {@link Inconsistency}: counted, the first
 * {@code maxExamples} kept with their line, and then the kernel's decision is applied anyway, so that one
 * disagreement does not cascade.
 *
 * <p>The first-touch rule: when replay starts after boot, the model's start state is a guess, so every page
 * starts "unknown". The first event that touches a page resolves it: the state the event implies (free before an
 * allocation, allocated before a free, on a per-CPU list before a drain) is taken as the page's start state,
 * forced silently where the model held otherwise, and counted in {@link #resolvedByFirstTouch()}. Only events
 * on pages already resolved can be inconsistent.
 */
public final class ForcedReplay implements ReplaySink {
    private final Machine machine;
    private final int maxExamples;
    private final int pageblockOrder;
    private final long basePfn;
    private final long[] resolved;
    private final long[] counts = new long[Inconsistency.values().length];
    private final List<InconsistencyExample> examples = new ArrayList<>();
    private long pendingPfn = -1;
    private long events;
    private long resolvedByFirstTouch;
    private long splitsInferred;
    private long freesOfPcpPages;
    private long allocsFromPcp;
    private long allocsFromBuddy;
    private long extfrag;
    private long extfragOwnership;
    private long failedAllocs;
    private long batchedCommits;
    private long isolatedFreepages;
    private long bulkTaken;
    /**
     * The block the last event allocated (mm_page_alloc of order > 0) while only order-0 frees of its pages have
     * followed, and the next page such a free must be: make_alloc_exact() frees an alloc_pages_exact() block's
     * unused pages, in order to its end, straight after allocating it.
     */
    private long exactHead = -1;
    private long exactNext = -1;
    private long exactTails;
    private final boolean inferBulk;
    private boolean asyncCompaction;
    private int freeScanStride = 1;

    /**
     * Forced replay on {@code machine} as it stands, every page unknown; keeps the first {@code maxExamples}. The
     * machine's pageblock migratetypes are taken as the kernel's (a start from the model's own boot), so untraced
     * bulk allocations are inferred from the per-CPU lists ({@link #takeBulkAhead}).
     */
    public ForcedReplay(Machine machine, int maxExamples) {
        this(machine, maxExamples, true);
    }

    /**
     * Forced replay as {@link #ForcedReplay(Machine, int)}; with {@code pageblocksKnown} false (a start state
     * guessed after boot, {@link StartState#prepare}) the pageblock migratetypes, and so which per-CPU list a
     * freed page joins, are guesses, and no untraced bulk allocation is inferred from the lists.
     */
    public ForcedReplay(Machine machine, int maxExamples, boolean pageblocksKnown) {
        this.inferBulk = pageblocksKnown;
        this.machine = machine;
        this.maxExamples = maxExamples;
        this.pageblockOrder = machine.arch().pageblockOrder();
        this.basePfn = PfnSpan.start(machine) & ~63L;
        this.resolved = new long[(int) ((Math.max(PfnSpan.end(machine) - basePfn, 0) + 63) >>> 6)];
    }

    /** The machine replayed on. */
    public Machine machine() {
        return machine;
    }

    /** Applies one event; events that are not page events are ignored. */
    @Override
    public void apply(TraceEvent e) {
        if (e.kind == TraceEventKind.MM_PAGE_ALLOC) {
            exactHead = e.order > 0 ? e.pfn : -1;
            exactNext = -1;
        } else if (e.kind != TraceEventKind.MM_PAGE_FREE || e.order != 0) {
            exactHead = -1;
        }
        switch (e.kind) {
            case MM_PAGE_ALLOC_ZONE_LOCKED -> zoneLocked(e);
            case MM_PAGE_ALLOC -> alloc(e);
            case MM_PAGE_FREE -> free(e, e.order);
            case MM_PAGE_FREE_BATCHED -> freeBatched(e);
            case MM_PAGE_PCPU_DRAIN -> drain(e);
            case MM_PAGE_ALLOC_EXTFRAG -> extfrag(e);
            case COMPACTION -> {
                compaction(e);
                return;
            }
            default -> {
                return;
            }
        }
        events++;
    }

    private void zoneLocked(TraceEvent e) {
        Zone z = zone(e, e.pfn);
        if (z == null) {
            return;
        }
        long pfn = e.pfn;
        int order = e.order;
        boolean known = isResolved(pfn);
        long head = z.freeBlockHead(pfn);
        int mt = -1;
        if (head >= 0) {
            MemMap mm = z.node().memMap();
            if (known && (head != pfn || mm.order(head) < order)) {
                inconsistent(e, Inconsistency.WRONG_ORDER, mm.order(head));
            }
            mt = z.takeFreeBlock(pfn, order, e.migratetype == MigrateType.MOVABLE);
        }
        if (mt < 0) {
            contradiction(e, known, z.node().memMap().isOnPcp(pfn) ? Inconsistency.TAKE_OF_PCP_PAGE
                    : Inconsistency.ALLOC_OF_ALLOCATED);
            forceAllocated(z, e.cpu, pfn, order, e.migratetype == MigrateType.MOVABLE);
        } else if (known && mt != e.migratetype && e.migratetype >= 0) {
            inconsistent(e, Inconsistency.MIGRATETYPE, -1);
        }
        resolve(pfn, order);
        if (e.percpuRefill) {
            PerCpuPages.putPcpPage(z, cpu(e), pfn, order, e.migratetype, true);
            pendingPfn = -1;
        } else {
            pendingPfn = pfn;
        }
    }

    private void alloc(TraceEvent e) {
        if (e.pfn < 0) {
            failedAllocs++;
            return;
        }
        Zone z = zone(e, e.pfn);
        if (z == null) {
            return;
        }
        long pfn = e.pfn;
        int order = e.order;
        MemMap mm = z.node().memMap();
        boolean known = isResolved(pfn);
        boolean movable = e.migratetype == MigrateType.MOVABLE;
        if (mm.isOnPcp(pfn)) {
            if (known && mm.order(pfn) != order) {
                inconsistent(e, Inconsistency.WRONG_ORDER, mm.order(pfn));
            }
            if (inferBulk) {
                takeBulkAhead(z, cpu(e), pfn);
            }
            PerCpuPages.takePcpPage(z, cpu(e), pfn, movable);
            z.markAllocated(pfn, order, movable);
            allocsFromPcp++;
        } else if (pfn == pendingPfn && mm.isAllocatedHead(pfn)) {
            if (mm.order(pfn) != order) {
                inconsistent(e, Inconsistency.WRONG_ORDER, mm.order(pfn));
                z.markAllocated(pfn, order, movable);
            }
            allocsFromBuddy++;
        } else {
            boolean free = z.freeBlockHead(pfn) >= 0;
            contradiction(e, known, free ? Inconsistency.ALLOC_WITHOUT_TAKE : Inconsistency.ALLOC_OF_ALLOCATED);
            forceAllocated(z, e.cpu, pfn, order, movable);
            if (free) {
                allocsFromBuddy++;
            }
        }
        pendingPfn = -1;
        resolve(pfn, order);
    }

    /**
     * __rmqueue_pcplist() hands out the head of its list, so pages the model has ahead of the kernel's page were
     * taken before it without an mm_page_alloc: __alloc_pages_bulk() (vmalloc areas, kernel stacks) takes pages
     * off the list with no tracepoint. Those pages are taken as allocated, each resolved, and counted
     * ({@link #bulkTaken()}); their frees later are then frees of allocated pages. Only pages a traced event put
     * on the list count: the order of pages a start state put there is a guess. A page that joined a list of
     * another migratetype in the kernel (its pageblock's type differs in the model) would look bulk-taken too, so
     * the inference is made only where the pageblock types are the kernel's.
     */
    private void takeBulkAhead(Zone z, int cpu, long pfn) {
        MemMap mm = z.node().memMap();
        for (long ahead : PerCpuPages.pagesAhead(z, cpu, pfn)) {
            if (isResolved(ahead)) {
                PerCpuPages.takePcpPage(z, cpu, ahead, mm.pcpMigratetype(ahead) == MigrateType.MOVABLE);
                bulkTaken++;
            }
        }
    }

    private void free(TraceEvent e, int order) {
        Zone z = zone(e, e.pfn);
        if (z == null) {
            return;
        }
        long pfn = e.pfn;
        MemMap mm = z.node().memMap();
        boolean known = isResolved(pfn);
        long head = allocatedHead(mm, z, pfn);
        boolean expected = head == pfn && mm.order(pfn) == order;
        boolean exactTail = order == 0 && exactHead >= 0
                && (exactNext >= 0 ? pfn == exactNext && expected : head == exactHead && !expected);
        if (!expected && head >= 0 && mm.order(head) > order) {
            machine.splitPage(head, mm.order(head));
            splitsInferred++;
            if (order > 0) {
                z.markAllocated(pfn, order, (mm.pageFlags(pfn) & 0xf0) == MOVABLE_HEAD);
            }
        } else if (!expected) {
            boolean onPcp = mm.isOnPcp(pfn);
            if (known && onPcp) {
                freesOfPcpPages++;
            }
            if (head >= 0) {
                if (known) {
                    inconsistent(e, Inconsistency.WRONG_ORDER, mm.order(head));
                }
            } else {
                contradiction(e, known, onPcp ? Inconsistency.FREE_OF_PCP_PAGE : Inconsistency.FREE_OF_FREE);
            }
            forceAllocated(z, e.cpu, pfn, order, false);
        }
        resolve(pfn, order);
        int mt = z.getPageblockMigratetype(pfn);
        if (exactTail) {
            exactNext = pfn + 1;
            exactTails++;
            z.freeOnePageToTail(pfn, 0, mt);
            return;
        }
        boolean pcpOrder = order <= PAGE_ALLOC_COSTLY_ORDER || order == pageblockOrder;
        if (pcpOrder && mt != machine.migrateTypes().isolate() && !isDeferredInit(e)) {
            PerCpuPages.putPcpPage(z, cpu(e), pfn, order, mt, false);
        } else {
            z.freeOnePage(pfn, order, mt);
        }
    }

    /**
     * Whether the free is deferred_init_memmap()'s, by its kernel thread (kthread_run(..., "pgdatinit%d", nid)):
     * deferred_free_range() hands each range to __free_pages_core(), which frees through __free_pages_ok()
     * straight to the buddy, never to a per-CPU list.
     */
    static boolean isDeferredInit(TraceEvent e) {
        return e.comm != null && e.comm.startsWith(DEFERRED_INIT_COMM);
    }

    /** The name of deferred_init_memmap()'s kernel threads, before the node number. */
    private static final String DEFERRED_INIT_COMM = "pgdatinit";

    /**
     * mm_page_free_batched: in 6.1 free_unref_page_list() fires mm_page_free for every page first (in
     * free_pages_prepare) and mm_page_free_batched when it commits the page to the per-CPU list, so a page the
     * model already put on a list at its mm_page_free is where it belongs; one still allocated is freed now.
     */
    private void freeBatched(TraceEvent e) {
        Zone z = zone(e, e.pfn);
        if (z != null && z.node().memMap().isOnPcp(e.pfn)) {
            batchedCommits++;
            return;
        }
        free(e, 0);
    }

    private void drain(TraceEvent e) {
        Zone z = zone(e, e.pfn);
        if (z == null) {
            return;
        }
        long pfn = e.pfn;
        MemMap mm = z.node().memMap();
        boolean known = isResolved(pfn);
        int mt = e.migratetype >= 0 ? e.migratetype : z.getPageblockMigratetype(pfn);
        if (mm.isOnPcp(pfn)) {
            if (known && mm.order(pfn) != e.order) {
                inconsistent(e, Inconsistency.WRONG_ORDER, mm.order(pfn));
            }
            PerCpuPages.drainPcpPage(z, cpu(e), pfn, mt);
        } else {
            contradiction(e, known, Inconsistency.DRAIN_NOT_ON_PCP);
            forceAllocated(z, e.cpu, pfn, e.order, false);
            z.freeOnePage(pfn, e.order, mt);
        }
        resolve(pfn, e.order);
    }

    private void extfrag(TraceEvent e) {
        Zone z = zone(e, e.pfn);
        if (z == null) {
            return;
        }
        extfrag++;
        long pfn = e.pfn;
        int allocMt = e.migratetype;
        MemMap mm = z.node().memMap();
        if (isResolved(pfn)) {
            if (!mm.isBuddy(pfn) || mm.order(pfn) != e.fallbackOrder) {
                inconsistent(e, Inconsistency.WRONG_ORDER, mm.isBuddy(pfn) ? mm.order(pfn) : -1);
            } else if (e.fallbackMigratetype >= 0 && mm.buddyListType(pfn) != e.fallbackMigratetype) {
                inconsistent(e, Inconsistency.MIGRATETYPE, -1);
            }
        }
        if (allocMt < 0) {
            return;
        }
        if (e.fallbackOrder >= pageblockOrder) {
            for (long p = pfn; p < pfn + (1L << e.fallbackOrder); p += 1L << pageblockOrder) {
                z.setPageblockMigratetype(p, allocMt);
            }
            z.moveFreeBlock(pfn, allocMt);
            extfragOwnership++;
        } else if (e.changeOwnership) {
            Fallback.moveFreepagesBlock(z, pfn, allocMt);
            z.setPageblockMigratetype(pfn, allocMt);
            extfragOwnership++;
        } else {
            z.moveFreeBlock(pfn, allocMt);
        }
    }

    /**
     * mm_compaction_begin says the mode (the free scanner strides COMPACT_CLUSTER_MAX pages in async mode, one
     * otherwise); mm_compaction_isolate_freepages is applied ({@link #isolateFreepages}); other compaction
     * events change no page's state.
     */
    private void compaction(TraceEvent e) {
        if (e.name == null) {
            return;
        }
        if (e.name.equals("mm_compaction_begin")) {
            asyncCompaction = e.text != null && e.text.contains("mode=async");
        }
        if (!e.name.equals(FreeScan.EVENT)) {
            freeScanStride = asyncCompaction ? COMPACT_CLUSTER_MAX : 1;
            return;
        }
        FreeScan scan = FreeScan.parse(e.text);
        Zone z = scan == null ? null : zone(e, scan.startPfn());
        if (z == null) {
            return;
        }
        events++;
        isolateFreepages(e, z, scan);
    }

    /**
     * Models isolate_freepages_block() as the event reports it: from startPfn towards endPfn, every pfn the
     * scanner visits (one in every stride, past each isolated block and each compound page) that heads a free
     * buddy block gives the whole block (__isolate_free_page), until nrTaken pages are taken. The stride is
     * isolate_freepages()'s: COMPACT_CLUSTER_MAX in async mode and 1 otherwise at the start of each call (the
     * events of one call come with no other compaction event between them), then 1 after a pageblock that gave
     * pages and doubled, up to COMPACT_CLUSTER_MAX, after one that gave none. The pages become order-0 allocated movable pages (split_map_pages: post_alloc_hook, split_page),
     * migration targets that come back as frees (release_freepages, or later from their new owners). No kmem
     * event shows any of this. Fewer free pages than nrTaken in the range is an
     * {@link Inconsistency#ISOLATE_SHORT}.
     */
    private void isolateFreepages(TraceEvent e, Zone z, FreeScan scan) {
        MemMap mm = z.node().memMap();
        long stride = freeScanStride;
        long taken = 0;
        long end = Math.min(scan.endPfn(), z.zoneEndPfn());
        for (long p = scan.startPfn(); p < end && taken < scan.nrTaken(); p += stride) {
            if (z.freeBlockHead(p) == p) {
                int order = mm.order(p);
                z.takeFreeBlock(p, order, true);
                for (long q = p; q < p + (1L << order); q++) {
                    z.markAllocated(q, 0, true);
                }
                resolve(p, order);
                taken += 1L << order;
                p += (1L << order) - 1;
            } else if (mm.isAllocatedHead(p) && mm.order(p) > 0) {
                p += (1L << mm.order(p)) - 1;
            }
        }
        isolatedFreepages += taken;
        freeScanStride = scan.nrTaken() > 0 ? 1 : Math.min(COMPACT_CLUSTER_MAX, freeScanStride << 1);
        if (taken != scan.nrTaken()) {
            inconsistent(e, Inconsistency.ISOLATE_SHORT, -1);
        }
    }

    /** COMPACT_CLUSTER_MAX (SWAP_CLUSTER_MAX), the async free scanner's stride. */
    private static final int COMPACT_CLUSTER_MAX = 32;

    /** The flags state of the head of an allocated block counted as movable (see {@link MemMap}). */
    private static final int MOVABLE_HEAD = 0x30;

    /** PAGE_ALLOC_COSTLY_ORDER, the highest order pcp_allowed_order() lets on the lists besides the THP order. */
    private static final int PAGE_ALLOC_COSTLY_ORDER = 3;

    /**
     * Makes [pfn, pfn + 2^order) one allocated block whatever the model held there: free blocks inside it (or
     * the one holding it) leave the buddy, per-CPU pages leave their lists, allocated blocks are absorbed.
     */
    private void forceAllocated(Zone z, int cpu, long pfn, int order, boolean movable) {
        MemMap mm = z.node().memMap();
        long end = pfn + (1L << order);
        long head = allocatedHead(mm, z, pfn);
        if (head >= 0 && head != pfn) {
            machine.splitPage(head, mm.order(head));
        }
        for (long p = pfn; p < end; ) {
            long fh = z.freeBlockHead(p);
            if (fh >= 0) {
                int fo = mm.order(fh);
                int take = fh < pfn || fh + (1L << fo) > end ? 0 : fo;
                z.takeFreeBlock(p, take, movable);
                p += 1L << take;
            } else if (mm.isOnPcp(p)) {
                int po = mm.order(p);
                PerCpuPages.takePcpPage(z, Math.max(cpu, 0), p, movable);
                p += 1L << po;
            } else {
                p++;
            }
        }
        z.markAllocated(pfn, order, movable);
    }

    /** The head of the allocated block holding pfn (compound_head in the model's terms), or -1. */
    private static long allocatedHead(MemMap mm, Zone z, long pfn) {
        for (int o = 0; o <= MAX_ORDER_SEARCH; o++) {
            long head = pfn & ~((1L << o) - 1);
            if (head < z.zoneStartPfn()) {
                return -1;
            }
            if (mm.isAllocatedHead(head)) {
                return mm.order(head) >= o ? head : -1;
            }
            if (mm.isBuddy(head) || mm.isOnPcp(head)) {
                return -1;
            }
        }
        return -1;
    }

    /** The highest order an allocated block can have (MAX_ORDER - 1 on every architecture the model knows). */
    private static final int MAX_ORDER_SEARCH = 10;

    private Zone zone(TraceEvent e, long pfn) {
        Zone z = pfn < 0 ? null : machine.zoneOf(pfn);
        if (z == null) {
            inconsistent(e, Inconsistency.OUTSIDE, -1);
        }
        return z;
    }

    private int cpu(TraceEvent e) {
        return e.cpu >= 0 && e.cpu < machine.nrCpus() ? e.cpu : 0;
    }

    private boolean isResolved(long pfn) {
        long i = pfn - basePfn;
        return i >= 0 && (i >>> 6) < resolved.length && (resolved[(int) (i >>> 6)] & (1L << i)) != 0;
    }

    private void resolve(long pfn, int order) {
        long end = pfn + (1L << Math.max(order, 0));
        for (long p = pfn; p < end; p++) {
            long i = p - basePfn;
            if (i >= 0 && (i >>> 6) < resolved.length) {
                resolved[(int) (i >>> 6)] |= 1L << i;
            }
        }
    }

    /** A state the event contradicts: an inconsistency on a resolved page, the first-touch rule on an unknown one. */
    private void contradiction(TraceEvent e, boolean known, Inconsistency kind) {
        if (known) {
            inconsistent(e, kind, -1);
        } else {
            resolvedByFirstTouch++;
        }
    }

    private void inconsistent(TraceEvent e, Inconsistency kind, int modelOrder) {
        counts[kind.ordinal()]++;
        if (examples.size() < maxExamples) {
            examples.add(new InconsistencyExample(e.position, e.name != null ? e.name : e.kind.eventName(), e.pfn,
                    e.order, kind, modelOrder));
        }
    }

    /** Page events and compaction free-scanner events (mm_compaction_isolate_freepages) applied. */
    public long events() {
        return events;
    }

    /** Inconsistencies of one kind. */
    public long count(Inconsistency kind) {
        return counts[kind.ordinal()];
    }

    /** All inconsistencies. */
    public long inconsistencies() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /** The first inconsistencies, in trace order. */
    public List<InconsistencyExample> examples() {
        return List.copyOf(examples);
    }

    /** Events whose page was unknown and took the state the event implies (the first-touch rule). */
    public long resolvedByFirstTouch() {
        return resolvedByFirstTouch;
    }

    /** Frees of part of an allocated block, explained by split_page() (which has no tracepoint). */
    public long splitsInferred() {
        return splitsInferred;
    }

    /**
     * Of the inconsistent frees, those of a page the model holds on a per-CPU list: a double free, or a page that
     * __alloc_pages_bulk() (vmalloc's vm_area_alloc_pages() among others) took off the list through
     * __rmqueue_pcplist(), which fires no mm_page_alloc; the trace cannot tell the two apart.
     */
    public long freesOfPcpPages() {
        return freesOfPcpPages;
    }

    /** mm_page_alloc events served from a per-CPU list in the model's state. */
    public long allocsFromPcp() {
        return allocsFromPcp;
    }

    /** mm_page_alloc events served straight from the buddy (rmqueue_buddy). */
    public long allocsFromBuddy() {
        return allocsFromBuddy;
    }

    /** mm_page_alloc_extfrag events, and of them those that changed a pageblock's migratetype. */
    public long extfragEvents() {
        return extfrag;
    }

    /** mm_page_alloc_extfrag events that took pageblock ownership. */
    public long extfragOwnershipChanges() {
        return extfragOwnership;
    }

    /** Pages an alloc_pages_exact() gave back at once, freed to the buddy's list tails ({@link #free}). */
    public long exactTails() {
        return exactTails;
    }

    /** Per-CPU pages taken without an event ahead of a page the kernel allocated ({@link #takeBulkAhead}). */
    public long bulkTaken() {
        return bulkTaken;
    }

    /** Pages compaction's free scanner isolated (mm_compaction_isolate_freepages), taken by the model too. */
    public long isolatedFreepages() {
        return isolatedFreepages;
    }

    /** mm_page_free_batched events that found their page on a per-CPU list already (freed by its mm_page_free). */
    public long batchedCommits() {
        return batchedCommits;
    }

    /** mm_page_alloc events of failed allocations (no page). */
    public long failedAllocs() {
        return failedAllocs;
    }
}
