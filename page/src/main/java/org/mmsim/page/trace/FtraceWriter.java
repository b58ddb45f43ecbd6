package org.mmsim.page.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.mmsim.page.GfpNames;
import org.mmsim.page.Node;
import org.mmsim.page.PageAllocTracer;
import org.mmsim.page.Zone;

/**
 * The one writer of mmsim's ftrace lines: every tracepoint of the page allocator, reclaim and compaction comes
 * here as a typed call and is printed with the TP_printk format of Linux 6.1's include/trace/events/kmem.h,
 * vmscan.h or compaction.h, after a header laid out as {@link FtraceLayout} says. An event is printed only when
 * it is enabled; the kernel threads kswapdN and kcompactdN print under their own comm and pid, every other event
 * under the {@link CurrentTask}.
 */
public final class FtraceWriter implements PageAllocTracer {
    /** VMEMMAP_START of x86_64 with 4-level paging and no KASLR. */
    public static final long X86_64_VMEMMAP = 0xffffea0000000000L;

    /** A writer with every event disabled, for runs that record no trace. */
    public static final FtraceWriter OFF = new FtraceWriter(FtraceLayout.TRACE_FILE, line -> {
    }, e -> false, () -> 0, () -> 0, 0, 0, null);

    private final FtraceLayout layout;
    private final Consumer<CharSequence> out;
    private final Predicate<String> enabled;
    private final IntSupplier cpu;
    private final LongSupplier nanos;
    private final long vmemmapBase;
    private final int pageblockOrder;
    private final CurrentTask task;
    private String comm = "mmsim";
    private int pid = 1;
    private final StringBuilder line = new StringBuilder(160);

    private FtraceWriter(FtraceLayout layout, Consumer<CharSequence> out, Predicate<String> enabled, IntSupplier cpu,
            LongSupplier nanos, long vmemmapBase, int pageblockOrder, CurrentTask task) {
        this.layout = layout;
        this.out = out;
        this.enabled = enabled;
        this.cpu = cpu;
        this.nanos = nanos;
        this.vmemmapBase = vmemmapBase;
        this.pageblockOrder = pageblockOrder;
        this.task = task;
    }

    /**
     * A writer of every event to {@code out}, one line each, in the {@link FtraceLayout#PAGEALLOC_POSTPROCESS}
     * layout; cpu and clock (nanoseconds) are read per event, the task is the one last given to
     * {@link #setTask}.
     */
    public FtraceWriter(Appendable out, IntSupplier cpu, LongSupplier nanos, long vmemmapBase, int pageblockOrder) {
        this(FtraceLayout.PAGEALLOC_POSTPROCESS, line -> append(out, line), e -> true, cpu, nanos, vmemmapBase,
                pageblockOrder, null);
    }

    /**
     * A writer of the events in {@code enabled} to {@code lines}, one call per line without its newline, in the
     * {@link FtraceLayout#TRACE_FILE} layout; events outside a kernel thread print under {@code task}.
     */
    public static FtraceWriter traceFile(Consumer<String> lines, Set<String> enabled, IntSupplier cpu,
            LongSupplier nanos, int pageblockOrder, CurrentTask task) {
        return new FtraceWriter(FtraceLayout.TRACE_FILE, l -> lines.accept(l.toString()), enabled::contains, cpu,
                nanos, X86_64_VMEMMAP, pageblockOrder, task);
    }

    private static void append(Appendable out, CharSequence line) {
        try {
            out.append(line).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The task shown in the header of events outside kernel threads when no {@link CurrentTask} was given. */
    public void setTask(String comm, int pid) {
        this.comm = comm;
        this.pid = pid;
    }

    /** Whether the event of this name is printed. */
    public boolean enabled(String event) {
        return enabled.test(event);
    }

    /** The pid the model gives kswapdN. */
    public static int kswapdPid(int nid) {
        return 40 + nid;
    }

    /** The pid the model gives kcompactdN. */
    public static int kcompactdPid(int nid) {
        return 50 + nid;
    }

    // ---- header and common fields --------------------------------------------------------------------------

    /** Starts the line of an event fired in the current task, or returns null when the event is disabled. */
    private StringBuilder head(String event) {
        if (!enabled.test(event)) {
            return null;
        }
        return task == null ? head(event, comm, pid) : head(event, task.comm(), task.pid());
    }

    /** Starts the line of an event fired in the kernel thread (comm, pid), or null when it is disabled. */
    private StringBuilder headIn(String event, String threadComm, int threadPid) {
        return enabled.test(event) ? head(event, threadComm, threadPid) : null;
    }

    private StringBuilder head(String event, String c, int p) {
        line.setLength(0);
        if (layout == FtraceLayout.PAGEALLOC_POSTPROCESS) {
            String commPid = c + "-" + p;
            pad(commPid, 16, ' ').append(commPid).append(" [");
        } else {
            String shown = c.length() > 15 ? c.substring(0, 15) : c;
            pad(shown, 16, ' ').append(shown).append('-');
            String ps = Integer.toString(p);
            line.append(ps);
            for (int i = ps.length(); i < 7; i++) {
                line.append(' ');
            }
            line.append(" [");
        }
        String cs = Integer.toString(cpu.getAsInt());
        pad(cs, 3, '0').append(cs).append("] ");
        if (layout == FtraceLayout.TRACE_FILE) {
            line.append("..... ");
        }
        long ns = nanos.getAsLong();
        String sec = Long.toString(ns / 1_000_000_000L);
        pad(sec, 5, ' ').append(sec).append('.');
        String us = Long.toString((ns / 1000) % 1_000_000L);
        pad(us, 6, '0').append(us);
        return line.append(": ").append(event).append(": ");
    }

    private StringBuilder pad(String s, int width, char c) {
        for (int i = s.length(); i < width; i++) {
            line.append(c);
        }
        return line;
    }

    /** "page=%p pfn=0x%lx"; a failed allocation (pfn -1) prints a null page and pfn 0. */
    private StringBuilder page(StringBuilder b, long pfn) {
        if (pfn < 0) {
            return b.append("page=0000000000000000 pfn=0x0");
        }
        if (layout == FtraceLayout.TRACE_FILE) {
            b.append("page=(____ptrval____)");
        } else {
            String p = Long.toHexString(vmemmapBase + pfn * 64);
            b.append("page=");
            pad(p, 16, '0').append(p);
        }
        return b.append(" pfn=0x").append(Long.toHexString(pfn));
    }

    /** A zone name as "%-8s" prints it. */
    private static StringBuilder zone(StringBuilder b, String name) {
        b.append(name);
        for (int i = name.length(); i < 8; i++) {
            b.append(' ');
        }
        return b;
    }

    private void emit() {
        out.accept(line);
    }

    // ---- kmem.h --------------------------------------------------------------------------------------------

    @Override
    public void mmPageAlloc(long pfn, int order, int gfpFlags, int migratetype) {
        StringBuilder b = head("mm_page_alloc");
        if (b != null) {
            page(b, pfn).append(" order=").append(order).append(" migratetype=").append(migratetype)
                    .append(" gfp_flags=").append(GfpNames.format(gfpFlags));
            emit();
        }
    }

    @Override
    public void mmPageFree(long pfn, int order) {
        StringBuilder b = head("mm_page_free");
        if (b != null) {
            page(b, pfn).append(" order=").append(order);
            emit();
        }
    }

    @Override
    public void mmPageFreeBatched(long pfn) {
        StringBuilder b = head("mm_page_free_batched");
        if (b != null) {
            page(b, pfn).append(" order=0");
            emit();
        }
    }

    @Override
    public void mmPageAllocZoneLocked(long pfn, int order, int migratetype, boolean percpuRefill) {
        StringBuilder b = head("mm_page_alloc_zone_locked");
        if (b != null) {
            page(b, pfn).append(" order=").append(order).append(" migratetype=").append(migratetype)
                    .append(" percpu_refill=").append(percpuRefill ? 1 : 0);
            emit();
        }
    }

    @Override
    public void mmPagePcpuDrain(long pfn, int order, int migratetype) {
        StringBuilder b = head("mm_page_pcpu_drain");
        if (b != null) {
            page(b, pfn).append(" order=").append(order).append(" migratetype=").append(migratetype);
            emit();
        }
    }

    @Override
    public void mmPageAllocExtfrag(long pfn, int allocOrder, int fallbackOrder, int allocMigratetype,
            int fallbackMigratetype, boolean changeOwnership) {
        StringBuilder b = head("mm_page_alloc_extfrag");
        if (b != null) {
            page(b, pfn).append(" alloc_order=").append(allocOrder).append(" fallback_order=").append(fallbackOrder)
                    .append(" pageblock_order=").append(pageblockOrder)
                    .append(" alloc_migratetype=").append(allocMigratetype)
                    .append(" fallback_migratetype=").append(fallbackMigratetype)
                    .append(" fragmenting=").append(fallbackOrder < pageblockOrder ? 1 : 0)
                    .append(" change_ownership=").append(changeOwnership ? 1 : 0);
            emit();
        }
    }

    // ---- vmscan.h ------------------------------------------------------------------------------------------

    /** vmscan:mm_vmscan_direct_reclaim_begin, from try_to_free_pages(). */
    public void vmscanDirectReclaimBegin(int order, int gfp) {
        StringBuilder b = head("mm_vmscan_direct_reclaim_begin");
        if (b != null) {
            b.append("order=").append(order).append(" gfp_flags=").append(GfpNames.format(gfp));
            emit();
        }
    }

    /** vmscan:mm_vmscan_direct_reclaim_end. */
    public void vmscanDirectReclaimEnd(long nrReclaimed) {
        StringBuilder b = head("mm_vmscan_direct_reclaim_end");
        if (b != null) {
            b.append("nr_reclaimed=").append(nrReclaimed);
            emit();
        }
    }

    /** vmscan:mm_vmscan_wakeup_kswapd, from wakeup_kswapd(). */
    public void vmscanWakeupKswapd(int nid, int order, int gfp) {
        StringBuilder b = head("mm_vmscan_wakeup_kswapd");
        if (b != null) {
            b.append("nid=").append(nid).append(" order=").append(order).append(" gfp_flags=")
                    .append(GfpNames.format(gfp));
            emit();
        }
    }

    /** vmscan:mm_vmscan_kswapd_wake, from kswapd() before balance_pgdat(); fired in kswapdN. */
    public void vmscanKswapdWake(int nid, int order) {
        StringBuilder b = headIn("mm_vmscan_kswapd_wake", "kswapd" + nid, kswapdPid(nid));
        if (b != null) {
            b.append("nid=").append(nid).append(" order=").append(order);
            emit();
        }
    }

    /** vmscan:mm_vmscan_kswapd_sleep, from kswapd_try_to_sleep(); fired in kswapdN. */
    public void vmscanKswapdSleep(int nid) {
        StringBuilder b = headIn("mm_vmscan_kswapd_sleep", "kswapd" + nid, kswapdPid(nid));
        if (b != null) {
            b.append("nid=").append(nid);
            emit();
        }
    }

    // ---- compaction.h --------------------------------------------------------------------------------------

    /** compaction:mm_compaction_isolate_migratepages, the pfn range [startPfn, endPfn) one block scan covered. */
    public void compactionIsolateMigratepages(long startPfn, long endPfn, long nrScanned, long nrTaken) {
        StringBuilder b = head("mm_compaction_isolate_migratepages");
        if (b != null) {
            b.append("range=(0x").append(Long.toHexString(startPfn)).append(" ~ 0x").append(Long.toHexString(endPfn))
                    .append(") nr_scanned=").append(nrScanned).append(" nr_taken=").append(nrTaken);
            emit();
        }
    }

    /** compaction:mm_compaction_begin, from compact_zone() once the scanners are placed. */
    public void compactionBegin(long zoneStart, long migratePfn, long freePfn, long zoneEnd, boolean sync) {
        StringBuilder b = head("mm_compaction_begin");
        if (b != null) {
            scanners(b, zoneStart, migratePfn, freePfn, zoneEnd, sync);
            emit();
        }
    }

    /** compaction:mm_compaction_end, from compact_zone(); status is the COMPACT_* result's trace name. */
    public void compactionEnd(long zoneStart, long migratePfn, long freePfn, long zoneEnd, boolean sync,
            String status) {
        StringBuilder b = head("mm_compaction_end");
        if (b != null) {
            scanners(b, zoneStart, migratePfn, freePfn, zoneEnd, sync).append(" status=").append(status);
            emit();
        }
    }

    private static StringBuilder scanners(StringBuilder b, long zoneStart, long migratePfn, long freePfn,
            long zoneEnd, boolean sync) {
        return b.append("zone_start=0x").append(Long.toHexString(zoneStart)).append(" migrate_pfn=0x")
                .append(Long.toHexString(migratePfn)).append(" free_pfn=0x").append(Long.toHexString(freePfn))
                .append(" zone_end=0x").append(Long.toHexString(zoneEnd)).append(", mode=")
                .append(sync ? "sync" : "async");
    }

    /** compaction:mm_compaction_try_to_compact_pages, from try_to_compact_pages(). */
    public void compactionTryToCompactPages(int order, int gfp, int priority) {
        StringBuilder b = head("mm_compaction_try_to_compact_pages");
        if (b != null) {
            b.append("order=").append(order).append(" gfp_mask=").append(GfpNames.format(gfp)).append(" priority=")
                    .append(priority);
            emit();
        }
    }

    /** compaction:mm_compaction_suitable, from compaction_suitable(); status is the result's trace name. */
    public void compactionSuitable(Zone z, int order, String status) {
        StringBuilder b = head("mm_compaction_suitable");
        if (b != null) {
            b.append("node=").append(z.node().nid()).append(" zone=");
            zone(b, z.name()).append(" order=").append(order).append(" ret=").append(status);
            emit();
        }
    }

    /** compaction:mm_compaction_deferred, from compaction_deferred() when it defers. */
    public void compactionDeferred(Zone z, int order, int orderFailed, int considered, int deferShift) {
        defer("mm_compaction_deferred", z, order, orderFailed, considered, deferShift);
    }

    /** compaction:mm_compaction_defer_compaction, from defer_compaction(). */
    public void compactionDeferCompaction(Zone z, int order, int orderFailed, int considered, int deferShift) {
        defer("mm_compaction_defer_compaction", z, order, orderFailed, considered, deferShift);
    }

    /** compaction:mm_compaction_defer_reset, from compaction_defer_reset(). */
    public void compactionDeferReset(Zone z, int order, int orderFailed, int considered, int deferShift) {
        defer("mm_compaction_defer_reset", z, order, orderFailed, considered, deferShift);
    }

    private void defer(String event, Zone z, int order, int orderFailed, int considered, int deferShift) {
        StringBuilder b = head(event);
        if (b != null) {
            b.append("node=").append(z.node().nid()).append(" zone=");
            zone(b, z.name()).append(" order=").append(order).append(" order_failed=").append(orderFailed)
                    .append(" consider=").append(considered).append(" limit=").append(1L << deferShift);
            emit();
        }
    }

    /** compaction:mm_compaction_wakeup_kcompactd, from wakeup_kcompactd(); classzone is highest_zoneidx. */
    public void compactionWakeupKcompactd(Node node, int order, int highestZoneidx) {
        StringBuilder b = head("mm_compaction_wakeup_kcompactd");
        if (b != null) {
            kcompactdFields(b, node, order, highestZoneidx);
            emit();
        }
    }

    /** compaction:mm_compaction_kcompactd_wake, from kcompactd_do_work(); fired in kcompactdN. */
    public void compactionKcompactdWake(Node node, int order, int highestZoneidx) {
        int nid = node.nid();
        StringBuilder b = headIn("mm_compaction_kcompactd_wake", "kcompactd" + nid, kcompactdPid(nid));
        if (b != null) {
            kcompactdFields(b, node, order, highestZoneidx);
            emit();
        }
    }

    /** "nid order classzone_idx", the zone of highestZoneidx printed by name (clamped to the node's zones). */
    private static void kcompactdFields(StringBuilder b, Node node, int order, int highestZoneidx) {
        Zone[] zones = node.zones();
        b.append("nid=").append(node.nid()).append(" order=").append(order).append(" classzone_idx=");
        zone(b, zones[Math.min(Math.max(highestZoneidx, 0), zones.length - 1)].name());
    }

    /** compaction:mm_compaction_kcompactd_sleep, from kcompactd(); fired in kcompactdN. */
    public void compactionKcompactdSleep(int nid) {
        StringBuilder b = headIn("mm_compaction_kcompactd_sleep", "kcompactd" + nid, kcompactdPid(nid));
        if (b != null) {
            b.append("nid=").append(nid);
            emit();
        }
    }
}
