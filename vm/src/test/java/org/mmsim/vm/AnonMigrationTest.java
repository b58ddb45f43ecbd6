package org.mmsim.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * migrate_pages() of anonymous pages for compaction: rmap_walk_anon() finds the PTEs of a page
 * through its anon_vma and page->index (here the linear page index, looked up in every mm's anonymous VMAs),
 * and remove_migration_ptes() points it at the new page with the old permission and state, in every process
 * that shares it after fork. Reclaim uses the same walk for the accessed bits and for swap-out.
 */
class AnonMigrationTest {
    private static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;

    @Test
    void anExclusivePageMovesWithItsPteAndState() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        Process p = sys.newProcess();
        long a = p.mmap(16 * 4096, RW, Mman.MAP_PRIVATE);
        for (int i = 0; i < 16; i++) {
            assertThat(p.touch(a + i * 4096L, true)).isZero();
        }
        long addr = a + 5 * 4096L;
        long src = p.mm().pfnAt(addr);
        long before = p.mm().leafEntry(addr);
        long dst = sys.phys().allocPages(0, 0);
        assertThat(sys.isMigratable(src)).isTrue();
        assertThat(sys.migrate(src, dst)).isTrue();
        sys.phys().freePages(src, 0);
        long after = p.mm().leafEntry(addr);
        assertThat(p.mm().pfnAt(addr)).isEqualTo(dst);
        assertThat(sys.fmt.isWrite(after)).isEqualTo(sys.fmt.isWrite(before)).isTrue();
        assertThat(sys.fmt.isDirty(after)).isEqualTo(sys.fmt.isDirty(before));
        assertThat(sys.refs().refcount(dst)).isEqualTo(1);
        assertThat(sys.refs().mapcount(dst)).isEqualTo(1);
        assertThat(sys.refs().test(dst, PageRefs.ANON_EXCLUSIVE)).isTrue();
        assertThat(sys.refs().refcount(src)).isZero();
        assertThat(p.rss()).isEqualTo(16);
        // the page is still the process's: writing it again does not fault, and exit frees it cleanly
        assertThat(p.touch(addr, true)).isZero();
        p.exit();
        assertThat(sys.refs().refcount(dst)).isZero();
    }

    @Test
    void aPageSharedAfterForkMovesInBothProcesses() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        Process parent = sys.newProcess();
        long a = parent.mmap(4096, RW, Mman.MAP_PRIVATE);
        assertThat(parent.touch(a, true)).isZero();
        long original = parent.mm().pfnAt(a);
        Process child = parent.fork();
        assertThat(sys.refs().mapcount(original)).isEqualTo(2);
        assertThat(sys.isMigratable(original)).isTrue();
        long dst = sys.phys().allocPages(0, 0);
        assertThat(sys.migrate(original, dst)).isTrue();
        assertThat(parent.mm().pfnAt(a)).isEqualTo(dst);
        assertThat(child.mm().pfnAt(a)).isEqualTo(dst);
        assertThat(sys.refs().refcount(dst)).isEqualTo(2);
        assertThat(sys.refs().mapcount(dst)).isEqualTo(2);
        // copy-on-write still works on the moved page: the parent's write copies, the child keeps dst
        assertThat(parent.touch(a, true)).isZero();
        assertThat(parent.mm().pfnAt(a)).isNotEqualTo(dst);
        assertThat(child.mm().pfnAt(a)).isEqualTo(dst);
    }

    @Test
    void aSharedPageIsSwappedOutOfEveryMapping() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        Process parent = sys.newProcess();
        long a = parent.mmap(4096, RW, Mman.MAP_PRIVATE);
        assertThat(parent.touch(a, true)).isZero();
        long page = parent.mm().pfnAt(a);
        Process child = parent.fork();
        assertThat(sys.folioReferenced(page)).isTrue();
        assertThat(sys.folioReferenced(page)).isFalse();
        assertThat(sys.swapOut(page)).isTrue();
        assertThat(parent.mm().counter(RssCounters.MM_SWAPENTS)).isEqualTo(1);
        assertThat(child.mm().counter(RssCounters.MM_SWAPENTS)).isEqualTo(1);
        assertThat(sys.refs().refcount(page)).isZero();
        // both read it back from swap
        assertThat(parent.touch(a, false)).isZero();
        assertThat(child.touch(a, false)).isZero();
        assertThat(parent.mm().pfnAt(a)).isEqualTo(child.mm().pfnAt(a));
    }

    @Test
    void theZeroPageAndPageTablesAreNotMigratable() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        Process p = sys.newProcess();
        long a = p.mmap(4096, RW, Mman.MAP_PRIVATE);
        assertThat(p.touch(a, false)).isZero();
        assertThat(sys.isMigratable(sys.zeroPfn())).isFalse();
        assertThat(sys.isMigratable(p.mm().pfnAt(a))).isFalse();
    }
}
