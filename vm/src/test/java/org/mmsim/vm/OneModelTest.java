package org.mmsim.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.compaction.Compaction;
import org.mmsim.page.Machine;
import org.mmsim.page.SimpleMachine;
import org.mmsim.page.Zone;
import org.mmsim.reclaim.Lruvec;
import org.mmsim.reclaim.Memory;
import org.mmsim.reclaim.MmConfig;
import org.mmsim.reclaim.MmEnvironment;
import org.mmsim.reclaim.PageOwners;
import org.mmsim.reclaim.VmCounters;

/**
 * Processes over a machine's memory model ({@link VmSystem#onMemory}) are that model's only processes: their
 * anonymous pages are its NR_ANON_PAGES and anon LRU pages (mm/swap.c lru_cache_add_inactive_or_unevictable()),
 * the unevictable list in a VM_LOCKED vma (MAP_LOCKED populates at mmap, as do_mmap() asks mm_populate();
 * mlock2(MLOCK_ONFAULT) populates nothing and locks pages as they fault; mlock2 moves pages already mapped,
 * mlock_vma_pages_range()); their shared anonymous pages are shmem pages of the one page cache; their swap
 * entries take slots of the one swap device; and they are what the OOM killer chooses among.
 */
class OneModelTest {
    private static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;
    private static final int PRIVATE_ANON = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS;
    private Memory mem;
    private VmSystem sys;

    @BeforeEach
    void machine() {
        machine("never");
    }

    private void machine(String thp) {
        Machine m = SimpleMachine.build(Arch.X86_64, 1, List.of(new SimpleMachine.ZoneSpec(ZoneType.NORMAL, 0x1000, 16384)));
        for (Zone z : m.zones()) {
            z.setWatermarks(128, 256, 384);
            z.setPcpHighBatch(0, 1);
        }
        mem = new Memory(m, new MmConfig(60, 1024, true, 0, 500, true), MmEnvironment.NONE, Compaction::new);
        sys = VmSystem.onMemory(mem, Paging.X86_64, thp);
    }

    private long lru(int list) {
        return mem.lruvec(0).size(list);
    }

    @Test
    void anonymousPagesAreTheModelsAnonPagesOnTheInactiveList() {
        Process p = sys.newProcess(1000, "a");
        long a = p.mmap(64 * 4096, RW, PRIVATE_ANON);
        assertThat(p.touchRange(a, 64 * 4096, true)).isZero();
        assertThat(mem.counters.get(VmCounters.NR_ANON_PAGES)).isEqualTo(64);
        assertThat(lru(Lruvec.INACTIVE_ANON)).isEqualTo(64);
        assertThat(mem.owners.kind(p.mm().pfnAt(a))).isEqualTo(PageOwners.ANON);
        assertThat(mem.rmap()).isSameAs(sys);
        p.exit();
        assertThat(mem.counters.get(VmCounters.NR_ANON_PAGES)).isZero();
        assertThat(lru(Lruvec.INACTIVE_ANON)).isZero();
        assertThat(sys.processes()).isEmpty();
    }

    @Test
    void mapLockedPopulatesOntoTheUnevictableList() {
        Process p = sys.newProcess(1000, "locked");
        long a = p.mmap(0, 32 * 4096, RW, PRIVATE_ANON | Mman.MAP_LOCKED, null, 0);
        assertThat(p.rss()).isEqualTo(32);
        assertThat(lru(Lruvec.UNEVICTABLE)).isEqualTo(32);
        assertThat(mem.counters.get(VmCounters.NR_MLOCK)).isEqualTo(32);
        assertThat(ProcMaps.smaps(p.mm())).contains("VmFlags: rd wr mr mw me lo ac sd \n");
        p.munmap(a, 32 * 4096);
        assertThat(mem.counters.get(VmCounters.NR_MLOCK)).isZero();
        assertThat(lru(Lruvec.UNEVICTABLE)).isZero();
    }

    @Test
    void mlockOnFaultLocksPagesAsTheyFaultAndMovesThoseAlreadyMapped() {
        Process p = sys.newProcess(1000, "onfault");
        long a = p.mmap(16 * 4096, RW, PRIVATE_ANON);
        assertThat(p.touchRange(a, 4 * 4096, true)).isZero();
        assertThat(p.mm().mlock2(a, 16 * 4096, Mman.MLOCK_ONFAULT)).isZero();
        assertThat(p.rss()).isEqualTo(4);
        assertThat(lru(Lruvec.UNEVICTABLE)).isEqualTo(4);
        assertThat(lru(Lruvec.INACTIVE_ANON)).isZero();
        assertThat(p.touchRange(a, 16 * 4096, true)).isZero();
        assertThat(lru(Lruvec.UNEVICTABLE)).isEqualTo(16);
        assertThat(mem.counters.get(VmCounters.NR_MLOCK)).isEqualTo(16);
        assertThat(p.mm().mlock2(a, 4096, 2)).isEqualTo(Mman.EINVAL);
    }

    @Test
    void sharedAnonymousPagesAreShmemPagesOfTheOnePageCache() {
        Process p = sys.newProcess(1000, "shm");
        long a = p.mmap(8 * 4096, RW, Mman.MAP_SHARED | Mman.MAP_ANONYMOUS);
        assertThat(p.touchRange(a, 8 * 4096, true)).isZero();
        assertThat(mem.counters.get(VmCounters.NR_SHMEM)).isEqualTo(8);
        assertThat(mem.spaces()).hasSize(1);
        assertThat(mem.spaces().get(0).nrPages()).isEqualTo(8);
        long pfn = p.mm().pfnAt(a);
        assertThat(mem.owners.kind(pfn)).isEqualTo(PageOwners.SHMEM);
        assertThat(mem.owners.hasFlag(pfn, PageOwners.F_MAPPED)).isTrue();
        assertThat(sys.pageCache().nrPages()).isEqualTo(8);
    }

    @Test
    void swapEntriesTakeSlotsOfTheOneSwapDevice() {
        Process p = sys.newProcess(1000, "s");
        long a = p.mmap(4 * 4096, RW, PRIVATE_ANON);
        assertThat(p.touchRange(a, 4 * 4096, true)).isZero();
        assertThat(sys.swap()).isSameAs(mem.swap);
        assertThat(sys.swapOut(p.mm().pfnAt(a))).isTrue();
        assertThat(mem.swap.usedPages()).isEqualTo(1);
        assertThat(mem.counters.get(VmCounters.NR_ANON_PAGES)).isEqualTo(3);
        assertThat(p.touch(a, false)).isZero();
        assertThat(mem.swap.usedPages()).isZero();
    }

    @Test
    void theOomKillerChoosesAmongTheProcessesAndTheVictimGoesWhenReaped() {
        Process small = sys.newProcess(1000, "small");
        long a = small.mmap(16 * 4096, RW, PRIVATE_ANON);
        small.touchRange(a, 16 * 4096, true);
        Process big = sys.newProcess(1001, "big");
        long b = big.mmap(64 * 4096, RW, PRIVATE_ANON);
        big.touchRange(b, 64 * 4096, true);
        assertThat(mem.oom.outOfMemory()).isFalse();
        assertThat(mem.counters.get(VmCounters.OOM_KILL)).isEqualTo(1);
        assertThat(sys.isRunning(big)).isFalse();
        assertThat(sys.isRunning(small)).isTrue();
        sys.reapDoomed();
        assertThat(big.exited()).isTrue();
        assertThat(sys.processes()).containsExactly(small);
    }

    @Test
    void aThpIsOnTheLruAgedByItsPmdAndSwappedOutWhole() {
        machine("always");
        Process p = sys.newProcess(1000, "thp");
        long m = p.mmap(4L << 20, RW, PRIVATE_ANON);
        long a = (m + (2L << 20) - 1) & -(2L << 20);
        assertThat(p.touch(a + 5 * 4096, true)).isZero();
        assertThat(p.mm().isHugeMapped(a)).isTrue();
        long head = p.mm().pfnAt(a);
        assertThat(lru(Lruvec.INACTIVE_ANON)).isEqualTo(512);
        assertThat(mem.counters.get(VmCounters.NR_ANON_THPS)).isEqualTo(1);
        // The fault left the PMD young; the first look clears it, the second finds it old.
        assertThat(sys.folioReferenced(head)).isTrue();
        assertThat(sys.folioReferenced(head)).isFalse();
        assertThat(p.touch(a + 300 * 4096, false)).isZero();
        assertThat(sys.folioReferenced(head)).isTrue();
        // add_to_swap of the whole folio, the PMD split onto 512 swap ptes, the folio freed.
        assertThat(sys.swapOut(head)).isTrue();
        assertThat(sys.events().thpSwpout).isEqualTo(1);
        assertThat(sys.events().pswpout).isEqualTo(512);
        assertThat(mem.swap.usedPages()).isEqualTo(512);
        assertThat(p.mm().counter(RssCounters.MM_SWAPENTS)).isEqualTo(512);
        assertThat(p.rss()).isZero();
        assertThat(mem.counters.get(VmCounters.NR_ANON_PAGES)).isZero();
        assertThat(mem.counters.get(VmCounters.NR_ANON_THPS)).isZero();
        assertThat(p.mm().isHugeMapped(a)).isFalse();
        // A later access swaps one 4 KiB page back in (do_swap_page).
        assertThat(p.touch(a + 7 * 4096, false)).isZero();
        assertThat(mem.swap.usedPages()).isEqualTo(511);
        assertThat(p.rss()).isEqualTo(1);
        new RmapChecker(sys).check(null);
    }
}
