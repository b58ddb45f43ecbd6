package org.mmsim.vm;

import org.mmsim.reclaim.SwapDevice;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Copy-on-write after fork (do_wp_page(), wp_page_copy(), wp_page_reuse() of 6.1) with hand-worked counts. */
class CowForkTest {

    /*
     * Hand-worked example, x86_64 4-level paging, 4 KiB pages, from the geometry alone:
     *
     * mmap_base = TASK_SIZE - max(128 MiB, 8 MiB stack rlimit + 1 MiB stack_guard_gap)
     *           = 0x7ffffffff000 - 0x8000000 = 0x7ffff7fff000 (arch/x86/mm/mmap.c mmap_base(), no randomisation).
     * A one-page anonymous mmap goes top-down just below it: A = 0x7ffff7ffe000.
     *
     * Writing A faults: the PGD exists from mm creation; PGD[255] (bits 47:39 of A) needs a PUD table,
     * PUD[511] a PMD table, PMD[447] a PTE table, and PTE[510] gets one zeroed anonymous page.
     *   tables below the PGD: 1 PUD + 1 PMD + 1 PTE = 3 pages (mm->pgtables_bytes = 3 * 4096)
     *   NR_PAGETABLE counts only PTE and PMD pages in 6.1 (pgtable_pte/pmd_page_ctor): 2
     *   the PGD is order 1 on x86_64 with PTI (PGD_ALLOCATION_ORDER 1): 2 pages, so 5 page-table pages.
     *   RSS: MM_ANONPAGES = 1.
     *
     * fork(): the VMA has an anon_vma, so copy_page_range() builds the same 3 tables in the child plus the
     * child's PGD: 5 more table pages (10 in all), NR_PAGETABLE 4. The page is shared: refcount 2,
     * mapcount 2, write-protected in both, PageAnonExclusive cleared. RSS 1 in each process.
     *
     * Parent writes A: not exclusive, refcount 2 > 1 -> wp_page_copy(): a new page for the parent, the old
     * one drops to refcount 1 / mapcount 1. User pages: 2.
     * Child writes A: not exclusive, but refcount == 1 -> reuse (no copy), marked exclusive again.
     * User pages stay 2; the child keeps the original pfn. Allocated from PhysPages: 10 table pages +
     * 2 user pages + the zero page = 13.
     */
    @Test
    void forkWriteParentThenChild() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        Process parent = sys.newProcess();
        Mm pm = parent.mm();
        assertThat(pm.mmapBase()).isEqualTo(0x7ffff7fff000L);
        long a = parent.mmap(4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE);
        assertThat(a).isEqualTo(0x7ffff7ffe000L);
        assertThat(parent.touch(a, true)).isZero();
        assertThat(pm.pgtablesPages()).isEqualTo(3);
        assertThat(sys.tables().nrPageTablePages()).isEqualTo(2);
        assertThat(sys.tables().tablePagesAllocated()).isEqualTo(5);
        assertThat(pm.counter(RssCounters.MM_ANONPAGES)).isEqualTo(1);
        long original = pm.pfnAt(a);

        Process child = parent.fork();
        Mm cm = child.mm();
        PageRefs refs = sys.refs();
        assertThat(cm.pgtablesPages()).isEqualTo(3);
        assertThat(sys.tables().tablePagesAllocated()).isEqualTo(10);
        assertThat(sys.tables().nrPageTablePages()).isEqualTo(4);
        assertThat(cm.pfnAt(a)).isEqualTo(original);
        assertThat(refs.refcount(original)).isEqualTo(2);
        assertThat(refs.mapcount(original)).isEqualTo(2);
        assertThat(sys.fmt.isWrite(pm.leafEntry(a))).isFalse();
        assertThat(sys.fmt.isWrite(cm.leafEntry(a))).isFalse();
        assertThat(child.rss()).isEqualTo(1);

        assertThat(parent.touch(a, true)).isZero();
        long parentCopy = pm.pfnAt(a);
        assertThat(parentCopy).isNotEqualTo(original);
        assertThat(refs.refcount(original)).isEqualTo(1);
        assertThat(refs.mapcount(original)).isEqualTo(1);
        assertThat(sys.events().cowCopies).isEqualTo(1);

        assertThat(child.touch(a, true)).isZero();
        assertThat(cm.pfnAt(a)).isEqualTo(original);
        assertThat(sys.events().cowCopies).isEqualTo(1);
        assertThat(sys.fmt.isWrite(cm.leafEntry(a))).isTrue();
        assertThat(parent.rss()).isEqualTo(1);
        assertThat(child.rss()).isEqualTo(1);
        assertThat(((SimplePhysPages) sys.phys()).allocatedPages()).isEqualTo(13);

        child.exit();
        parent.exit();
        assertThat(((SimplePhysPages) sys.phys()).allocatedPages()).isEqualTo(1);
    }

    /*
     * arm64, 4 KiB granule, 48-bit VA: the PGD is one page (512 * 8 bytes), so one touched page costs
     * 1 PGD + 1 PUD + 1 PMD + 1 PTE = 4 table pages per process; after fork 8.
     * mmap_base = 2^48 - 128 MiB = 0xfffff8000000, so the page is at 0xfffff7fff000.
     * Child writes first: shared, refcount 2 -> copy for the child; then the parent's write reuses.
     */
    @Test
    void arm64ForkWriteChildThenParent() {
        VmSystem sys = VmSystem.simple(Paging.ARM64, 1 << 14);
        Process parent = sys.newProcess();
        long a = parent.mmap(4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE);
        assertThat(a).isEqualTo(0xfffff7fff000L);
        parent.touch(a, true);
        assertThat(sys.tables().tablePagesAllocated()).isEqualTo(4);
        long original = parent.mm().pfnAt(a);
        Process child = parent.fork();
        assertThat(sys.tables().tablePagesAllocated()).isEqualTo(8);
        child.touch(a, true);
        assertThat(child.mm().pfnAt(a)).isNotEqualTo(original);
        parent.touch(a, true);
        assertThat(parent.mm().pfnAt(a)).isEqualTo(original);
        assertThat(sys.events().cowCopies).isEqualTo(1);
    }

    /* A read fault maps the shared zero page: no RSS, no page allocated; a later write copies a zeroed page. */
    @Test
    void readFaultMapsZeroPageThenWriteAllocates() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        sys.thp().enabled = ThpSettings.Enabled.NEVER;
        Process p = sys.newProcess();
        long a = p.mmap(2 * 4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE);
        p.touch(a, false);
        assertThat(p.mm().pfnAt(a)).isEqualTo(sys.zeroPfn());
        assertThat(p.rss()).isZero();
        p.touch(a, true);
        assertThat(p.mm().pfnAt(a)).isNotEqualTo(sys.zeroPfn());
        assertThat(p.rss()).isEqualTo(1);
    }

    /* mprotect(PROT_NONE) keeps the page mapped (pte_present via _PAGE_PROTNONE) but every access faults: SIGSEGV. */
    @Test
    void protNoneAccessFaultsAndRestores() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        Process p = sys.newProcess();
        long a = p.mmap(4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE);
        p.touch(a, true);
        long pfn = p.mm().pfnAt(a);
        assertThat(p.mprotect(a, 4096, Mman.PROT_NONE)).isZero();
        assertThat(p.touch(a, false)).isEqualTo(1);
        assertThat(p.rss()).isEqualTo(1);
        assertThat(sys.fmt.hwValid(p.mm().leafEntry(a))).isFalse();
        assertThat(p.mprotect(a, 4096, Mman.PROT_READ | Mman.PROT_WRITE)).isZero();
        assertThat(p.touch(a, true)).isZero();
        assertThat(p.mm().pfnAt(a)).isEqualTo(pfn);
        assertThat(sys.events().cowCopies).isZero();
    }

    /*
     * fork() without memory for the child's tables fails (copy_process() returns -ENOMEM) and leaves nothing
     * behind: first no page at all (no PGD), then only the order-1 PGD (its PUD table fails in
     * copy_page_range()); both times the allocator holds what it held before and the parent's page stays
     * exclusively its own and writable without a copy.
     */
    @Test
    void forkWithoutMemoryForTablesFailsAndLeavesNothingBehind() {
        SimplePhysPages phys = new SimplePhysPages(1 << 12);
        VmSystem sys = new VmSystem(Paging.X86_64, phys, new SwapDevice(16), refs -> null);
        Process parent = sys.newProcess();
        long a = parent.mmap(4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE);
        assertThat(parent.touch(a, true)).isZero();
        long pgdBlock = phys.allocPages(0, 1);
        java.util.List<Long> hog = new java.util.ArrayList<>();
        for (long pfn = phys.allocPages(0, 0); pfn >= 0; pfn = phys.allocPages(0, 0)) {
            hog.add(pfn);
        }
        long held = phys.allocatedPages();
        assertThat(parent.fork()).isNull();
        assertThat(phys.allocatedPages()).isEqualTo(held);
        phys.freePages(pgdBlock, 1);
        held = phys.allocatedPages();
        assertThat(parent.fork()).isNull();
        assertThat(phys.allocatedPages()).isEqualTo(held);
        long pfn = parent.mm().pfnAt(a);
        assertThat(sys.refs().refcount(pfn)).isEqualTo(1);
        assertThat(sys.refs().mapcount(pfn)).isEqualTo(1);
        assertThat(parent.touch(a, true)).isZero();
        assertThat(parent.mm().pfnAt(a)).isEqualTo(pfn);
        assertThat(sys.events().cowCopies).isZero();
        for (long h : hog) {
            phys.freePages(h, 0);
        }
        parent.exit();
        assertThat(phys.allocatedPages()).isEqualTo(1);
    }
}
