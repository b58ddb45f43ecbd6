package org.mmsim.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmsim.arch.Arch;

/**
 * i386 PAE user address spaces (Debian 686-pae, 3G/1G split), with expected values worked by hand from 6.1's
 * arch/x86: pgtable-3level_types.h (PGDIR_SHIFT 30, PTRS_PER_PGD 4, PMD_SHIFT 21, PTRS_PER_PMD/PTE 512),
 * page_32_types.h (TASK_SIZE = PAGE_OFFSET = 0xC0000000), mm/mmap.c mmap_base(), mm/pgtable.c pgd_alloc() (a
 * 32-byte PGD from pgd_cache; PREALLOCATED_PMDS = KERNEL_PGD_BOUNDARY = 3 PMD pages, each counted by
 * pgtable_pmd_page_ctor() in NR_PAGETABLE and by mm_inc_nr_pmds() in VmPTE) and asm/elf.h (ELF_ET_DYN_BASE
 * 0x400000 on 32-bit).
 */
class PaePagingTest {
    private static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;

    /** A system of 4096 pages with PAE paging. */
    private static VmSystem pae() {
        return VmSystem.simple(Paging.I386_PAE, 1 << 12);
    }

    private static long allocated(VmSystem sys) {
        return ((SimplePhysPages) sys.phys()).allocatedPages();
    }

    /*
     * PGD index = bits 31:30, PMD = bits 29:21, PTE = bits 20:12:
     *   0x08048000: 0x08048000 >> 30 = 0; >> 21 = 0x40 = 64; (>> 12) & 0x1ff = 0x048 = 72
     *   0x40000000: 1, 0, 0
     *   0xb7fff000: 0b10 = 2; 0x5bf & 0x1ff = 447; 0xb7fff & 0x1ff = 511
     *   0xbfffffff: 2, 511, 511
     */
    @Test
    void addressSplitsIntoPaeIndices() {
        assertThat(Paging.forArch(Arch.I386_PAE)).isEqualTo(Paging.I386_PAE);
        int pgd = Paging.I386_PAE.topLevel();
        long[][] cases = {{0x08048000L, 0, 64, 72}, {0x40000000L, 1, 0, 0}, {0xb7fff000L, 2, 447, 511},
            {0xbfffffffL, 2, 511, 511}};
        for (long[] c : cases) {
            assertThat(Paging.index(c[0], pgd)).as("PGD index of %x", c[0]).isEqualTo((int) c[1]);
            assertThat(Paging.index(c[0], pgd + 1)).as("PMD index of %x", c[0]).isEqualTo((int) c[2]);
            assertThat(Paging.index(c[0], pgd + 2)).as("PTE index of %x", c[0]).isEqualTo((int) c[3]);
        }
        assertThat(Paging.I386_PAE.highBit(pgd)).isEqualTo(31);
        assertThat(Paging.I386_PAE.highBit(pgd + 1)).isEqualTo(29);
    }

    /*
     * mmap_base = PAGE_ALIGN(TASK_SIZE - gap), gap = 8 MiB rlimit + 1 MiB stack_guard_gap raised to 128 MiB:
     * 0xc0000000 - 0x08000000 = 0xb8000000; the first one-page mmap goes top-down right below it: 0xb7fff000.
     * The program break starts at the end of the model's 5-page PIE image loaded at ELF_ET_DYN_BASE 0x400000:
     * 0x405000. brk(0x408000) makes the heap [0x405000, 0x408000). show_vma_header_prefix() writes 40 characters
     * (up to the space after the inode); a 32-bit kernel pads to 25 + 4 * 6 - 1 = 48 and seq_pad() adds one space,
     * so "[heap]" starts at column 49, 10 spaces after the inode. A fixed mapping reaching past TASK_SIZE fails.
     */
    @Test
    void firstMmapAndBrkOfA32BitProcess() {
        VmSystem sys = pae();
        Process p = sys.newProcess();
        assertThat(p.mm().mmapBase()).isEqualTo(0xb8000000L);
        assertThat(p.mmap(4096, RW, Mman.MAP_PRIVATE)).isEqualTo(0xb7fff000L);
        assertThat(p.mm().startBrk()).isEqualTo(0x405000L);
        assertThat(p.brk(0x408000L)).isEqualTo(0x408000L);
        assertThat(ProcMaps.maps(p.mm())).isEqualTo(
                "00405000-00408000 rw-p 00000000 00:00 0          [heap]\n"
                + "b7fff000-b8000000 rw-p 00000000 00:00 0 \n");
        assertThat(p.mmap(0xbffff000L, 0x2000, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED, null, 0))
                .isEqualTo(Mman.ENOMEM);
    }

    /*
     * A new mm: 3 preallocated PMD pages (VmPTE 12 kB, NR_PAGETABLE 3), the PGD in a slab, so 3 table pages.
     * Touching 0xb7fff000 (PGD[2] PMD[447]), 0x405000 (PGD[0] PMD[2]) and 0x40000000 (PGD[1] PMD[0]) adds one
     * PTE table each: 6 table pages, NR_PAGETABLE 6, plus 3 user pages and the zero page = 10 pages allocated.
     * munmap(0x40000000): free_pgtables() between floor 0x406000 (the heap's end) and ceiling 0xb7fff000 frees
     * the PTE table and, the whole 1 GiB of PGD[1] lying in the gap, its PMD too (free_pmd_range(): pud_clear()
     * and pmd_free_tlb() on PAE): 4 tables left. exit frees all: only the zero page stays.
     */
    @Test
    void pageTablePagesAfterTouchingPages() {
        VmSystem sys = pae();
        Process p = sys.newProcess();
        Mm mm = p.mm();
        assertThat(mm.nrPmds()).isEqualTo(3);
        assertThat(mm.pgtablesPages()).isEqualTo(3);
        assertThat(mm.pageTablePagesWithPgd()).isEqualTo(3);
        assertThat(sys.tables().nrPageTablePages()).isEqualTo(3);
        assertThat(sys.tables().tablePagesAllocated()).isEqualTo(3);

        long top = p.mmap(4096, RW, Mman.MAP_PRIVATE);
        p.brk(0x406000L);
        long mid = p.mmap(0x40000000L, 4096, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, null, 0);
        assertThat(mid).isEqualTo(0x40000000L);
        for (long a : new long[] {top, 0x405000L, mid}) {
            assertThat(p.touch(a, true)).isZero();
        }
        assertThat(mm.nrPtes()).isEqualTo(3);
        assertThat(mm.nrPmds()).isEqualTo(3);
        assertThat(mm.pgtablesPages()).isEqualTo(6);
        assertThat(sys.tables().nrPageTablePages()).isEqualTo(6);
        assertThat(allocated(sys)).isEqualTo(10);
        assertThat(p.rss()).isEqualTo(3);

        assertThat(p.munmap(mid, 4096)).isZero();
        assertThat(mm.nrPtes()).isEqualTo(2);
        assertThat(mm.nrPmds()).isEqualTo(2);
        assertThat(sys.tables().nrPageTablePages()).isEqualTo(4);
        assertThat(allocated(sys)).isEqualTo(4 + 2 + 1);
        new RmapChecker(sys).check(pfn -> true);

        p.exit();
        assertThat(allocated(sys)).isEqualTo(1);
        assertThat(sys.tables().nrPageTablePages()).isZero();
    }

    /*
     * A 4 MiB mmap lands at 0xb8000000 - 0x400000 = 0xb7c00000, 2 MiB aligned. THP "always": a write at
     * 0xb7c05000 maps the PMD range [0xb7c00000, 0xb7e00000) (PGD[2] PMD[446]) with a huge PMD, dirty
     * (pmd_mkdirty()) but without a soft-dirty bit (no CONFIG_MEM_SOFT_DIRTY on 32-bit), and deposits a PTE
     * table: nr_ptes 1, NR_PAGETABLE 3 + 1, RSS 512.
     */
    @Test
    void thpFaultOnPae() {
        VmSystem sys = pae();
        Process p = sys.newProcess();
        long a = p.mmap(4L << 20, RW, Mman.MAP_PRIVATE);
        assertThat(a).isEqualTo(0xb7c00000L);
        assertThat(p.touch(0xb7c05000L, true)).isZero();
        assertThat(sys.events().thpFaultAlloc).isEqualTo(1);
        assertThat(p.mm().isHugeMapped(0xb7c00000L)).isTrue();
        long e = p.mm().leafEntry(0xb7c05000L);
        assertThat(e & X86PteFormat.DIRTY).isNotZero();
        assertThat(e & X86PteFormat.SOFT_DIRTY).isZero();
        assertThat(p.rss()).isEqualTo(512);
        assertThat(p.mm().nrPtes()).isEqualTo(1);
        assertThat(sys.tables().nrPageTablePages()).isEqualTo(4);
        String walk = PageTableWalk.walk(p.mm(), 0xb7c05000L);
        assertThat(walk).startsWith("VA 0xb7c05000 (i386_pae): PGD[2] bits 31:30 = 2, PMD[446] bits 29:21 = 446, "
                + "PTE[5] bits 20:12 = 5, offset bits 11:0 = 0x000\nPGD: a 4-entry pgd_cache slab object\n");
        assertThat(walk).containsPattern("PGD\\[   2\\] = 0x0{8}[0-9a-f]{5}001 \\(present\\) -> PMD table")
                .contains("-> 2 MiB page");
        assertThat(ProcMaps.smaps(p.mm())).contains("AnonHugePages:      2048 kB\n");
        assertThat(PageTableWalk.walk(p.mm(), 1L << 32)).isEqualTo("VA 0x100000000 (i386_pae): not a 32-bit address\n");
        p.exit();
        assertThat(allocated(sys)).isEqualTo(1);
    }

    /*
     * fork() on PAE: the parent has 3 PMDs + 1 PTE table (4 table pages, NR_PAGETABLE 4) for its page at
     * 0xb7fff000; the child's pgd_alloc() preallocates its own 3 PMDs and copy_page_range() one PTE table: 8
     * table pages, NR_PAGETABLE 8. The page is shared write-protected (refcount 2, mapcount 2); the parent's
     * write copies it (wp_page_copy()), the child's then reuses the original. Allocated: 8 tables + 2 user pages
     * + the zero page = 11.
     */
    @Test
    void forkAndCopyOnWriteOnPae() {
        VmSystem sys = pae();
        Process parent = sys.newProcess();
        long a = parent.mmap(4096, RW, Mman.MAP_PRIVATE);
        assertThat(parent.touch(a, true)).isZero();
        assertThat(sys.tables().nrPageTablePages()).isEqualTo(4);
        long original = parent.mm().pfnAt(a);

        Process child = parent.fork();
        assertThat(child.mm().nrPmds()).isEqualTo(3);
        assertThat(child.mm().pgtablesPages()).isEqualTo(4);
        assertThat(sys.tables().nrPageTablePages()).isEqualTo(8);
        assertThat(sys.refs().refcount(original)).isEqualTo(2);
        assertThat(sys.refs().mapcount(original)).isEqualTo(2);
        assertThat(sys.fmt.isWrite(parent.mm().leafEntry(a))).isFalse();
        assertThat(sys.fmt.isWrite(child.mm().leafEntry(a))).isFalse();

        assertThat(parent.touch(a, true)).isZero();
        assertThat(parent.mm().pfnAt(a)).isNotEqualTo(original);
        assertThat(child.touch(a, true)).isZero();
        assertThat(child.mm().pfnAt(a)).isEqualTo(original);
        assertThat(sys.events().cowCopies).isEqualTo(1);
        assertThat(allocated(sys)).isEqualTo(11);
        new RmapChecker(sys).check(pfn -> true);

        child.exit();
        parent.exit();
        assertThat(allocated(sys)).isEqualTo(1);
    }
}
