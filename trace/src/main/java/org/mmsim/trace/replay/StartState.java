package org.mmsim.trace.replay;

import java.util.Map;
import org.mmsim.page.Machine;
import org.mmsim.page.MemMap;
import org.mmsim.page.PerCpuPages;
import org.mmsim.page.Zone;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceReader;

/**
 * The start state of a replay that begins after boot, at a trace marker whose /proc snapshot is known. The
 * kernel's buddyinfo gives free blocks only as counts per zone and order, never their pfns, so the start state is
 * derived in three steps, and pfn-level agreement from it is limited to what the trace itself shows:
 * <ol>
 * <li>The trace from the marker is read once ahead (a pre-scan): the first event on each page says what the page
 * was at the marker: free in the buddy when it is an mm_page_alloc_zone_locked or mm_page_alloc, allocated when
 * it is an mm_page_free or mm_page_free_batched, on a per-CPU list when it is an mm_page_pcpu_drain.</li>
 * <li>The model's own boot (from the machine's dmesg) is the frame: every page its boot left free is taken off the
 * free lists; the pages the pre-scan found free are freed again (merging as __free_one_page does), those found on
 * a per-CPU list are put on one.</li>
 * <li>Pages the trace never touches keep an unknown state; of those the boot had free, blocks are freed, largest
 * order first, until each zone's count per order reaches the snapshot's, each block freed only where its buddy is
 * not free (so it does not merge). What is still short is the start's residual error.</li>
 * </ol>
 */
public final class StartState {
    /** Pre-scan states, one byte per page. */
    private static final byte UNTOUCHED = 0;
    private static final byte FREE = 1;
    private static final byte ALLOCATED = 2;
    private static final byte PCP = 3;

    private final long basePfn;
    private final byte[] first;
    private long touchedFree;
    private long touchedAllocated;
    private long touchedPcp;
    private long filled;

    private StartState(long basePfn, int pages) {
        this.basePfn = basePfn;
        this.first = new byte[pages];
    }

    /**
     * Prepares {@code machine} (booted, nothing replayed yet) for a replay of {@code reader}'s events after the
     * marker {@code startMarker} (null: from the first event), matched to the kernel's {@code buddyinfo} at that
     * marker. Reads the reader to its end; the replay opens the trace again.
     */
    public static StartState prepare(Machine machine, TraceReader reader, String startMarker,
            Map<String, long[]> buddyinfo) {
        long lo = PfnSpan.start(machine);
        StartState s = new StartState(lo, (int) (PfnSpan.end(machine) - lo));
        s.prescan(reader, startMarker);
        s.apply(machine, buddyinfo);
        return s;
    }

    /**
     * Prepares {@code machine} (booted, nothing replayed yet) for a replay of a trace that is complete from
     * trace_init() in start_kernel(), when the events were switched on. What was free then (mm/mm_init.c,
     * mm/page_alloc.c 6.1): memblock_free_all() had given the buddy every free page below each node's
     * first_deferred_pfn, without a tracepoint; the pages above it wait for deferred_init_memmap() (pgdatinit),
     * whose frees are in the trace; mm_init() and the set-up up to trace_init() (slab caches, ftrace, the ring
     * buffer) had already allocated some of the free pages, and those allocations are not. So: a page the trace
     * touches starts as its first event says (as in {@link #prepare}); a page it never touches keeps the state
     * the model's boot gave it below {@code firstDeferredPfn} of its node, and starts allocated (not yet
     * initialised) at or above it; the boot's free lists keep their order where nothing changes.
     * The pages mm_init() allocated that stay allocated to the end (the ring buffer above all) are the start's
     * residual: free in the model, allocated in the kernel.
     */
    public static StartState atTraceInit(Machine machine, TraceReader reader, long[] firstDeferredPfn) {
        long lo = PfnSpan.start(machine);
        StartState s = new StartState(lo, (int) (PfnSpan.end(machine) - lo));
        s.prescan(reader, null);
        s.applyAtTraceInit(machine, firstDeferredPfn);
        return s;
    }

    private void prescan(TraceReader reader, String startMarker) {
        TraceEvent e = new TraceEvent();
        boolean started = startMarker == null;
        while (reader.next(e)) {
            if (!started) {
                started = TraceReplay.isMarker(e, startMarker);
                continue;
            }
            switch (e.kind) {
                case MM_PAGE_ALLOC_ZONE_LOCKED, MM_PAGE_ALLOC -> mark(e.pfn, e.order, FREE);
                case MM_PAGE_FREE -> mark(e.pfn, e.order, ALLOCATED);
                case MM_PAGE_FREE_BATCHED -> mark(e.pfn, 0, ALLOCATED);
                case MM_PAGE_PCPU_DRAIN -> mark(e.pfn, e.order, PCP);
                default -> {
                }
            }
        }
    }

    private void mark(long pfn, int order, byte state) {
        if (pfn < basePfn || order < 0) {
            return;
        }
        long end = Math.min(pfn + (1L << order), basePfn + first.length);
        for (long p = pfn; p < end; p++) {
            int i = (int) (p - basePfn);
            if (first[i] == UNTOUCHED) {
                first[i] = state;
            }
        }
    }

    private void apply(Machine machine, Map<String, long[]> buddyinfo) {
        byte[] bootFree = new byte[first.length];
        for (Zone z : machine.zones()) {
            if (!z.populated()) {
                continue;
            }
            takeAllFree(z, bootFree);
        }
        for (Zone z : machine.zones()) {
            if (!z.populated()) {
                continue;
            }
            MemMap mm = z.node().memMap();
            for (long p = z.zoneStartPfn(); p < z.zoneEndPfn(); p++) {
                int i = (int) (p - basePfn);
                if (first[i] == FREE && mm.isAllocatedHead(p)) {
                    z.freeOnePage(p, 0, z.getPageblockMigratetype(p));
                    touchedFree++;
                } else if (first[i] == PCP && mm.isAllocatedHead(p)) {
                    PerCpuPages.putPcpPage(z, 0, p, 0, z.getPageblockMigratetype(p), false);
                    touchedPcp++;
                } else if (first[i] == ALLOCATED) {
                    touchedAllocated++;
                }
            }
            long[] want = buddyinfo == null ? null : buddyinfo.get(z.name());
            if (want != null) {
                fill(z, want, bootFree);
            }

        }
    }

    /** Takes every free block of the zone off its list, page by page, remembering which pages were free. */
    private void takeAllFree(Zone z, byte[] bootFree) {
        for (int o = z.node().arch().maxOrder() - 1; o >= 0; o--) {
            for (int mt = 0; mt < z.migrateTypes().count(); mt++) {
                for (long head : z.freeList(o, mt)) {
                    z.takeFreeBlock(head, o, false);
                    for (long p = head; p < head + (1L << o); p++) {
                        bootFree[(int) (p - basePfn)] = 1;
                        if (p != head) {
                            z.markAllocated(p, 0, false);
                        }
                    }
                    z.markAllocated(head, 0, false);
                }
            }
        }
    }

    /** Step 3: frees untouched boot-free blocks, largest order first, until the counts reach {@code want}. */
    private void fill(Zone z, long[] want, byte[] bootFree) {
        MemMap mm = z.node().memMap();
        int maxOrder = Math.min(want.length, z.node().arch().maxOrder());
        for (int o = maxOrder - 1; o >= 0; o--) {
            long size = 1L << o;
            long start = (z.zoneStartPfn() + size - 1) & ~(size - 1);
            for (long h = start; h + size <= z.zoneEndPfn() && z.nrFree(o) < want[o]; h += size) {
                if (!freeable(h, size, bootFree)) {
                    continue;
                }
                long buddy = h ^ size;
                if (o < maxOrder - 1 && mm.isBuddy(buddy) && mm.order(buddy) == o) {
                    continue;
                }
                for (long p = h; p < h + size; p++) {
                    first[(int) (p - basePfn)] = FREE;
                }
                z.markAllocated(h, o, false);
                z.freeOnePage(h, o, z.getPageblockMigratetype(h));
                filled += size;
            }
        }
    }

    /**
     * The start at trace_init(): the boot's free lists stay as they are (their order is memblock_free_all()'s,
     * blocks added at the tail) except where the trace says otherwise; pages the first event finds allocated or
     * on a per-CPU list, and every page at or above the deferred boundary that the trace does not first
     * allocate, are taken off them; pages the first event allocates that the boot holds allocated are freed.
     */
    private void applyAtTraceInit(Machine machine, long[] firstDeferredPfn) {
        for (Zone z : machine.zones()) {
            if (!z.populated()) {
                continue;
            }
            MemMap mm = z.node().memMap();
            long limit = firstDeferredPfn[z.node().nid()];
            for (long p = z.zoneStartPfn(); p < z.zoneEndPfn(); p++) {
                byte state = first[(int) (p - basePfn)];
                boolean free = z.freeBlockHead(p) >= 0;
                boolean wantFree = state == FREE || state == UNTOUCHED && p < limit && free;
                if (free && !wantFree) {
                    z.takeFreeBlock(p, 0, false);
                } else if (!free && state == FREE && mm.isAllocatedHead(p)) {
                    z.freeOnePage(p, 0, z.getPageblockMigratetype(p));
                }
                if (state == FREE) {
                    touchedFree++;
                } else if (state == ALLOCATED) {
                    touchedAllocated++;
                } else if (state == PCP && mm.isAllocatedHead(p)) {
                    PerCpuPages.putPcpPage(z, 0, p, 0, z.getPageblockMigratetype(p), false);
                    touchedPcp++;
                } else if (state == UNTOUCHED && wantFree) {
                    filled++;
                }
            }
        }
    }

    private boolean freeable(long h, long size, byte[] bootFree) {
        for (long p = h; p < h + size; p++) {
            int i = (int) (p - basePfn);
            if (first[i] != UNTOUCHED || bootFree[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /** Pages the trace first allocates (free at the marker). */
    public long touchedFree() {
        return touchedFree;
    }

    /** Pages the trace first frees (allocated at the marker). */
    public long touchedAllocated() {
        return touchedAllocated;
    }

    /** Pages the trace first drains from a per-CPU list. */
    public long touchedPcp() {
        return touchedPcp;
    }

    /** Untouched pages freed to match the snapshot's counts, or (at trace_init()) left free below the deferred boundary. */
    public long filled() {
        return filled;
    }
}
