package org.mmsim.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.LongPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmsim.page.debug.VmBug;

/**
 * The vm layer's checker passes on consistent address spaces (a parent and a forked child sharing
 * copy-on-write pages, a THP, swapped-out pages) and catches each kind of corruption it claims to, naming the
 * right check.
 */
class RmapCheckerTest {
    private static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;
    private static final long PS = 4096;

    private VmSystem sys;
    private Process parent;
    private Process child;
    private long small;
    private long huge;
    private long swapSlot;

    @BeforeEach
    void populate() {
        sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        sys.thp().enabled = ThpSettings.Enabled.ALWAYS;
        parent = sys.newProcess();
        small = parent.mmap(16 * PS, RW, Mman.MAP_PRIVATE);
        for (int i = 0; i < 16; i++) {
            assertThat(parent.touch(small + i * PS, true)).isZero();
        }
        long region = parent.mmap(4L << 20, RW, Mman.MAP_PRIVATE);
        huge = (region + Paging.PMD_SIZE - 1) & Paging.PMD_MASK;
        assertThat(parent.touch(huge, true)).isZero();
        assertThat(parent.mm().isHugeMapped(huge)).isTrue();
        child = parent.fork();
        assertThat(child).isNotNull();
        long shared = parent.mm().pfnAt(small + 3 * PS);
        assertThat(sys.swapOut(shared)).isTrue();
        long entry = parent.mm().leafEntry(small + 3 * PS);
        assertThat(sys.fmt.isSwap(entry)).isTrue();
        swapSlot = sys.fmt.swapOffset(entry);
    }

    private void assertCaught(String check, String message, LongPredicate allocated, Runnable corruption) {
        assertThatCode(() -> new RmapChecker(sys).check(pfn -> true)).doesNotThrowAnyException();
        corruption.run();
        assertThatThrownBy(() -> new RmapChecker(sys).check(allocated)).isInstanceOf(VmBug.class)
                .hasMessageContaining(message).extracting(e -> ((VmBug) e).check()).isEqualTo(check);
    }

    private void assertCaught(String check, String message, Runnable corruption) {
        assertCaught(check, message, pfn -> true, corruption);
    }

    private long pfn(Process p, long addr) {
        return p.mm().pfnAt(addr);
    }

    @Test
    void consistentAddressSpacesPass() {
        assertThat(sys.refs().pteMapcount(pfn(parent, small))).isEqualTo(2);
        assertThat(sys.swap().count(swapSlot)).isEqualTo(2);
        assertThatCode(() -> new RmapChecker(sys).check(pfn -> true)).doesNotThrowAnyException();
        child.exit();
        assertThatCode(() -> new RmapChecker(sys).check(pfn -> true)).doesNotThrowAnyException();
    }

    @Test
    void mapcountAbovePtes() {
        assertCaught(RmapChecker.MAPCOUNT, "has mapcount", () -> sys.refs().incMapcount(pfn(parent, small + PS)));
    }

    @Test
    void compoundMapcountAbovePmds() {
        assertCaught(RmapChecker.MAPCOUNT, "compound mapcount", () -> sys.refs().addEntireMapcount(pfn(parent, huge), 1));
    }

    @Test
    void refcountBelowMappings() {
        assertCaught(RmapChecker.MAPCOUNT, "refcount", () -> sys.refs().setRefcount(pfn(child, small), 1));
    }

    @Test
    void rssCounter() {
        assertCaught(RmapChecker.RSS, "MM_ANONPAGES", () -> child.mm().rss[RssCounters.MM_ANONPAGES]++);
    }

    @Test
    void swapEntriesCounter() {
        assertCaught(RmapChecker.RSS, "MM_SWAPENTS", () -> parent.mm().rss[RssCounters.MM_SWAPENTS]--);
    }

    @Test
    void pageTableCounter() {
        assertCaught(RmapChecker.RSS, "PTE tables", () -> parent.mm().nrPtes++);
    }

    @Test
    void swapCountAboveSwapPtes() {
        assertCaught(RmapChecker.SWAP, "has count", () -> sys.swap().dup(swapSlot));
    }

    @Test
    void swapCacheThatNamesAnotherSlot() {
        assertCaught(RmapChecker.SWAP, "caches pfn", () -> sys.swap().setCachePfn(5, pfn(parent, small)));
    }

    @Test
    void mappedPageThatIsFree() {
        long freed = pfn(parent, small + 5 * PS);
        assertCaught(RmapChecker.FREED, "not an allocated block", pfn -> pfn != freed, () -> {
        });
    }
}
