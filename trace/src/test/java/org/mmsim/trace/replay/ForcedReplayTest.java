package org.mmsim.trace.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.page.Machine;
import org.mmsim.page.MigrateType;
import org.mmsim.page.SimpleMachine;
import org.mmsim.page.Zone;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceEventKind;

/**
 * Forced replay on a two-block Normal zone (pfns 0x1000-0x17ff, two free order-10 blocks, all Movable) with
 * hand-made events; every expected value is the kernel's rule (expand, __free_one_page, the per-CPU lists)
 * worked by hand.
 */
class ForcedReplayTest {
    private static final long BASE = 0x1000;
    private final Machine machine = SimpleMachine.build(Arch.X86_64, 2,
            List.of(new SimpleMachine.ZoneSpec(ZoneType.NORMAL, BASE, 2048)));
    private final Zone zone = machine.nodes().get(0).zone(ZoneType.NORMAL);
    private final ForcedReplay replay = new ForcedReplay(machine, 10);
    private final TraceEvent e = new TraceEvent();
    private long line;

    private void event(TraceEventKind kind, long pfn, int order, int mt) {
        e.clear();
        e.kind = kind;
        e.name = kind.eventName();
        e.position = ++line;
        e.cpu = 0;
        e.pfn = pfn;
        e.order = order;
        e.migratetype = mt;
    }

    private void zoneLocked(long pfn, int order, int mt, boolean refill) {
        event(TraceEventKind.MM_PAGE_ALLOC_ZONE_LOCKED, pfn, order, mt);
        e.percpuRefill = refill;
        replay.apply(e);
    }

    private void alloc(long pfn, int order, int mt) {
        event(TraceEventKind.MM_PAGE_ALLOC, pfn, order, mt);
        replay.apply(e);
    }

    private void free(long pfn, int order) {
        event(TraceEventKind.MM_PAGE_FREE, pfn, order, -1);
        replay.apply(e);
    }

    private void drain(long pfn, int order, int mt) {
        event(TraceEventKind.MM_PAGE_PCPU_DRAIN, pfn, order, mt);
        replay.apply(e);
    }

    /** After every test: the checks of CONFIG_DEBUG_VM over the zone (lists, counts, unmerged buddies). */
    @AfterEach
    void invariantsHold() {
        BuddyChecker.check(machine);
    }

    private long[] buddyinfo() {
        long[] b = new long[11];
        for (int o = 0; o < 11; o++) {
            b[o] = zone.nrFree(o);
        }
        return b;
    }

    @Test
    void anOrderZeroTakeSplitsTheBlockAsExpandDoesAndTheDrainMergesItBack() {
        zoneLocked(BASE, 0, MigrateType.MOVABLE, false);
        alloc(BASE, 0, MigrateType.MOVABLE);
        // expand(): 0x1000's order-10 block leaves one free block of each order 0..9 (0x1001, 0x1002, ... 0x1200)
        assertThat(buddyinfo()).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(machine.nodes().get(0).memMap().isBuddy(0x1200)).isTrue();
        assertThat(zone.nrFreePages()).isEqualTo(2047);

        free(BASE, 0);
        // free_unref_page: order 0 goes to the CPU's list, the buddy does not change
        assertThat(zone.pcpCount(0)).isEqualTo(1);
        assertThat(buddyinfo()).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);

        drain(BASE, 0, MigrateType.MOVABLE);
        // __free_one_page merges 0x1000 with 0x1001, 0x1002, ... up to order 10 again
        assertThat(zone.pcpCount(0)).isZero();
        assertThat(buddyinfo()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2);
        assertThat(replay.inconsistencies()).isZero();
        assertThat(replay.allocsFromBuddy()).isEqualTo(1);
    }

    @Test
    void aRefillPutsThePageOnTheCpuListAndTheAllocationTakesItFromThere() {
        zoneLocked(BASE, 0, MigrateType.MOVABLE, true);
        zoneLocked(BASE + 1, 0, MigrateType.MOVABLE, true);
        assertThat(zone.pcpCount(0)).isEqualTo(2);
        alloc(BASE, 0, MigrateType.MOVABLE);
        assertThat(zone.pcpCount(0)).isEqualTo(1);
        assertThat(zone.pcpList(0, MigrateType.MOVABLE)).containsExactly(BASE + 1);
        assertThat(replay.allocsFromPcp()).isEqualTo(1);
        assertThat(replay.bulkTaken()).isZero();
        assertThat(replay.inconsistencies()).isZero();
    }

    @Test
    void anAllocationBehindTheListHeadMeansTheHeadWentUntraced() {
        // rmqueue_pcplist() takes the head: the kernel handing out the second page of the list means something
        // without a tracepoint (__alloc_pages_bulk) took the first
        zoneLocked(BASE, 0, MigrateType.MOVABLE, true);
        zoneLocked(BASE + 1, 0, MigrateType.MOVABLE, true);
        zoneLocked(BASE + 2, 0, MigrateType.MOVABLE, true);
        alloc(BASE + 2, 0, MigrateType.MOVABLE);
        assertThat(replay.bulkTaken()).isEqualTo(2);
        assertThat(zone.pcpCount(0)).isZero();
        free(BASE, 0);
        assertThat(replay.inconsistencies()).isZero();
    }

    @Test
    void aSecondFreeOfTheSamePageIsCaughtWithItsLine() {
        // order 4 is above PAGE_ALLOC_COSTLY_ORDER: the free goes straight to the buddy
        zoneLocked(BASE + 16, 4, MigrateType.UNMOVABLE, false);
        alloc(BASE + 16, 4, MigrateType.UNMOVABLE);
        free(BASE + 16, 4);
        free(BASE + 16, 4);
        assertThat(replay.count(Inconsistency.FREE_OF_FREE)).isEqualTo(1);
        assertThat(replay.inconsistencies()).isEqualTo(1);
        assertThat(replay.examples()).singleElement().satisfies(x -> {
            assertThat(x.position()).isEqualTo(4);
            assertThat(x.kind()).isEqualTo(Inconsistency.FREE_OF_FREE);
            assertThat(x.toString()).startsWith("line 4: mm_page_free pfn=0x1010 order=4");
        });
    }

    @Test
    void aSecondFreeOfAPageOnACpuListIsTheUntracedBulkKind() {
        zoneLocked(BASE + 8, 3, MigrateType.UNMOVABLE, false);
        alloc(BASE + 8, 3, MigrateType.UNMOVABLE);
        free(BASE + 8, 3);
        free(BASE + 8, 3);
        assertThat(replay.count(Inconsistency.FREE_OF_PCP_PAGE)).isEqualTo(1);
        assertThat(replay.freesOfPcpPages()).isEqualTo(1);
        assertThat(replay.inconsistencies()).isEqualTo(1);
    }

    @Test
    void anAllocationOfAnAllocatedPageAndAWrongOrderAreCaught() {
        zoneLocked(BASE, 0, MigrateType.MOVABLE, false);
        alloc(BASE, 0, MigrateType.MOVABLE);
        alloc(BASE, 0, MigrateType.MOVABLE);
        free(BASE, 2);
        assertThat(replay.count(Inconsistency.ALLOC_OF_ALLOCATED)).isEqualTo(1);
        assertThat(replay.count(Inconsistency.WRONG_ORDER)).isEqualTo(1);
        assertThat(replay.examples()).extracting(InconsistencyExample::position).containsExactly(3L, 4L);
    }

    @Test
    void theFirstEventOnAnUnknownPageResolvesItWithoutAnInconsistency() {
        // the model's start has 0x1000 free; the kernel frees it, so it was allocated at the start
        free(BASE, 0);
        assertThat(replay.inconsistencies()).isZero();
        assertThat(replay.resolvedByFirstTouch()).isEqualTo(1);
        assertThat(zone.pcpCount(0)).isEqualTo(1);
        // the page left the buddy when forced allocated: 0x1001..0x13ff split off around it
        assertThat(buddyinfo()).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        free(BASE, 0);
        assertThat(replay.count(Inconsistency.FREE_OF_PCP_PAGE)).isEqualTo(1);
    }

    @Test
    void aFreeOfPartOfABlockIsSplitPageNotAnInconsistency() {
        zoneLocked(BASE, 2, MigrateType.UNMOVABLE, false);
        alloc(BASE, 2, MigrateType.UNMOVABLE);
        // another event first: straight after the allocation, order-0 frees of the block's pages in order would be
        // make_alloc_exact() giving back an alloc_pages_exact() tail
        zoneLocked(BASE + 1024, 0, MigrateType.MOVABLE, false);
        alloc(BASE + 1024, 0, MigrateType.MOVABLE);
        free(BASE + 1, 0);
        free(BASE + 3, 0);
        assertThat(replay.splitsInferred()).isEqualTo(1);
        assertThat(replay.inconsistencies()).isZero();
        assertThat(zone.pcpCount(0)).isEqualTo(2);
    }

    @Test
    void aTakeInsideAFreeBlockSplitsAroundItAsBreakDownBuddyPagesDoes() {
        zoneLocked(BASE + 3, 0, MigrateType.MOVABLE, false);
        // 0x1000 o1, 0x1002 o0, 0x1004 o2, 0x1008 o3, ..., 0x1200 o9, and the other order-10 block
        assertThat(buddyinfo()).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(zone.freeList(1, MigrateType.MOVABLE)).containsExactly(BASE);
        assertThat(zone.freeList(0, MigrateType.MOVABLE)).containsExactly(BASE + 2);
    }

    @Test
    void anExtfragStealWithOwnershipMovesThePageblockAndItsFreePages() {
        zoneLocked(BASE, 0, MigrateType.MOVABLE, false);
        alloc(BASE, 0, MigrateType.MOVABLE);
        // steal 0x1100 (order 8, Movable) for an Unmovable order-0 request, taking ownership of its pageblock
        event(TraceEventKind.MM_PAGE_ALLOC_EXTFRAG, 0x1100, 0, MigrateType.UNMOVABLE);
        e.fallbackOrder = 8;
        e.fallbackMigratetype = MigrateType.MOVABLE;
        e.changeOwnership = true;
        replay.apply(e);
        assertThat(zone.getPageblockMigratetype(0x1000)).isEqualTo(MigrateType.UNMOVABLE);
        // move_freepages_block moved every free block of 0x1000-0x11ff: orders 0..8, one each
        for (int o = 0; o <= 8; o++) {
            assertThat(zone.freeCount(o, MigrateType.UNMOVABLE)).as("order %d", o).isEqualTo(1);
        }
        assertThat(zone.freeCount(9, MigrateType.MOVABLE)).isEqualTo(1);
        zoneLocked(0x1100, 0, MigrateType.UNMOVABLE, false);
        assertThat(replay.inconsistencies()).isZero();
        assertThat(replay.extfragOwnershipChanges()).isEqualTo(1);
    }

    @Test
    void aDrainOfAPageOnNoListIsCaught() {
        zoneLocked(BASE, 0, MigrateType.MOVABLE, false);
        alloc(BASE, 0, MigrateType.MOVABLE);
        drain(BASE, 0, MigrateType.MOVABLE);
        assertThat(replay.count(Inconsistency.DRAIN_NOT_ON_PCP)).isEqualTo(1);
        assertThat(buddyinfo()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2);
    }

    private void compaction(String name, String text) {
        event(TraceEventKind.COMPACTION, -1, -1, -1);
        e.name = name;
        e.text = text;
        replay.apply(e);
    }

    @Test
    void compactionsFreeScannerTakesTheFreeBlocksItReports() {
        // 0x1000 allocated: the first order-10 block is split into 0x1001 (o0), 0x1002 (o1), ..., 0x1200 (o9).
        // A sync scan of [0x1000, 0x1010) visits every pfn: 0x1001 (1 page), 0x1002 (2), 0x1004 (4), 0x1008 (8)
        zoneLocked(BASE, 0, MigrateType.MOVABLE, false);
        alloc(BASE, 0, MigrateType.MOVABLE);
        compaction("mm_compaction_begin", "zone_start=0x1000 migrate_pfn=0x1000 free_pfn=0x1600 zone_end=0x1800, mode=sync");
        compaction(FreeScan.EVENT, "range=(0x1000 ~ 0x1010) nr_scanned=16 nr_taken=15");
        assertThat(replay.isolatedFreepages()).isEqualTo(15);
        assertThat(buddyinfo()).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1);
        assertThat(replay.inconsistencies()).isZero();
        // the isolated pages come back one by one (release_freepages), as frees of allocated order-0 pages
        for (long p = BASE + 1; p < BASE + 16; p++) {
            free(p, 0);
        }
        assertThat(replay.inconsistencies()).isZero();
        assertThat(zone.pcpCount(0)).isEqualTo(15);
    }

    @Test
    void anAsyncScanStridesAndAShortScanIsCaught() {
        // async: the scanner visits 0x1000, 0x1020, 0x1040, ...; only 0x1400 heads a free block in [0x1000, 0x1800)
        // once 0x1000-0x13ff is allocated as one order-10 block; it reports 1024 taken, the model finds them
        zoneLocked(BASE, 10, MigrateType.MOVABLE, false);
        alloc(BASE, 10, MigrateType.MOVABLE);
        compaction("mm_compaction_begin", "zone_start=0x1000 migrate_pfn=0x1000 free_pfn=0x1600 zone_end=0x1800, mode=async");
        compaction(FreeScan.EVENT, "range=(0x1400 ~ 0x1800) nr_scanned=1024 nr_taken=1024");
        assertThat(replay.isolatedFreepages()).isEqualTo(1024);
        assertThat(replay.inconsistencies()).isZero();
        // nothing is free any more: a scan that reports pages taken is short
        compaction(FreeScan.EVENT, "range=(0x1000 ~ 0x1800) nr_scanned=64 nr_taken=32");
        assertThat(replay.count(Inconsistency.ISOLATE_SHORT)).isEqualTo(1);
    }

    @Test
    void theFreeScanEventsTextIsParsedAndAnythingElseIsNot() {
        assertThat(FreeScan.parse("range=(0x26a00 ~ 0x26c00) nr_scanned=47 nr_taken=32"))
                .isEqualTo(new FreeScan(0x26a00, 0x26c00, 47, 32));
        assertThat(FreeScan.parse("range=(0x26a00 ~ ) nr_scanned=47")).isNull();
        assertThat(FreeScan.parse(null)).isNull();
    }

    @Test
    void theUnusedTailOfAnExactAllocationGoesToTheBuddysTail() {
        // alloc_pages_exact(6 pages): order 3 at 0x1008, then make_alloc_exact() frees 0x100e and 0x100f with
        // __free_pages_ok(FPI_TO_TAIL): they merge into an order-1 block on the buddy, no per-CPU list
        zoneLocked(BASE + 8, 3, MigrateType.UNMOVABLE, false);
        alloc(BASE + 8, 3, MigrateType.UNMOVABLE);
        free(BASE + 14, 0);
        free(BASE + 15, 0);
        assertThat(replay.exactTails()).isEqualTo(2);
        assertThat(zone.pcpCount(0)).isZero();
        assertThat(replay.inconsistencies()).isZero();
        // 0x1000 order 3 and 0x100e order 1 free beside the allocated 0x1008-0x100d
        assertThat(buddyinfo()).containsExactly(0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1);
    }
}
