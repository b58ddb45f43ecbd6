package org.mmsim.trace.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.page.Machine;
import org.mmsim.page.MigrateType;
import org.mmsim.page.SimpleMachine;
import org.mmsim.page.Zone;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceEventKind;

/**
 * Model replay on a two-block Normal zone (pfns 0x1000-0x17ff, free), pcp batch 1: hand-made kernel events and
 * what the kernel's rules make of them.
 */
class ModelReplayTest {
    private static final long BASE = 0x1000;
    private final Machine machine = SimpleMachine.build(Arch.X86_64, 1,
            List.of(new SimpleMachine.ZoneSpec(ZoneType.NORMAL, BASE, 2048)));
    private final Zone zone = machine.nodes().get(0).zone(ZoneType.NORMAL);
    private final ModelReplay replay;
    private final TraceEvent e = new TraceEvent();

    ModelReplayTest() {
        zone.setPcpHighBatch(0, 1);
        replay = new ModelReplay(machine);
    }

    private void event(TraceEventKind kind, long pfn, int order) {
        e.clear();
        e.kind = kind;
        e.cpu = 0;
        e.pfn = pfn;
        e.order = order;
        e.migratetype = MigrateType.MOVABLE;
        e.gfpText = "GFP_HIGHUSER_MOVABLE";
        replay.apply(e);
    }

    @Test
    void anOrderZeroRequestTakesTheLowestPageOnTheSamePathAsTheKernel() {
        // the kernel took 0x1000 with one buddy take; the model's refill with batch 1 also takes exactly one page
        // (rmqueue_pcplist keeps a batch of 1 as is), so both count as one take of the allocated pfn
        event(TraceEventKind.MM_PAGE_ALLOC_ZONE_LOCKED, BASE, 0);
        event(TraceEventKind.MM_PAGE_ALLOC, BASE, 0);
        // boot freed both order-10 blocks to the list tail (FPI_TO_TAIL), 0x1000 first, so __rmqueue_smallest takes
        // 0x1000's block and expand() keeps its lowest page: the kernel's pfn
        assertThat(replay.allocs()).isEqualTo(1);
        assertThat(replay.samePfn()).isEqualTo(1);
        assertThat(replay.samePath()).isEqualTo(1);
        assertThat(replay.mapped()).isEqualTo(1);
    }

    @Test
    void aFreeFindsTheModelsPageThroughTheMap() {
        event(TraceEventKind.MM_PAGE_ALLOC_ZONE_LOCKED, 0x1400, 0);
        event(TraceEventKind.MM_PAGE_ALLOC, 0x1400, 0);
        assertThat(replay.samePfn()).isZero();
        long freeBefore = zone.nrFreePages();
        event(TraceEventKind.MM_PAGE_FREE, 0x1400, 0);
        event(TraceEventKind.MM_PAGE_FREE_BATCHED, 0x1400, 0);
        // pcp high 0: free_unref_page_commit drains at once, the page merges back
        assertThat(zone.nrFreePages()).isEqualTo(freeBefore + 1);
        assertThat(zone.nrFree(10)).isEqualTo(2);
        assertThat(replay.mapped()).isZero();
        assertThat(replay.batchedCommits()).isEqualTo(1);
        assertThat(replay.unmappedFrees()).isZero();
    }

    @Test
    void aFreeOfAPageNobodyAllocatedIsCountedNotApplied() {
        event(TraceEventKind.MM_PAGE_FREE, 0x1234, 0);
        assertThat(replay.unmappedFrees()).isEqualTo(1);
        assertThat(zone.nrFreePages()).isEqualTo(2048);
    }
}
