package org.mmsim.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.MemoryInit;

/**
 * split_page(): an order-3 block becomes eight order-0 pages, freed one by one and merged back. The bad frees are
 * caught at the free in debug mode, as CONFIG_DEBUG_VM's free_pcp_prepare() catches them.
 */
class SplitPageTest {
    @Test
    void splitBlockIsFreedPageByPage() {
        Machine m = MemoryInit.boot(MachineFile.preset("x86_64-256M")).machine();
        m.setDebugVm(BuddyChecker::check);
        m.drainAllPages();
        long free = m.nrFreePages();
        long pfn = m.allocPages(Gfp.GFP_KERNEL, 3);
        assertThat(pfn).isNotNegative();
        assertThatThrownBy(() -> m.freePages(pfn + 1, 0)).isInstanceOf(IllegalArgumentException.class);
        m.splitPage(pfn, 3);
        MemMap mm = m.zoneOf(pfn).node().memMap();
        for (int i = 0; i < 8; i++) {
            assertThat(mm.isAllocatedHead(pfn + i)).isTrue();
            assertThat(mm.order(pfn + i)).isZero();
        }
        assertThatThrownBy(() -> m.freePages(pfn, 3)).isInstanceOf(IllegalArgumentException.class);
        for (int i = 7; i >= 0; i--) {
            m.freePages(pfn + i, 0);
        }
        m.drainAllPages();
        BuddyChecker.check(m);
        assertThat(m.nrFreePages()).isEqualTo(free);
    }

    /** Without debug mode a page freed twice is caught when it leaves the per-CPU lists (bulkfree_pcp_prepare). */
    @Test
    void doubleFreeIsCaughtWhenTheListsDrain() {
        Machine m = MemoryInit.boot(MachineFile.preset("x86_64-256M")).machine();
        long pfn = m.allocPages(Gfp.GFP_KERNEL, 0);
        m.freePages(pfn, 0);
        m.freePages(pfn, 0);
        assertThatThrownBy(m::drainAllPages).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0x" + Long.toHexString(pfn)).hasMessageContaining("freed twice");
    }
}
