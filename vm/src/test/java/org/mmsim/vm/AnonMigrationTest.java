package org.mmsim.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * migrate_pages() of anonymous pages for compaction: rmap_walk_anon() finds the one PTE of an exclusive page
 * through its anon_vma and page->index (here the mm and the linear page index), and remove_migration_ptes()
 * points it at the new page with the old permission and state. Pages shared after fork are left alone by this
 * model (the kernel would walk every mapping).
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
        assertThat(sys.isMigratableAnon(src)).isTrue();
        assertThat(sys.migrateAnonPage(src, dst)).isTrue();
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
    void aPageSharedAfterForkIsNotMigratedUntilItIsExclusiveAgain() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        Process parent = sys.newProcess();
        long a = parent.mmap(4096, RW, Mman.MAP_PRIVATE);
        assertThat(parent.touch(a, true)).isZero();
        long original = parent.mm().pfnAt(a);
        Process child = parent.fork();
        assertThat(sys.isMigratableAnon(original)).isFalse();
        // the parent's write copies; the child's write then reuses the original, which becomes the child's
        assertThat(parent.touch(a, true)).isZero();
        assertThat(child.touch(a, true)).isZero();
        assertThat(child.mm().pfnAt(a)).isEqualTo(original);
        assertThat(sys.isMigratableAnon(original)).isTrue();
        long dst = sys.phys().allocPages(0, 0);
        assertThat(sys.migrateAnonPage(original, dst)).isTrue();
        assertThat(child.mm().pfnAt(a)).isEqualTo(dst);
    }

    @Test
    void theZeroPageAndPageTablesAreNotMigratable() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        Process p = sys.newProcess();
        long a = p.mmap(4096, RW, Mman.MAP_PRIVATE);
        assertThat(p.touch(a, false)).isZero();
        assertThat(sys.isMigratableAnon(sys.zeroPfn())).isFalse();
        assertThat(sys.isMigratableAnon(p.mm().pfnAt(a))).isFalse();
    }
}
