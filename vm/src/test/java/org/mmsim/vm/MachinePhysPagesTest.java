package org.mmsim.vm;

import org.mmsim.reclaim.SwapDevice;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.page.Machine;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.MemoryInit;

/**
 * Processes on a booted machine: their user pages and page tables come from the real buddy allocator, and
 * everything goes back when they exit. 256 pages written in one 1 MiB-aligned range need one PTE table, one
 * PMD and one PUD table besides the PGD (2 pages with page-table isolation): 256 + 3 + 2 pages.
 */
class MachinePhysPagesTest {
    @Test
    void processPagesComeFromAndReturnToTheBuddyAllocator() {
        Machine m = MemoryInit.boot(MachineFile.preset("x86_64-1G")).machine();
        m.setPcpEnabled(false);
        VmSystem vm = new VmSystem(Paging.X86_64, new MachinePhysPages(m), new SwapDevice(1024), refs -> null);
        long before = m.nrFreePages();
        Process p = vm.newProcess();
        long addr = p.mmap(1L << 20, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS);
        assertThat(p.touchRange(addr, 1L << 20, true)).isZero();
        assertThat(p.rss()).isEqualTo(256);
        assertThat(before - m.nrFreePages()).isEqualTo(256 + 3 + 2);
        Process child = p.fork();
        assertThat(child.touch(addr, true)).isZero();
        p.exit();
        child.exit();
        assertThat(m.nrFreePages()).isEqualTo(before);
        BuddyChecker.check(m);
    }
}
