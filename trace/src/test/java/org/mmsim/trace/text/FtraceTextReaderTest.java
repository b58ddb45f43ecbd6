package org.mmsim.trace.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceEventKind;

/**
 * The three text forms, line by line. The trace-cmd lines are copied from {@code trace-cmd report} (3.1.6) of a
 * real 6.1 recording; the trace-file lines from the x86_64-4G-trace oracle case; the rest are built by hand from
 * kmem.h's TP_printk formats and trace_print_context()'s columns.
 */
class FtraceTextReaderTest {
    private static final String HEADER = """
            # tracer: nop
            #
            # entries-in-buffer/entries-written: 3/10   #P:2
            #
            #                                _-----=> irqs-off/BH-disabled
            #                               / _----=> need-resched
            #                              | / _---=> hardirq/softirq
            #                              || / _--=> preempt-depth
            #                              ||| / _-=> migrate-disable
            #                              |||| /     delay
            #           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION
            #              | |         |   |||||     |         |
            """;

    private static FtraceTextReader reader(String text, boolean lenient) {
        return new FtraceTextReader("t.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), lenient);
    }

    @Test
    void theTraceFileWithItsHeader() {
        try (FtraceTextReader r = reader(HEADER + """
                            frag-500     [000] d..3.    21.127992: mm_page_alloc_zone_locked: \
                page=(____ptrval____) pfn=0x524c9 order=0 migratetype=1 percpu_refill=1
                            frag-500     [000] .....    21.128032: mm_page_alloc: page=(____ptrval____) \
                pfn=0x524b9 order=0 migratetype=1 gfp_flags=GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO
                            tail-531     [001] ...2.    31.433309: mm_page_free_batched: page=00000000f7093293 \
                pfn=0x13a260 order=0
                """, false)) {
            TraceEvent e = new TraceEvent();
            assertThat(r.next(e)).isTrue();
            assertThat(e.position).isEqualTo(13);
            assertThat(e.kind).isEqualTo(TraceEventKind.MM_PAGE_ALLOC_ZONE_LOCKED);
            assertThat(e.comm).isEqualTo("frag");
            assertThat(e.pid).isEqualTo(500);
            assertThat(e.cpu).isZero();
            assertThat(e.timeNs).isEqualTo(21_127_992_000L);
            assertThat(e.pfn).isEqualTo(0x524c9);
            assertThat(e.order).isZero();
            assertThat(e.migratetype).isEqualTo(1);
            assertThat(e.percpuRefill).isTrue();

            assertThat(r.next(e)).isTrue();
            assertThat(e.kind).isEqualTo(TraceEventKind.MM_PAGE_ALLOC);
            assertThat(e.pfn).isEqualTo(0x524b9);
            assertThat(e.gfpText).isEqualTo("GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO");
            // gfp_types.h (6.1): GFP_HIGHUSER_MOVABLE = GFP_USER | __GFP_HIGHMEM | __GFP_MOVABLE
            // = 0x400 | 0x800 | 0x40 | 0x80 | 0x100000 | 0x02 | 0x08; __GFP_COMP 0x40000, __GFP_ZERO 0x100
            assertThat(e.gfp).isEqualTo(0x100cca | 0x40000 | 0x100);

            assertThat(r.next(e)).isTrue();
            assertThat(e.kind).isEqualTo(TraceEventKind.MM_PAGE_FREE_BATCHED);
            assertThat(e.cpu).isEqualTo(1);
            assertThat(e.pfn).isEqualTo(0x13a260);
            assertThat(r.next(e)).isFalse();

            assertThat(r.entriesInBuffer()).isEqualTo(3);
            assertThat(r.entriesWritten()).isEqualTo(10);
            assertThat(r.lostEvents()).isEqualTo(7);
            assertThat(r.cpus()).isEqualTo(2);
            assertThat(r.events()).isEqualTo(3);
            assertThat(r.otherLines()).isEqualTo(12);
        }
    }

    @Test
    void traceCmdReportWithItsHeader() {
        try (FtraceTextReader r = reader("""
                version = 6
                CPU 2 is empty
                cpus=4
                           sleep-106   [001]     5.181824: kmalloc:              (alloc_bprm+0x32) \
                call_site=alloc_bprm+0x32 ptr=0xffff888005134000 bytes_req=416 bytes_alloc=512 \
                gfp_flags=GFP_KERNEL|__GFP_ZERO node=-1 accounted=false
                           sleep-106   [001]     5.181863: mm_page_alloc:        page=0xffffffff8241b130 \
                pfn=0x5a00 order=1 migratetype=0 gfp_flags=GFP_KERNEL_ACCOUNT|__GFP_ZERO
                           sleep-106   [001]     5.182400: kfree:                \
                (tomoyo_realpath_from_path+0x2f) call_site=tomoyo_realpath_from_path+0x2f ptr=(nil)
                       trace-cmd-104   [000]     5.184910: kmem_cache_free:      (rcu_do_batch+0x19a) \
                call_site=rcu_do_batch+0x19a ptr=0xffff888005b87800 name=filp
                              rm-108   [000]     5.948989: mm_page_pcpu_drain:   page=0xffffffff82427c0b \
                pfn=0x124db order=0 migratetype=1
                           sleep-106   [001]     6.122872: mm_compaction_begin:  zone_start=0x1 migrate_pfn=0x1 \
                free_pfn=0xe00 zone_end=0x1000, mode=sync
                           sleep-106   [001]     6.149694: print:                tracing_mark_write: oracle compacted
                """, false)) {
            TraceEvent e = new TraceEvent();
            assertThat(r.next(e)).isTrue();
            assertThat(r.version()).isEqualTo(6);
            assertThat(r.cpus()).isEqualTo(4);
            assertThat(e.position).isEqualTo(4);
            assertThat(e.kind).isEqualTo(TraceEventKind.KMALLOC);
            assertThat(e.comm).isEqualTo("sleep");
            assertThat(e.pid).isEqualTo(106);
            assertThat(e.cpu).isEqualTo(1);
            assertThat(e.timeNs).isEqualTo(5_181_824_000L);
            assertThat(e.callSite).as("a symbol, not an address").isZero();
            assertThat(e.ptr).isEqualTo(0xffff888005134000L);
            assertThat(e.bytesReq).isEqualTo(416);
            assertThat(e.bytesAlloc).isEqualTo(512);
            assertThat(e.gfpText).isEqualTo("GFP_KERNEL|__GFP_ZERO");
            assertThat(e.gfp).isEqualTo(0xcc0 | 0x100);
            assertThat(e.node).isEqualTo(-1);

            assertThat(r.next(e)).isTrue();
            assertThat(e.kind).isEqualTo(TraceEventKind.MM_PAGE_ALLOC);
            assertThat(e.pfn).isEqualTo(0x5a00);
            assertThat(e.order).isEqualTo(1);
            assertThat(e.migratetype).isZero();
            // GFP_KERNEL_ACCOUNT = GFP_KERNEL | __GFP_ACCOUNT (0x400000)
            assertThat(e.gfp).isEqualTo(0xcc0 | 0x400000 | 0x100);

            assertThat(r.next(e)).isTrue();
            assertThat(e.kind).isEqualTo(TraceEventKind.KFREE);
            assertThat(e.ptr).isZero();

            assertThat(r.next(e)).isTrue();
            assertThat(e.kind).isEqualTo(TraceEventKind.KMEM_CACHE_FREE);
            assertThat(e.comm).isEqualTo("trace-cmd");
            assertThat(e.pid).isEqualTo(104);
            assertThat(e.cpu).isZero();
            assertThat(e.ptr).isEqualTo(0xffff888005b87800L);

            assertThat(r.next(e)).isTrue();
            assertThat(e.kind).isEqualTo(TraceEventKind.MM_PAGE_PCPU_DRAIN);
            assertThat(e.pfn).isEqualTo(0x124db);
            assertThat(e.migratetype).isEqualTo(1);

            assertThat(r.next(e)).isTrue();
            assertThat(e.kind).isEqualTo(TraceEventKind.COMPACTION);
            assertThat(e.name).isEqualTo("mm_compaction_begin");
            assertThat(e.text).isEqualTo("zone_start=0x1 migrate_pfn=0x1 free_pfn=0xe00 zone_end=0x1000, mode=sync");

            assertThat(r.next(e)).isTrue();
            assertThat(e.kind).isEqualTo(TraceEventKind.MARKER);
            assertThat(e.name).isEqualTo("print");
            assertThat(e.text).isEqualTo("oracle compacted");
            assertThat(r.next(e)).isFalse();
            assertThat(r.otherLines()).isEqualTo(3);
        }
    }

    @Test
    void traceCmdReportKeepsTabsBetweenColumns() {
        try (FtraceTextReader r = reader(
                "     <idle>-0\t  [003] 158128.126641: kmalloc: call_site=81330635 ptr=0xffff88003c2fd000 "
                        + "bytes_req=2096 bytes_alloc=4096 gfp_flags=GFP_ATOMIC\n", false)) {
            TraceEvent e = new TraceEvent();
            assertThat(r.next(e)).isTrue();
            assertThat(e.comm).isEqualTo("<idle>");
            assertThat(e.pid).isZero();
            assertThat(e.cpu).isEqualTo(3);
            assertThat(e.callSite).isEqualTo(0x81330635L);
            assertThat(e.bytesReq).isEqualTo(2096);
        }
    }

    @Test
    void tracePipeHasNoHeaderAndTasksMayHoldSpacesAndDashes() {
        try (FtraceTextReader r = reader("""
                  Web Content-pool-2345 [002] d.... 100.000001: mm_page_free: page=0000000047da1701 pfn=0x105ff6 order=3
                         bash-1977    (   1977) [000] .....   100.000002: mm_page_free: page=(____ptrval____) pfn=4096 order=0
                  kworker/u8:2-88 [001] 100.000003: mm_vmscan_kswapd_wake: nid=0 order=0
                """, false)) {
            TraceEvent e = new TraceEvent();
            assertThat(r.next(e)).isTrue();
            assertThat(e.position).isEqualTo(1);
            assertThat(e.comm).isEqualTo("Web Content-pool");
            assertThat(e.pid).isEqualTo(2345);
            assertThat(e.cpu).isEqualTo(2);
            assertThat(e.pfn).isEqualTo(0x105ff6);
            assertThat(e.order).isEqualTo(3);

            assertThat(r.next(e)).as("a tgid column, and a pfn printed in decimal").isTrue();
            assertThat(e.comm).isEqualTo("bash");
            assertThat(e.pid).isEqualTo(1977);
            assertThat(e.pfn).isEqualTo(4096);

            assertThat(r.next(e)).as("no flags column").isTrue();
            assertThat(e.comm).isEqualTo("kworker/u8:2");
            assertThat(e.kind).isEqualTo(TraceEventKind.VMSCAN);
            assertThat(e.name).isEqualTo("mm_vmscan_kswapd_wake");
            assertThat(e.text).isEqualTo("nid=0 order=0");
            assertThat(r.next(e)).isFalse();
            assertThat(r.entriesWritten()).isEqualTo(-1);
            assertThat(r.lostEvents()).isZero();
        }
    }

    @Test
    void nanosecondTimeStampsAndLostEventLines() {
        try (FtraceTextReader r = reader("""
                 a-1 [000] 5.181512345: mm_page_free: page=(null) pfn=0x10 order=0
                CPU:0 [LOST 42 EVENTS]
                 a-1 [000] 7.000000001: mm_page_free: page=(null) pfn=0x11 order=0
                """, false)) {
            TraceEvent e = new TraceEvent();
            assertThat(r.next(e)).isTrue();
            assertThat(e.timeNs).isEqualTo(5_181_512_345L);
            assertThat(r.next(e)).isTrue();
            assertThat(e.timeNs).isEqualTo(7_000_000_001L);
            assertThat(e.position).isEqualTo(3);
            assertThat(r.lostEvents()).isEqualTo(42);
        }
    }

    @Test
    void theFallbackOfMmPageAllocExtfrag() {
        try (FtraceTextReader r = reader("""
                            frag-500     [000] d..3.    26.187756: mm_page_alloc_extfrag: page=000000009d046968 \
                pfn=0x105200 alloc_order=9 fallback_order=9 pageblock_order=9 alloc_migratetype=1 \
                fallback_migratetype=2 fragmenting=0 change_ownership=1
                """, false)) {
            TraceEvent e = new TraceEvent();
            assertThat(r.next(e)).isTrue();
            assertThat(e.kind).isEqualTo(TraceEventKind.MM_PAGE_ALLOC_EXTFRAG);
            assertThat(e.pfn).isEqualTo(0x105200);
            assertThat(e.order).isEqualTo(9);
            assertThat(e.fallbackOrder).isEqualTo(9);
            assertThat(e.migratetype).isEqualTo(1);
            assertThat(e.fallbackMigratetype).isEqualTo(2);
            assertThat(e.changeOwnership).isTrue();
        }
    }

    @Test
    void aFailedAllocationPrintsANullPageAndHasNoPfn() {
        try (FtraceTextReader r = reader("""
                            frag-500     [000] .....    29.210861: mm_page_alloc: page=0000000000000000 pfn=0x0 \
                order=9 migratetype=1 gfp_flags=GFP_TRANSHUGE_LIGHT|__GFP_NORETRY|__GFP_THISNODE
                """, false)) {
            TraceEvent e = new TraceEvent();
            assertThat(r.next(e)).isTrue();
            assertThat(e.pfn).isEqualTo(-1);
            assertThat(e.order).isEqualTo(9);
        }
    }

    @Test
    void gfpFlagsPrintedAsANumberAreKeptAsOne() {
        try (FtraceTextReader r = reader(
                " a-1 [000] 1.000000: mm_page_alloc: page=1 pfn=0x10 order=0 migratetype=0 gfp_flags=0x40cc0\n",
                false)) {
            TraceEvent e = new TraceEvent();
            assertThat(r.next(e)).isTrue();
            assertThat(e.gfp).isEqualTo(0x40cc0);
            assertThat(e.gfpText).isEqualTo("0x40cc0");
        }
    }

    @Test
    void otherEventsAreReadAndMarkedOther() {
        try (FtraceTextReader r = reader("""
                           sleep-106   [001]     5.182102: rss_stat:             mm_id=0 curr=0 type=MM_ANONPAGES size=4096B
                """, false)) {
            TraceEvent e = new TraceEvent();
            assertThat(r.next(e)).isTrue();
            assertThat(e.kind).isEqualTo(TraceEventKind.OTHER);
            assertThat(e.name).isEqualTo("rss_stat");
        }
    }

    @Test
    void aLenientReaderCountsAndSkipsMalformedLines() {
        try (FtraceTextReader r = reader("""
                 a-1 [000] 1.000000: mm_page_free: page=1 pfn=0x10 order=0
                 a-1 [000] 1.000001: mm_page_free: page=1 order=0
                garbage
                 a-1 [000] 0.500000: mm_page_free: page=1 pfn=0x12 order=0
                 a-1 [000] 1.000002: mm_page_free: page=1 pfn=0x13 order=0
                """, true)) {
            TraceEvent e = new TraceEvent();
            assertThat(r.next(e)).isTrue();
            assertThat(e.pfn).isEqualTo(0x10);
            assertThat(r.next(e)).isTrue();
            assertThat(e.pfn).isEqualTo(0x13);
            assertThat(e.position).isEqualTo(5);
            assertThat(r.next(e)).isFalse();
            assertThat(r.skipped()).isEqualTo(3);
        }
    }

    @Test
    void aStrictReaderStopsAtTheFirstMalformedLine() {
        try (FtraceTextReader r = reader("""
                 a-1 [000] 1.000000: mm_page_free: page=1 pfn=0x10 order=0
                 a-1 [000] 1.000001: mm_page_free: page=1 order=0
                """, false)) {
            TraceEvent e = new TraceEvent();
            assertThat(r.next(e)).isTrue();
            assertThatThrownBy(() -> r.next(e)).isInstanceOf(InputError.class)
                    .hasMessage("t.txt:2: mm_page_free without pfn");
        }
    }
}
