package org.mmsim.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.debug.VmBug;
import org.mmsim.page.init.MemoryInit;

/**
 * The checker fires on broken invariants: a wrong NR_FREE_PAGES, a page both allocated and on a free list, a
 * wrong nr_free of an order, a wrong pcp count; each as a {@link VmBug} naming the buddy check.
 */
class BuddyCheckerCatchesTest {
    @Test
    void wrongFreePageCountIsCaught() {
        Machine m = MemoryInit.boot(MachineFile.preset("x86_64-256M")).machine();
        Zone z = m.node(0).zone(ZoneType.DMA32);
        assertThatCode(() -> BuddyChecker.check(m, z)).doesNotThrowAnyException();
        z.nrFreePages++;
        assertThatThrownBy(() -> BuddyChecker.check(m, z)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void allocatedPageMarkedFreeIsCaught() {
        Machine m = MemoryInit.boot(MachineFile.preset("x86_64-256M")).machine();
        m.setPcpEnabled(false);
        long pfn = m.allocPages(Gfp.GFP_KERNEL, 0);
        Zone z = m.zoneOf(pfn);
        long other = m.allocPages(Gfp.GFP_KERNEL, 0);
        int idx = z.mm.index(other);
        z.mm.setFlags(idx, MemMap.buddyFlags(0, MigrateType.UNMOVABLE));
        assertThatThrownBy(() -> BuddyChecker.check(m, z)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void wrongNrFreeOfAnOrderIsCaught() {
        Machine m = MemoryInit.boot(MachineFile.preset("x86_64-256M")).machine();
        Zone z = m.node(0).zone(ZoneType.DMA32);
        z.nrFree[3]--;
        assertThatThrownBy(() -> BuddyChecker.check(m)).isInstanceOf(VmBug.class)
                .hasMessageContaining("nr_free[3]").extracting(e -> ((VmBug) e).check()).isEqualTo(BuddyChecker.CHECK);
    }

    @Test
    void wrongPcpCountIsCaught() {
        Machine m = MemoryInit.boot(MachineFile.preset("x86_64-256M")).machine();
        long pfn = m.allocPages(Gfp.GFP_KERNEL, 0);
        m.freePages(pfn, 0);
        Zone z = m.zoneOf(pfn);
        assertThat(z.pcpCount(m.currentCpu())).isPositive();
        assertThatCode(() -> BuddyChecker.check(m)).doesNotThrowAnyException();
        z.pcpCount[m.currentCpu()]++;
        assertThatThrownBy(() -> BuddyChecker.check(m)).isInstanceOf(VmBug.class).hasMessageContaining("pcp count");
    }
}
