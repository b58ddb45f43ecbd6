package org.mmsim.reclaim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.compaction.Compaction;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.SimpleMachine;
import org.mmsim.page.Zone;
import org.mmsim.page.debug.VmBug;

/**
 * The reclaim layer's checker passes on a consistent model (a process, a file read and written, a tmpfs file,
 * slab and kernel pages) and catches each kind of corruption it claims to, naming the right check.
 */
class ReclaimCheckerTest {
    private Memory mem;
    private AnonProcesses.Task proc;
    private AddressSpace file;
    private AddressSpace tmpfs;

    @BeforeEach
    void populate() {
        Machine m = SimpleMachine.build(Arch.X86_64, 1, List.of(new SimpleMachine.ZoneSpec(ZoneType.NORMAL, 0x1000, 16384)));
        for (Zone z : m.zones()) {
            z.setWatermarks(128, 256, 384);
            z.setPcpHighBatch(64, 16);
        }
        mem = new Memory(m, new MmConfig(60, 1024, true, 0, 500, true), MmEnvironment.NONE, Compaction::new);
        AnonProcesses procs = new AnonProcesses(mem);
        proc = procs.spawn(100, "proc", 2048);
        for (int v = 0; v < 1024; v++) {
            assertThat(procs.touch(proc, v, v >= 512)).isTrue();
        }
        file = mem.newAddressSpace("file", 256, false);
        for (int i = 0; i < 128; i++) {
            assertThat(mem.readFile(file, i)).isTrue();
            assertThat(mem.readFile(file, i)).isTrue();
            assertThat(mem.readFile(file, i)).isTrue();
        }
        for (int i = 100; i < 200; i++) {
            assertThat(mem.writeFile(file, i)).isTrue();
        }
        tmpfs = mem.newAddressSpace("tmpfs", 128, true);
        for (int i = 0; i < 64; i++) {
            assertThat(mem.writeShmem(tmpfs, i)).isTrue();
        }
        long[] pfn = new long[1];
        assertThat(mem.allocSlab(true, pfn)).isPositive();
        assertThat(mem.allocSlab(false, pfn)).isPositive();
        assertThat(mem.allocKernel(Gfp.GFP_KERNEL, 2)).isNotNegative();
    }

    private void assertCaught(String check, String message, Runnable corruption) {
        assertThatCode(() -> new ReclaimChecker(mem).check()).doesNotThrowAnyException();
        corruption.run();
        assertThatThrownBy(() -> new ReclaimChecker(mem).check()).isInstanceOf(VmBug.class)
                .hasMessageContaining(message).extracting(e -> ((VmBug) e).check()).isEqualTo(check);
    }

    private int slotOf(int pfn) {
        return mem.owners.slot(pfn);
    }

    @Test
    void aConsistentModelPasses() {
        assertThat(mem.lruvec(0).size(Lruvec.ACTIVE_FILE)).isPositive();
        assertThat(mem.counters.get(VmCounters.NR_ANON_THPS)).isPositive();
        assertThat(mem.counters.get(VmCounters.NR_DIRTY)).isEqualTo(100);
        assertThatCode(() -> new ReclaimChecker(mem).check()).doesNotThrowAnyException();
    }

    @Test
    void lruSizeAndLinksAndFlags() {
        assertCaught(ReclaimChecker.LRU, "prev link", () -> mem.owners.prev[slotOf(file.page(5))] = PageOwners.NIL);
    }

    @Test
    void pageOnAListWithoutPgLru() {
        assertCaught(ReclaimChecker.LRU, "has lru", () -> mem.owners.clearFlag(slotOf(proc.pte(3)), PageOwners.F_LRU));
    }

    @Test
    void pgLruOnAPageOnNoList() {
        long[] pfn = new long[1];
        mem.allocSlab(false, pfn);
        assertCaught(ReclaimChecker.LRU, "have PG_lru", () -> mem.owners.setFlag(mem.owners.slot(pfn[0]), PageOwners.F_LRU));
    }

    @Test
    void activeFlagOffItsList() {
        assertCaught(ReclaimChecker.LRU, "PG_active", () -> mem.owners.setFlag(slotOf(proc.pte(7)), PageOwners.F_ACTIVE));
    }

    @Test
    void pageOfTheWrongKindOnAList() {
        assertCaught(ReclaimChecker.LRU, "kind", () -> mem.owners.kind[slotOf(tmpfs.page(1))] = PageOwners.FILE);
    }

    @Test
    void ownedPageThatIsFree() {
        assertCaught(ReclaimChecker.OWNER, "not an allocated block", () -> {
            long pfn = mem.machine.allocPages(Gfp.GFP_KERNEL, 0);
            mem.machine.freePages(pfn, 0);
            mem.owners.set(pfn, PageOwners.KERNEL, 0, 0, 0);
        });
    }

    @Test
    void pageCacheSlotThatPointsAtAnotherPage() {
        assertCaught(ReclaimChecker.OWNER, "holds pfn", () -> file.pages[3] = file.page(4));
    }

    @Test
    void wrongNodeCounter() {
        assertCaught(ReclaimChecker.COUNTERS, "nr_file_pages", () -> mem.counters.add(VmCounters.NR_FILE_PAGES, 1));
    }

    @Test
    void wrongNrpages() {
        assertCaught(ReclaimChecker.COUNTERS, "nrpages of file tmpfs", () -> tmpfs.nrPages++);
    }

    @Test
    void wrongDirtyCount() {
        assertCaught(ReclaimChecker.DIRTY, "nr_dirty", () -> mem.counters.add(VmCounters.NR_DIRTY, -1));
    }

    @Test
    void dirtyAnonymousPage() {
        assertCaught(ReclaimChecker.DIRTY, "dirty or under writeback",
                () -> mem.owners.setFlag(slotOf(proc.pte(0)), PageOwners.F_DIRTY));
    }

    @Test
    void moreWrittenThanDirtied() {
        assertCaught(ReclaimChecker.DIRTY, "were dirtied", () -> mem.counters.add(VmCounters.NR_WRITTEN, 1000));
    }

    @Test
    void shmemSwapEntryWithoutCount() {
        assertCaught(ReclaimChecker.SWAP, "whose count is 0", () -> {
            tmpfs.pages[100] = AddressSpace.swapEntry(7);
            tmpfs.swapEntries++;
        });
    }

    @Test
    void swapEntriesWithoutSlots() {
        assertCaught(ReclaimChecker.SWAP, "slots used", () -> {
            mem.swap.dup(3);
            tmpfs.pages[100] = AddressSpace.swapEntry(3);
            tmpfs.swapEntries++;
        });
    }
}
