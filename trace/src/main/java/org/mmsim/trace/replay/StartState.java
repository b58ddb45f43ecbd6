package org.mmsim.trace.replay;

import java.util.Map;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.MemMap;
import org.mmsim.page.MigrateType;
import org.mmsim.page.PerCpuPages;
import org.mmsim.page.Zone;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.proc.Pageset;
import org.mmsim.proc.ZoneInfo;
import org.mmsim.proc.ZoneInfoNode;
import org.mmsim.proc.ZoneInfoZone;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceEventKind;
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
 * A trace complete from trace_init() starts instead from the model's boot to mem_init() ({@link #atTraceInit}),
 * with the allocations no event shows made by the model's allocator.
 */
public final class StartState {
    /** Pre-scan states, one byte per page. */
    private static final byte UNTOUCHED = 0;
    private static final byte FREE = 1;
    private static final byte ALLOCATED = 2;
    private static final byte PCP = 3;
    /** A pageblock whose first event was a fallback steal, or whose take asked for no per-CPU type. */
    private static final byte NO_TYPE = -1;

    private final long basePfn;
    private final byte[] first;
    private long touchedFree;
    private long touchedAllocated;
    private long touchedPcp;
    private long filled;
    /** Per pageblock, at trace_init() only: 1 + the migratetype its first buddy take asked for, or NO_TYPE. */
    private byte[] blockType;
    private int pageblockShift;
    private long retyped;
    private boolean snapshotMarkerSeen;
    private long untraced;
    private long freedToMatch;
    private long takenToMatch;
    private long allocatedBeforeSnapshot;
    private long freedBeforeSnapshot;

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
        s.prescan(reader, startMarker, null);
        s.apply(machine, buddyinfo);
        return s;
    }

    /**
     * Prepares the machine of {@code memInit} ({@link MemoryInit#bootToMemInit}: the state right after mem_init(),
     * deferred memory not yet free, boot pagesets) for a replay of a trace that is complete from trace_init() in
     * start_kernel(), when the events were switched on. Between the two the kernel made allocations no event
     * shows: the rest of mm_init() (slab and page-table set-up), ftrace_init()'s records, early_trace_init()'s
     * ring buffer (trace_buf_size per CPU, one page per 4080 bytes, and a kmalloc'd page descriptor each),
     * sched_init() and the other set-up before trace_init(). Their total is known: the kernel's free and per-CPU
     * pages at {@code snapshotMarker} ({@code kernelFreeAtMarker}, from the zoneinfo taken there) less the pages
     * the trace frees before it, plus those it allocates. The model makes that many order-0 GFP_KERNEL allocations
     * through its own allocator, as the kernel made them with its boot pagesets, then corrects the pages the
     * trace contradicts: a page the trace first allocates is freed if the model took it, a page the trace first
     * frees is taken if the model left it free.
     */
    public static StartState atTraceInit(BootedMachine memInit, TraceReader reader, String snapshotMarker,
            long kernelFreeAtMarker) {
        Machine machine = memInit.machine();
        long lo = PfnSpan.start(machine);
        StartState s = new StartState(lo, (int) (PfnSpan.end(machine) - lo));
        s.pageblockShift = machine.arch().pageblockOrder();
        s.blockType = new byte[(int) ((PfnSpan.end(machine) >> s.pageblockShift) - (lo >> s.pageblockShift) + 1)];
        s.prescan(reader, null, snapshotMarker);
        long kernelFree = kernelFreeAtMarker - s.freedBeforeSnapshot + s.allocatedBeforeSnapshot;
        s.untraced = Math.max(0, machine.nrFreePages() - kernelFree);
        for (long i = 0; i < s.untraced; i++) {
            if (machine.allocPages(Gfp.GFP_KERNEL, 0) < 0) {
                s.untraced = i;
                break;
            }
        }
        s.correctToTrace(machine);
        s.retypeBlocks(machine);
        return s;
    }

    /** The free and per-CPU pages of every zone in a kernel's zoneinfo ("pages free" plus each pageset's count). */
    public static long freeAndPerCpu(ZoneInfo zoneinfo) {
        long n = 0;
        for (ZoneInfoNode node : zoneinfo.nodes()) {
            for (ZoneInfoZone z : node.zones()) {
                n += z.pagesFree();
                for (Pageset p : z.pagesets()) {
                    n += p.count();
                }
            }
        }
        return n;
    }

    /**
     * Reads the trace from {@code startMarker} (null: its first event), noting each page's first event; until
     * {@code snapshotMarker} (when not null) it also sums the pages allocated and freed.
     */
    private void prescan(TraceReader reader, String startMarker, String snapshotMarker) {
        TraceEvent scratch = new TraceEvent();
        boolean started = startMarker == null;
        boolean counting = snapshotMarker != null;
        for (TraceEvent e = reader.nextEvent(scratch); e != null; e = reader.nextEvent(scratch)) {
            if (!started) {
                started = TraceReplay.isMarker(e, startMarker);
                continue;
            }
            if (counting) {
                count(e);
                counting = !TraceReplay.isMarker(e, snapshotMarker);
                snapshotMarkerSeen = !counting;
            }
            if (blockType != null) {
                noteBlockType(e);
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
     * The pageblock's type at trace_init(), where the trace shows it: __rmqueue_smallest() takes from the list
     * of the migratetype asked for (mm_page_alloc_zone_locked prints it), and a free page is on the list of its
     * pageblock's type, so the first take from a pageblock names the type, unless a fallback steal
     * (mm_page_alloc_extfrag) came first and changed it.
     */
    private void noteBlockType(TraceEvent e) {
        if (e.pfn < basePfn || (e.kind != TraceEventKind.MM_PAGE_ALLOC_ZONE_LOCKED
                && e.kind != TraceEventKind.MM_PAGE_ALLOC_EXTFRAG)) {
            return;
        }
        int pb = (int) ((e.pfn >> pageblockShift) - (basePfn >> pageblockShift));
        if (pb >= blockType.length || blockType[pb] != 0) {
            return;
        }
        boolean typed = e.kind == TraceEventKind.MM_PAGE_ALLOC_ZONE_LOCKED && e.migratetype >= 0
                && e.migratetype < MigrateType.PCPTYPES;
        blockType[pb] = typed ? (byte) (e.migratetype + 1) : NO_TYPE;
    }

    /**
     * Gives every pageblock whose type the trace shows ({@link #noteBlockType}) that type, its free blocks moving
     * to that type's lists: the kernel's untraced allocations before trace_init() were not all unmovable
     * (reclaimable slab caches steal pageblocks too), and the model made them all GFP_KERNEL.
     */
    private void retypeBlocks(Machine machine) {
        for (Zone z : machine.zones()) {
            if (!z.populated()) {
                continue;
            }
            long size = 1L << pageblockShift;
            long first = z.zoneStartPfn() & ~(size - 1);
            for (long b = first; b < z.zoneEndPfn(); b += size) {
                int pb = (int) ((b >> pageblockShift) - (basePfn >> pageblockShift));
                int want = blockType[pb] - 1;
                long at = Math.max(b, z.zoneStartPfn());
                if (blockType[pb] <= 0 || z.getPageblockMigratetype(at) == want) {
                    continue;
                }
                z.setPageblockMigratetype(at, want);
                retyped++;
                for (long p = at; p < Math.min(b + size, z.zoneEndPfn()); p++) {
                    if (z.freeBlockHead(p) == p) {
                        z.moveFreeBlock(p, want);
                    }
                }
            }
        }
    }

    private void count(TraceEvent e) {
        if (e.kind == TraceEventKind.MM_PAGE_ALLOC && e.pfn >= 0 && e.order >= 0) {
            allocatedBeforeSnapshot += 1L << e.order;
        } else if (e.kind == TraceEventKind.MM_PAGE_FREE && e.order >= 0) {
            freedBeforeSnapshot += 1L << e.order;
        }
    }

    /**
     * After the untraced allocations: every page whose first event contradicts the model's state is put right
     * (freed when the trace first allocates it, taken when the trace first frees it), and every page's first
     * state is counted.
     */
    private void correctToTrace(Machine machine) {
        for (Zone z : machine.zones()) {
            if (!z.populated()) {
                continue;
            }
            MemMap mm = z.node().memMap();
            for (long p = z.zoneStartPfn(); p < z.zoneEndPfn(); p++) {
                byte state = first[(int) (p - basePfn)];
                boolean free = z.freeBlockHead(p) >= 0;
                if (state == FREE) {
                    touchedFree++;
                    if (!free && mm.isAllocatedHead(p) && mm.order(p) == 0) {
                        z.freeOnePage(p, 0, z.getPageblockMigratetype(p));
                        freedToMatch++;
                    }
                } else if (state == ALLOCATED) {
                    touchedAllocated++;
                    if (free) {
                        z.takeFreeBlock(p, 0, false);
                        takenToMatch++;
                    }
                } else if (state == PCP) {
                    touchedPcp++;
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

    /** Untouched pages freed to match the snapshot's counts. */
    public long filled() {
        return filled;
    }

    /** The allocations before trace_init() that no event shows, made by the model's allocator. */
    public long untraced() {
        return untraced;
    }

    /** Whether the trace held the snapshot marker {@link #atTraceInit} counted up to. */
    public boolean snapshotMarkerSeen() {
        return snapshotMarkerSeen;
    }

    /** Pageblocks whose type the trace showed to differ from the model's at trace_init(), and changed. */
    public long retyped() {
        return retyped;
    }

    /** Pages the trace first allocates that the untraced allocations had taken, freed again. */
    public long freedToMatch() {
        return freedToMatch;
    }

    /** Pages the trace first frees that the untraced allocations had left free, taken. */
    public long takenToMatch() {
        return takenToMatch;
    }
}
