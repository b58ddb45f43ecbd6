package org.mmsim.page.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.mmsim.page.GfpNames;
import org.mmsim.page.PageAllocTracer;

/**
 * Writes the allocator's tracepoints as lines of the ftrace text buffer, with the TP_printk formats of
 * include/trace/events/kmem.h (6.1) and the header "COMM-PID [CPU] SECONDS.MICROS: EVENT: " that
 * {@code trace_options noirq-info} gives (the form Documentation/trace/postprocess/trace-pagealloc-postprocess.pl
 * parses). The page= field is the struct page address, vmemmap base + pfn * 64 (x86_64 4-level by default),
 * printed as %p prints an unhashed pointer (16 hex digits).
 */
public final class FtraceWriter implements PageAllocTracer {
    /** VMEMMAP_START of x86_64 with 4-level paging and no KASLR. */
    public static final long X86_64_VMEMMAP = 0xffffea0000000000L;

    private final Appendable out;
    private final IntSupplier cpu;
    private final LongSupplier nanos;
    private final long vmemmapBase;
    private final int pageblockOrder;
    private String commPid = "mmsim-1";
    private final StringBuilder line = new StringBuilder(160);

    /** A writer to {@code out}; cpu and clock (nanoseconds) are read per event. */
    public FtraceWriter(Appendable out, IntSupplier cpu, LongSupplier nanos, long vmemmapBase, int pageblockOrder) {
        this.out = out;
        this.cpu = cpu;
        this.nanos = nanos;
        this.vmemmapBase = vmemmapBase;
        this.pageblockOrder = pageblockOrder;
    }

    /** The task shown at the start of each line, "comm-pid". */
    public void setTask(String comm, int pid) {
        commPid = comm + "-" + pid;
    }

    private StringBuilder head(String event) {
        line.setLength(0);
        for (int i = commPid.length(); i < 16; i++) {
            line.append(' ');
        }
        line.append(commPid).append(" [");
        String c = Integer.toString(cpu.getAsInt());
        for (int i = c.length(); i < 3; i++) {
            line.append('0');
        }
        line.append(c).append("] ");
        long ns = nanos.getAsLong();
        String sec = Long.toString(ns / 1_000_000_000L);
        for (int i = sec.length(); i < 5; i++) {
            line.append(' ');
        }
        line.append(sec).append('.');
        String us = Long.toString((ns / 1000) % 1_000_000L);
        for (int i = us.length(); i < 6; i++) {
            line.append('0');
        }
        return line.append(us).append(": ").append(event).append(": ");
    }

    private StringBuilder page(long pfn) {
        if (pfn < 0) {
            return line.append("page=0000000000000000 pfn=0x0");
        }
        String p = Long.toHexString(vmemmapBase + pfn * 64);
        for (int i = p.length(); i < 16; i++) {
            line.append('0');
        }
        return line.append("page=").append(p).append(" pfn=0x").append(Long.toHexString(pfn));
    }

    private void emit() {
        try {
            out.append(line).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void mmPageAlloc(long pfn, int order, int gfpFlags, int migratetype) {
        head("mm_page_alloc");
        page(pfn).append(" order=").append(order).append(" migratetype=").append(migratetype)
                .append(" gfp_flags=").append(GfpNames.format(gfpFlags));
        emit();
    }

    @Override
    public void mmPageFree(long pfn, int order) {
        head("mm_page_free");
        page(pfn).append(" order=").append(order);
        emit();
    }

    @Override
    public void mmPageFreeBatched(long pfn) {
        head("mm_page_free_batched");
        page(pfn).append(" order=0");
        emit();
    }

    @Override
    public void mmPageAllocZoneLocked(long pfn, int order, int migratetype, boolean percpuRefill) {
        head("mm_page_alloc_zone_locked");
        page(pfn).append(" order=").append(order).append(" migratetype=").append(migratetype)
                .append(" percpu_refill=").append(percpuRefill ? 1 : 0);
        emit();
    }

    @Override
    public void mmPagePcpuDrain(long pfn, int order, int migratetype) {
        head("mm_page_pcpu_drain");
        page(pfn).append(" order=").append(order).append(" migratetype=").append(migratetype);
        emit();
    }

    @Override
    public void mmPageAllocExtfrag(long pfn, int allocOrder, int fallbackOrder, int allocMigratetype,
            int fallbackMigratetype, boolean changeOwnership) {
        head("mm_page_alloc_extfrag");
        page(pfn).append(" alloc_order=").append(allocOrder).append(" fallback_order=").append(fallbackOrder)
                .append(" pageblock_order=").append(pageblockOrder)
                .append(" alloc_migratetype=").append(allocMigratetype)
                .append(" fallback_migratetype=").append(fallbackMigratetype)
                .append(" fragmenting=").append(fallbackOrder < pageblockOrder ? 1 : 0)
                .append(" change_ownership=").append(changeOwnership ? 1 : 0);
        emit();
    }
}
