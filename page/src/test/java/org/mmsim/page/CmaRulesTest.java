package org.mmsim.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.page.init.MemoryInit;

/**
 * CMA on the arm64 oracle machine (64 MiB at 0x7ac00000, 32 pageblocks). By 6.1's rules: only movable requests
 * carry ALLOC_CMA (gfp_to_alloc_flags_cma), so unmovable allocations never get CMA pages, and their watermark check
 * counts free CMA pages as unusable (__zone_watermark_unusable_free); once they fail, a movable allocation still
 * succeeds, from the CMA pageblocks (__rmqueue_cma_fallback), once the per-CPU lists (which hold the late-freed boot
 * pages) are drained.
 */
class CmaRulesTest {
    private static final long CMA_START = 0x7ac00000L >> 12;
    private static final long CMA_END = CMA_START + (64L << 20 >> 12);

    @Test
    void unmovableNeverUsesCmaAndMovableDoes() {
        Machine m = MemoryInit.boot(MachineFile.preset("arm64-1G")).machine();
        Zone dma = m.zones().get(0);
        assertThat(dma.countPageblocks(m.migrateTypes().cma())).isEqualTo(32);
        assertThat(dma.nrFreeCmaPages()).isEqualTo(16384);
        long n = 0;
        long pfn;
        while ((pfn = m.allocPages(Gfp.GFP_KERNEL | Gfp.__GFP_NORETRY | Gfp.__GFP_NOWARN, 0)) >= 0) {
            assertThat(pfn >= CMA_START && pfn < CMA_END).as("unmovable page 0x%x in CMA", pfn).isFalse();
            n++;
        }
        assertThat(n).isGreaterThan(200_000);
        assertThat(dma.nrFreeCmaPages()).isEqualTo(16384);
        m.drainAllPages();
        long movable = m.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 0);
        assertThat(movable).isBetween(CMA_START, CMA_END - 1);
    }
}
