package org.mmsim.trace.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmsim.page.Machine;

/**
 * Model replay of the x86_64-4G-trace kmem trace from frag/after-punch: the kernel's requests through mmsim's
 * allocator. Kernel-side counts are the trace's (grep); the agreement figures are asserted at the level measured
 * when this test was written (so a regression fails), the buddyinfo errors against the kernel's snapshot files.
 */
class ModelReplayRealTraceTest {
    private static ModelReplay replay;
    private static Map<String, ReplayFixture.Snapshot> atMarker;

    @BeforeAll
    static void replay() {
        Machine m = ReplayFixture.prepared();
        replay = new ModelReplay(m);
        atMarker = ReplayFixture.replay(replay, m);
    }

    @Test
    void theKernelsRequestsAreReplayed() {
        // 2508 mm_page_alloc after the marker, one failed (page=0000000000000000); 3 extfrag (grep)
        assertThat(replay.allocs()).isEqualTo(2507);
        assertThat(replay.kernelExtfrag()).isEqualTo(3);
        assertThat(replay.batchedCommits()).isEqualTo(344847);
    }

    @Test
    void pfnAgreement() {
        // measured: the model picked the kernel's pfn for 254 of 2507 allocations (10.1%)
        assertThat(replay.samePfn()).isGreaterThanOrEqualTo(254);
    }

    @Test
    void pathAgreement() {
        // measured: 2504 of 2507 on the same path; the kernel served 2506 through the pcp lists, the model 2505
        assertThat(replay.samePath()).isGreaterThanOrEqualTo(2504);
        assertThat(replay.kernelPcp()).isEqualTo(2506);
        assertThat(Math.abs(replay.modelPcp() - replay.kernelPcp())).isLessThanOrEqualTo(1);
    }

    @Test
    void fallbacksAndFailures() {
        // measured: 3 model extfrag events against the kernel's 3; the model failed 2 allocations, the kernel 1
        assertThat(replay.modelExtfrag()).isEqualTo(replay.kernelExtfrag());
        assertThat(replay.modelFailed()).isLessThanOrEqualTo(2);
    }

    @Test
    void freesOfPagesFromBeforeTheStartFindTheirPage() {
        // measured: 395905 frees of pages allocated before the marker applied at their pfn, 750 of pages the model
        // holds reserved (freed as free_reserved_page() frees them), 384 without a page
        assertThat(replay.startFrees()).isGreaterThanOrEqualTo(395905);
        assertThat(replay.reservedFrees()).isEqualTo(750);
        assertThat(replay.unmappedFrees()).isLessThanOrEqualTo(384);
    }

    @Test
    void buddyinfoErrorAtEachSnapshot() {
        // measured errors against the kernel's buddyinfo at the markers that have a snapshot
        assertThat(ReplayFixture.buddyinfoError(atMarker, "frag/after-holes")).isLessThan(0.1313);
        assertThat(ReplayFixture.buddyinfoError(atMarker, "frag/after-compact")).isLessThan(0.0527);
        assertThat(ReplayFixture.buddyinfoError(atMarker, "frag/after-exit")).isLessThan(0.0295);
        assertThat(ReplayFixture.buddyinfoError(atMarker, "trace-end")).isLessThan(0.0295);
    }

    @Test
    void pagetypeinfoFreeListsAtEachSnapshot() {
        // measured: per zone, migratetype and order, |model - kernel| in pages over the kernel's free pages
        assertThat(ReplayFixture.freeListError(atMarker, "frag/after-holes")).isLessThan(0.2049);
        assertThat(ReplayFixture.freeListError(atMarker, "frag/after-compact")).isLessThan(0.0995);
        assertThat(ReplayFixture.freeListError(atMarker, "frag/after-exit")).isLessThan(0.0356);
        assertThat(ReplayFixture.freeListError(atMarker, "trace-end")).isLessThan(0.0356);
    }

    @Test
    void pageblockMigratetypesAtTraceEnd() {
        ReplayFixture.assertPageblocksAtTraceEnd(atMarker, 43);
    }
}
