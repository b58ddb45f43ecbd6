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
    private static Map<String, Map<String, long[]>> atMarker;

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
        // measured: 395905 frees of pages allocated before the marker applied at their pfn, 1134 without a page
        assertThat(replay.startFrees()).isGreaterThanOrEqualTo(395905);
        assertThat(replay.unmappedFrees()).isLessThanOrEqualTo(1134);
    }

    @Test
    void buddyinfoErrorAtEachSnapshot() {
        // measured errors against the kernel's buddyinfo at the markers that have a snapshot
        assertThat(error("frag/after-holes")).isLessThan(0.1313);
        assertThat(error("frag/after-compact")).isLessThan(0.0527);
        assertThat(error("frag/after-exit")).isLessThan(0.0330);
        assertThat(error("trace-end")).isLessThan(0.0330);
    }

    private static double error(String marker) {
        return Buddyinfo.relativeError(atMarker.get(marker), ReplayFixture.kernelBuddyinfo(marker));
    }
}
