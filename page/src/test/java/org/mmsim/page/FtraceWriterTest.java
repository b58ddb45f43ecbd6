package org.mmsim.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mmsim.page.trace.CurrentTask;
import org.mmsim.page.trace.FtraceWriter;

/**
 * The trace-file layout of the one ftrace writer: the default header of a 6.1 trace file ("%16s-%-7d [%03d]
 * ..... %5lu.%06lu: ") and the TP_printk formats of include/trace/events/kmem.h, vmscan.h and compaction.h,
 * expected lines written out by hand from those formats.
 */
class FtraceWriterTest {
    private final List<String> lines = new ArrayList<>();
    private final Machine m = TestMachines.normalOnly(0x10000, 8192, 2, 12, 4);
    private final Zone normal = m.zones().stream().filter(Zone::populated).findFirst().orElseThrow();

    private FtraceWriter writer(String... enabled) {
        CurrentTask task = new CurrentTask() {
            @Override
            public String comm() {
                return "reader-with-a-long-name";
            }

            @Override
            public int pid() {
                return 1000;
            }
        };
        return FtraceWriter.traceFile(lines::add, Set.of(enabled), () -> 2, () -> 12_345_678_901L, 9, task);
    }

    @Test
    void currentTaskHeaderCutsTheCommTo15Characters() {
        writer("mm_compaction_begin").compactionBegin(0x1000, 0x1200, 0x3e00, 0x40000, false);
        assertThat(lines).containsExactly(" reader-with-a-l-1000    [002] .....    12.345678: mm_compaction_begin: "
                + "zone_start=0x1000 migrate_pfn=0x1200 free_pfn=0x3e00 zone_end=0x40000, mode=async");
    }

    @Test
    void kernelThreadsPrintUnderTheirOwnCommAndPid() {
        FtraceWriter w = writer("mm_vmscan_kswapd_sleep", "mm_compaction_kcompactd_sleep");
        w.vmscanKswapdSleep(0);
        w.compactionKcompactdSleep(1);
        assertThat(lines).containsExactly(
                "         kswapd0-40      [002] .....    12.345678: mm_vmscan_kswapd_sleep: nid=0",
                "      kcompactd1-51      [002] .....    12.345678: mm_compaction_kcompactd_sleep: nid=1");
    }

    @Test
    void disabledEventsPrintNothing() {
        FtraceWriter w = writer("mm_page_free");
        w.vmscanKswapdWake(0, 3);
        w.compactionEnd(0x1000, 0x1200, 0x3e00, 0x40000, true, "complete");
        w.mmPageAlloc(0x1234, 0, Gfp.GFP_KERNEL, 0);
        FtraceWriter.OFF.mmPageFree(0x1234, 0);
        assertThat(lines).isEmpty();
    }

    @Test
    void pagesPrintAsHashedPointersAndAFailedAllocationAsNull() {
        FtraceWriter w = writer("mm_page_alloc");
        w.mmPageAlloc(0x1234, 0, Gfp.GFP_KERNEL, 1);
        w.mmPageAlloc(-1, 3, Gfp.GFP_KERNEL, 0);
        assertThat(lines).extracting(l -> l.substring(l.indexOf("mm_page_alloc: "))).containsExactly(
                "mm_page_alloc: page=(____ptrval____) pfn=0x1234 order=0 migratetype=1 gfp_flags=GFP_KERNEL",
                "mm_page_alloc: page=0000000000000000 pfn=0x0 order=3 migratetype=0 gfp_flags=GFP_KERNEL");
    }

    @Test
    void zoneFieldsArePaddedTo8AndTheDeferLimitIsAPowerOfTwo() {
        FtraceWriter w = writer("mm_compaction_defer_reset", "mm_compaction_kcompactd_wake", "mm_compaction_end");
        w.compactionDeferReset(normal, 9, 10, 3, 2);
        w.compactionKcompactdWake(m.node(0), 9, 2);
        w.compactionEnd(0x1000, 0x1200, 0x3e00, 0x40000, true, "complete");
        assertThat(lines).extracting(l -> l.substring(l.indexOf(": mm_") + 2)).containsExactly(
                "mm_compaction_defer_reset: node=0 zone=Normal   order=9 order_failed=10 consider=3 limit=4",
                "mm_compaction_kcompactd_wake: nid=0 order=9 classzone_idx=Normal  ",
                "mm_compaction_end: zone_start=0x1000 migrate_pfn=0x1200 free_pfn=0x3e00 zone_end=0x40000, "
                        + "mode=sync status=complete");
    }
}
