package org.mmsim.compaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.compaction.CompactResult.COMPACT_COMPLETE;
import static org.mmsim.compaction.CompactResult.COMPACT_CONTINUE;
import static org.mmsim.compaction.CompactResult.COMPACT_NO_SUITABLE_PAGE;
import static org.mmsim.compaction.CompactResult.COMPACT_PARTIAL_SKIPPED;
import static org.mmsim.compaction.CompactResult.COMPACT_SUCCESS;
import static org.mmsim.compaction.CompactionFixture.START;
import static org.mmsim.compaction.CompactionFixture.block;
import static org.mmsim.page.MigrateType.MOVABLE;
import static org.mmsim.page.MigrateType.UNMOVABLE;

import org.junit.jupiter.api.Test;

/**
 * __compact_finished() and compact_finished() of mm/compaction.c 6.1, worked by hand: the scanners meet when the
 * free scanner's pageblock is at or below the migrate scanner's (compact_scanners_met); then COMPLETE for a
 * whole-zone run, else PARTIAL_SKIPPED, with the cached positions reset and compact_blockskip_flush set by direct
 * compaction. Otherwise: proactive compaction against the low score mark; compact_memory continues; a direct
 * request succeeds once a free block of its order or above is on its list, the CMA list, or a fallback list
 * find_suitable_fallback(only_stealable) accepts; NO_SUITABLE_PAGE reads as CONTINUE.
 */
class CompactFinishedTest {

    @Test
    void scannersInTheSamePageblock_haveMet_wholeZoneRunIsComplete() {
        // free_pfn >> 9 = block 5 <= migrate_pfn >> 9 = block 5.
        CompactionFixture f = new CompactionFixture();
        CompactControl cc = f.control(-1, MOVABLE);
        cc.wholeZone = true;
        cc.migratePfn = block(5) + 7;
        cc.freePfn = block(5);
        assertThat(f.compaction.compactFinished(f.z, cc)).isEqualTo(COMPACT_COMPLETE);
    }

    @Test
    void freeScannerOneBlockAbove_haveNotMet() {
        // migrate_pfn at the last page of block 4, free_pfn at block 5: 5 <= 4 is false; compact_memory continues.
        CompactionFixture f = new CompactionFixture();
        CompactControl cc = f.control(-1, MOVABLE);
        cc.migratePfn = block(5) - 1;
        cc.freePfn = block(5);
        assertThat(f.compaction.compactFinished(f.z, cc)).isEqualTo(COMPACT_CONTINUE);
    }

    @Test
    void metFromCachedPositions_isPartialSkipped_resetsCacheAndFlagsDirectCompaction() {
        // whole_zone false -> PARTIAL_SKIPPED; reset_cached_positions: migrate [0] and [1] = zone start, free =
        // pageblock_start_pfn(zone_end - 1) = block 7; direct compaction sets compact_blockskip_flush.
        CompactionFixture f = new CompactionFixture();
        SkipHints h = f.compaction.skipHints(f.z);
        h.setCachedMigratePfns(block(3));
        h.setCachedFreePfn(block(5));
        CompactControl cc = f.control(2, MOVABLE);
        cc.migratePfn = block(4);
        cc.freePfn = block(4);
        assertThat(f.compaction.compactFinished(f.z, cc)).isEqualTo(COMPACT_PARTIAL_SKIPPED);
        assertThat(h.cachedMigratePfn(false)).isEqualTo(START);
        assertThat(h.cachedMigratePfn(true)).isEqualTo(START);
        assertThat(h.cachedFreePfn()).isEqualTo(block(7));
        assertThat(h.blockskipFlush()).isTrue();
    }

    @Test
    void kcompactdDoesNotSetTheBlockskipFlush() {
        CompactionFixture f = new CompactionFixture();
        CompactControl cc = f.control(2, MOVABLE);
        cc.direct = false;
        cc.migratePfn = block(4);
        cc.freePfn = block(4);
        assertThat(f.compaction.compactFinished(f.z, cc)).isEqualTo(COMPACT_PARTIAL_SKIPPED);
        assertThat(f.compaction.skipHints(f.z).blockskipFlush()).isFalse();
    }

    @Test
    void aFreeBlockOfTheOrderOnTheRequestedList_isSuccess() {
        // order-2 block in a MOVABLE pageblock (on the MOVABLE list), MOVABLE order-2 request.
        CompactionFixture f = new CompactionFixture().free(block(4), 2);
        assertThat(f.compaction.compactFinished(f.z, f.control(2, MOVABLE))).isEqualTo(COMPACT_SUCCESS);
    }

    @Test
    void aLargerFreeBlockCountsToo() {
        // Only an order-5 MOVABLE block: the loop runs order 2..10 and finds it at 5.
        CompactionFixture f = new CompactionFixture().free(block(4), 5);
        assertThat(f.compaction.compactFinished(f.z, f.control(2, MOVABLE))).isEqualTo(COMPACT_SUCCESS);
    }

    @Test
    void onlySmallerFreeBlocks_isNoSuitablePage_readAsContinue() {
        CompactionFixture f = new CompactionFixture().freeSinglePages(START, 200).free(block(4), 1);
        CompactControl cc = f.control(2, MOVABLE);
        assertThat(f.compaction.compactFinishedNoTrace(f.z, cc)).isEqualTo(COMPACT_NO_SUITABLE_PAGE);
        assertThat(f.compaction.compactFinished(f.z, cc)).isEqualTo(COMPACT_CONTINUE);
    }

    @Test
    void anUnmovableRequestMayStealFromTheMovableList() {
        // fallbacks[UNMOVABLE] = {RECLAIMABLE, MOVABLE}; MOVABLE has an order-2 block and can_steal_fallback is
        // true for an UNMOVABLE start type -> SUCCESS.
        CompactionFixture f = new CompactionFixture().free(block(4), 2);
        assertThat(f.compaction.compactFinished(f.z, f.control(2, UNMOVABLE))).isEqualTo(COMPACT_SUCCESS);
    }

    @Test
    void aMovableRequestBelowHalfAPageblockMayNotSteal() {
        // An order-3 block on the UNMOVABLE list (its pageblock is UNMOVABLE). MOVABLE order 3: can_steal_fallback
        // = 3 >= 9 / 2 = 4? no; not UNMOVABLE/RECLAIMABLE; grouping on -> false, so only_stealable finds nothing.
        CompactionFixture f = new CompactionFixture().pageblockType(4, UNMOVABLE).free(block(4), 3);
        assertThat(f.compaction.compactFinishedNoTrace(f.z, f.control(3, MOVABLE)))
                .isEqualTo(COMPACT_NO_SUITABLE_PAGE);
    }

    @Test
    void aMovableRequestOfHalfAPageblockMaySteal() {
        // An order-4 block on the UNMOVABLE list, MOVABLE order 4: 4 >= 9 / 2 -> can steal -> SUCCESS.
        CompactionFixture f = new CompactionFixture().pageblockType(4, UNMOVABLE).free(block(4), 4);
        assertThat(f.compaction.compactFinished(f.z, f.control(4, MOVABLE))).isEqualTo(COMPACT_SUCCESS);
    }

    @Test
    void compactMemoryContinuesWhateverIsFree() {
        // is_via_compact_memory(-1): CONTINUE until the scanners meet, even with a free order-10 block.
        CompactionFixture f = new CompactionFixture().free(START, 10);
        assertThat(f.compaction.compactFinished(f.z, f.control(-1, MOVABLE))).isEqualTo(COMPACT_CONTINUE);
    }

    @Test
    void proactiveCompactionStopsAtTheLowScoreMark() {
        // Zone score: one order-9 block + 128 single pages -> extfrag(9) = (640 - 512) * 100 / 640 = 20.
        // proactiveness 20: low mark 80, 20 <= 80 -> SUCCESS. proactiveness 85: low max(15, 5) = 15, 20 > 15 ->
        // CONTINUE.
        CompactionFixture calm = new CompactionFixture(500, 20).free(block(2), 9).freeSinglePages(START, 128);
        CompactControl cc = calm.control(-1, MOVABLE);
        cc.proactive = true;
        assertThat(calm.compaction.compactFinished(calm.z, cc)).isEqualTo(COMPACT_SUCCESS);
        CompactionFixture eager = new CompactionFixture(500, 85).free(block(2), 9).freeSinglePages(START, 128);
        CompactControl cc2 = eager.control(-1, MOVABLE);
        cc2.proactive = true;
        assertThat(eager.compaction.compactFinished(eager.z, cc2)).isEqualTo(COMPACT_CONTINUE);
    }
}
