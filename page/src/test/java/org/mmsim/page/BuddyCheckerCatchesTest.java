package org.mmsim.page;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.MemoryInit;

/** The checker fires on broken invariants: a wrong NR_FREE_PAGES, and a page both allocated and on a free list. */
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
}
