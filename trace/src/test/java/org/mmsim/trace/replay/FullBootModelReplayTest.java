package org.mmsim.trace.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmsim.page.Machine;

/**
 * Model replay of the x86_64-1G-fulltrace kmem trace, complete from trace_init(), from the model's own boot
 * prepared as at trace_init(): the kernel's requests through mmsim's allocator. Kernel-side counts are the
 * trace's (grep, case README); the agreement figures are asserted at the level measured when this test was
 * written, the buddyinfo and pagetypeinfo errors against the kernel's snapshot files.
 */
class FullBootModelReplayTest {
    private static ModelReplay replay;
    private static Map<String, ReplayFixture.Snapshot> atMarker;

    @BeforeAll
    static void replay() {
        Machine m = FullBootFixture.preparedAtTraceInit();
        replay = new ModelReplay(m);
        atMarker = FullBootFixture.replay(FullBootFixture.DAT, replay, m);
    }

    @Test
    void theKernelsRequestsAreReplayed() {
        // 260380 mm_page_alloc, one of them failed (page=0000000000000000); 7 extfrag; 254837 batched (grep)
        assertThat(replay.allocs()).isEqualTo(260379);
        assertThat(replay.kernelExtfrag()).isEqualTo(7);
        assertThat(replay.batchedCommits()).isEqualTo(254837);
    }

    @Test
    void pfnAgreement() {
        // measured: the model picked the kernel's pfn for none of the 260379 allocations
        assertThat(replay.samePfn()).isZero();
    }

    @Test
    void pathAgreement() {
        // measured: 260366 of 260379 on the same path; the kernel served 260234 through the pcp lists, the model
        // 260247
        assertThat(replay.samePath()).isGreaterThanOrEqualTo(260366);
        assertThat(replay.kernelPcp()).isEqualTo(260234);
        assertThat(Math.abs(replay.modelPcp() - replay.kernelPcp())).isLessThanOrEqualTo(13);
    }

    @Test
    void fallbacksAndFailures() {
        // measured: 5 model extfrag events against the kernel's 7; the model failed none
        assertThat(Math.abs(replay.modelExtfrag() - replay.kernelExtfrag())).isLessThanOrEqualTo(2);
        assertThat(replay.modelFailed()).isZero();
    }

    @Test
    void freesOfPagesFromBeforeTraceInit() {
        // measured: 653 frees of pages allocated before trace_init() applied at their pfn, 32704 without a page
        assertThat(replay.startFrees()).isGreaterThanOrEqualTo(653);
        assertThat(replay.unmappedFrees()).isLessThanOrEqualTo(32704);
    }

    @Test
    void buddyinfoAndPagetypeinfoErrorAtEachPhase() {
        // measured: |model - kernel| in pages over the kernel's free pages
        double[] buddy = {0.1850, 0.3487, 0.1829, 0.1828, 0.4216, 0.8174, 1.0734, 0.3688, 0.3689};
        double[] pagetype = {0.1858, 0.3491, 0.1838, 0.1858, 0.4218, 0.8196, 1.0766, 0.3713, 0.3716};
        FullBootFixture.assertErrorsBelow(atMarker, buddy, pagetype);
    }
}
