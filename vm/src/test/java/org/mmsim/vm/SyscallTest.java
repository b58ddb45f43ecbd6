package org.mmsim.vm;

import org.mmsim.reclaim.SwapDevice;
import org.mmsim.page.Gfp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mmap flags, brk, populate, munmap page-table freeing and the GFP masks the fault path passes. */
class SyscallTest {
    static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;

    /** Records the gfp/order of every allocation. */
    static final class RecordingPhysPages implements PhysPages {
        final SimplePhysPages inner = new SimplePhysPages(1 << 14);
        final List<int[]> calls = new ArrayList<>();

        @Override
        public long allocPages(int gfp, int order) {
            calls.add(new int[] {gfp, order});
            return inner.allocPages(gfp, order);
        }

        @Override
        public void freePages(long pfn, int order) {
            inner.freePages(pfn, order);
        }

        @Override
        public long maxPfn() {
            return inner.maxPfn();
        }
    }

    /* Values worked by hand from 6.1 include/linux/gfp_types.h (KASAN_HW_TAGS off). */
    @Test
    void gfpValuesOf61() {
        assertThat(Gfp.GFP_KERNEL).isEqualTo(0xcc0);
        assertThat(Gfp.GFP_HIGHUSER_MOVABLE).isEqualTo(0x100cca);
        assertThat(Gfp.GFP_TRANSHUGE_LIGHT).isEqualTo(0x1c20ca);
        assertThat(Gfp.GFP_TRANSHUGE).isEqualTo(0x1c24ca);
        assertThat(Gfp.__GFP_ZERO).isEqualTo(0x100);
        assertThat(Gfp.__GFP_COMP).isEqualTo(0x40000);
    }

    @Test
    void faultPathGfpMasks() {
        RecordingPhysPages phys = new RecordingPhysPages();
        VmSystem sys = new VmSystem(Paging.X86_64, phys, new SwapDevice(16), refs -> null);
        Process p = sys.newProcess();
        p.mmap(4L << 20, RW, Mman.MAP_PRIVATE);
        phys.calls.clear();
        p.touch(0x7ffff7bff000L, true);
        // PUD, PMD, PTE tables (GFP_PGTABLE_USER), then the zeroed user page
        assertThat(phys.calls).hasSize(4);
        assertThat(phys.calls.get(0)[0]).isEqualTo(Gfp.GFP_KERNEL | Gfp.__GFP_ACCOUNT | Gfp.__GFP_ZERO);
        assertThat(phys.calls.get(3)).containsExactly(Gfp.GFP_HIGHUSER_MOVABLE | Gfp.__GFP_ZERO, 0);
        phys.calls.clear();
        p.touch(0x7ffff7c00000L, true);
        // defrag=madvise, VMA not madvised: GFP_TRANSHUGE_LIGHT, order 9
        assertThat(phys.calls.get(0)).containsExactly(Gfp.GFP_TRANSHUGE_LIGHT, 9);
        p.madvise(0x7ffff7bff000L, 4L << 20, Mman.MADV_HUGEPAGE);
        assertThat(sys.thp().gfpMask(true)).isEqualTo(Gfp.GFP_TRANSHUGE_LIGHT | Gfp.__GFP_DIRECT_RECLAIM);
    }

    @Test
    void mapFixedNoreplaceAndPopulate() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        Process p = sys.newProcess();
        long a = p.mmap(0x20000000L, 8 * 4096, RW,
                Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED_NOREPLACE | Mman.MAP_POPULATE, null, 0);
        assertThat(a).isEqualTo(0x20000000L);
        assertThat(p.rss()).isEqualTo(8);
        assertThat(p.mmap(0x20004000L, 4096, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED_NOREPLACE,
                null, 0)).isEqualTo(Mman.EEXIST);
        // MAP_FIXED replaces: the 2 old pages there are unmapped, the new mapping merges (same flags, pgoff = addr >> 12)
        assertThat(p.mmap(0x20004000L, 2 * 4096, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED,
                null, 0)).isEqualTo(0x20004000L);
        assertThat(p.rss()).isEqualTo(6);
        assertThat(p.mm().mapCount()).isOne();
        // read-only populate maps the zero page: no RSS
        long r = p.mmap(0, 4 * 4096, Mman.PROT_READ, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_POPULATE, null, 0);
        assertThat(p.mm().pfnAt(r)).isEqualTo(sys.zeroPfn());
        assertThat(p.rss()).isEqualTo(6);
        assertThat(p.mmap(1, 4096, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED, null, 0)).isEqualTo(Mman.EINVAL);
        assertThat(p.mmap(0, 0, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, null, 0)).isEqualTo(Mman.EINVAL);
    }

    /* brk grows by merging into the brk VMA (do_brk_flags() + can_vma_merge_after()), shrinks by unmapping. */
    @Test
    void brkGrowsMergesAndShrinks() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        Process p = sys.newProcess();
        Mm mm = p.mm();
        long start = mm.startBrk();
        assertThat(p.brk(start + 10000)).isEqualTo(start + 10000);
        assertThat(p.brk(start + 30000)).isEqualTo(start + 30000);
        assertThat(mm.mapCount()).isOne();
        Vma heap = mm.vmas().get(0);
        assertThat(heap.start()).isEqualTo(start);
        assertThat(heap.end()).isEqualTo(start + 8 * 4096);
        assertThat(ProcMaps.maps(mm)).endsWith("[heap]\n");
        assertThat(ProcMaps.smaps(mm)).contains("VmFlags: rd wr mr mw me ac sd \n");
        p.touchRange(start, 30000, true);
        assertThat(p.rss()).isEqualTo(8);
        assertThat(p.brk(start + 4096)).isEqualTo(start + 4096);
        assertThat(p.rss()).isEqualTo(1);
        assertThat(p.brk(start - 1)).isEqualTo(start + 4096);
    }

    /* free_pgd_range(): munmap frees tables whose span lies in the gap between the neighbouring VMAs only. */
    @Test
    void munmapFreesTablesOnlyInsideTheGap() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        sys.thp().enabled = ThpSettings.Enabled.NEVER;
        Process p = sys.newProcess();
        Mm mm = p.mm();
        long a = 0x40000000L;
        p.mmap(a, 3 * 4096, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED, null, 0);
        p.mprotect(a + 4096, 4096, Mman.PROT_READ);
        p.touch(a, true);
        p.touch(a + 2 * 4096, true);
        assertThat(mm.pgtablesPages()).isEqualTo(3);
        // unmapping the last page: prev ends at a+8K inside the same PTE table -> nothing freed
        p.munmap(a + 2 * 4096, 4096);
        assertThat(mm.pgtablesPages()).isEqualTo(3);
        // unmapping everything: floor 0, ceiling 0 -> PTE, PMD, PUD tables freed
        p.munmap(a, 2 * 4096);
        assertThat(mm.pgtablesPages()).isZero();
    }

    /*
     * MAP_SHARED|MAP_ANONYMOUS is shmem (shmem_zero_setup()): pages count as MM_SHMEMPAGES; fork copies no
     * page tables for it (no anon_vma), the child faults the same page-cache page; writes stay shared.
     */
    @Test
    void sharedAnonymousAcrossFork() {
        SimplePhysPages phys = new SimplePhysPages(1 << 14);
        VmSystem sys = new VmSystem(Paging.X86_64, phys, new SwapDevice(1 << 14), refs -> new SimplePageCache(phys, refs));
        Process parent = sys.newProcess();
        long a = parent.mmap(2 * 4096, RW, Mman.MAP_SHARED);
        parent.touch(a, true);
        assertThat(parent.mm().counter(RssCounters.MM_SHMEMPAGES)).isOne();
        assertThat(ProcMaps.maps(parent.mm())).contains(" rw-s 00000000 00:01 ").endsWith(" /dev/zero (deleted)\n");
        Process child = parent.fork();
        assertThat(child.rss()).isZero();
        child.touch(a, true);
        assertThat(child.mm().pfnAt(a)).isEqualTo(parent.mm().pfnAt(a));
        assertThat(sys.events().cowCopies).isZero();
        assertThat(sys.refs().mapcount(parent.mm().pfnAt(a))).isEqualTo(2);
        assertThat(ProcMaps.smaps(child.mm())).contains("Shared_Dirty:          4 kB\n").contains("Anonymous:             0 kB\n");
    }
}
