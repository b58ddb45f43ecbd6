package org.mmsim.compaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.compaction.CompactResult.COMPACT_CONTINUE;
import static org.mmsim.compaction.CompactResult.COMPACT_NOT_SUITABLE_ZONE;
import static org.mmsim.compaction.CompactResult.COMPACT_SKIPPED;
import static org.mmsim.compaction.CompactResult.COMPACT_SUCCESS;
import static org.mmsim.compaction.CompactionFixture.START;
import static org.mmsim.compaction.CompactionFixture.block;

import org.junit.jupiter.api.Test;
import org.mmsim.page.AllocFlags;

/**
 * compaction_suitable() and __compaction_suitable() of mm/compaction.c 6.1, worked by hand. Watermarks min 100,
 * low 200, high 300 throughout. The rule: SUCCESS if the order passes the allocation's own watermark; else
 * SKIPPED unless order 0 passes min (low above PAGE_ALLOC_COSTLY_ORDER = 3) + compact_gap(order) = 2 &lt;&lt; order,
 * i.e. free pages must be strictly above that mark; for costly orders a fragmentation index in
 * [0, extfrag_threshold] turns CONTINUE into NOT_SUITABLE_ZONE, which compaction_suitable() reports as SKIPPED.
 */
class SuitabilityTest {

    private static CompactionFixture zone(int extfragThreshold) {
        return new CompactionFixture(extfragThreshold, 20).watermarks(100, 200, 300);
    }

    @Test
    void nonCostlyOrder_skipsWhenFreePagesEqualMinPlusCompactGap() {
        // order 2: order-2 check fails (no free block of order >= 2). Order-0 mark = min 100 + (2 << 2) = 108.
        // 108 free pages: 108 <= 108 -> COMPACT_SKIPPED.
        CompactionFixture f = zone(500).freeSinglePages(START, 108);
        assertThat(Suitability.compactionSuitableWatermarks(f.z, 2, 0, f.z.zoneIdx())).isEqualTo(COMPACT_SKIPPED);
        assertThat(f.compaction.compactionSuitable(f.z, 2, 0, f.z.zoneIdx())).isEqualTo(COMPACT_SKIPPED);
    }

    @Test
    void nonCostlyOrder_continuesOnePageAboveMinPlusCompactGap() {
        // 109 free pages: 109 > 100 + 8 -> COMPACT_CONTINUE (order 2 is not costly: no fragindex test).
        CompactionFixture f = zone(500).freeSinglePages(START, 109);
        assertThat(f.compaction.compactionSuitable(f.z, 2, 0, f.z.zoneIdx())).isEqualTo(COMPACT_CONTINUE);
    }

    @Test
    void costlyOrder_usesLowWatermarkPlusCompactGap() {
        // order 4 > 3: order-0 mark = low 200 + (2 << 4) = 232. 232 pages -> SKIPPED, 233 pages -> CONTINUE.
        CompactionFixture at = zone(500).freeSinglePages(START, 232);
        assertThat(Suitability.compactionSuitableWatermarks(at.z, 4, 0, at.z.zoneIdx())).isEqualTo(COMPACT_SKIPPED);
        CompactionFixture above = zone(500).freeSinglePages(START, 233);
        assertThat(Suitability.compactionSuitableWatermarks(above.z, 4, 0, above.z.zoneIdx()))
                .isEqualTo(COMPACT_CONTINUE);
    }

    @Test
    void costlyOrder_fragmentedSinglePagesStaySuitable() {
        // 233 single pages, order 4: fragindex = 1000 - (1000 + 233 * 1000 / 16) / 233 = 1000 - (1000 + 14562) / 233
        // = 1000 - 66 = 934 > 500 -> stays COMPACT_CONTINUE.
        CompactionFixture f = zone(500).freeSinglePages(START, 233);
        assertThat(f.compaction.compactionSuitable(f.z, 4, 0, f.z.zoneIdx())).isEqualTo(COMPACT_CONTINUE);
    }

    @Test
    void alreadyMeetingTheWatermark_isSuccess() {
        // 120 single pages + one order-2 block = 124 free. Order-2 check at min 100: 124 - (4 - 1) = 121 > 100 and
        // an order-2 block is on a MOVABLE list -> COMPACT_SUCCESS.
        CompactionFixture f = zone(500).freeSinglePages(START, 120).free(block(4), 2);
        assertThat(f.compaction.compactionSuitable(f.z, 2, 0, f.z.zoneIdx())).isEqualTo(COMPACT_SUCCESS);
    }

    @Test
    void theAllocationsOwnWatermarkIsTheFirstCheck() {
        // Same zone with ALLOC_WMARK_HIGH: 121 > 300 fails, so not SUCCESS; order 0: 124 > 100 + 8 -> CONTINUE.
        CompactionFixture f = zone(500).freeSinglePages(START, 120).free(block(4), 2);
        assertThat(f.compaction.compactionSuitable(f.z, 2, AllocFlags.ALLOC_WMARK_HIGH, f.z.zoneIdx()))
                .isEqualTo(COMPACT_CONTINUE);
    }

    @Test
    void compactMemoryOrderMinusOne_alwaysContinues() {
        // is_via_compact_memory(-1): COMPACT_CONTINUE before any watermark, even with no free page at all.
        CompactionFixture f = zone(500);
        assertThat(f.compaction.compactionSuitable(f.z, -1, 0, f.z.zoneIdx())).isEqualTo(COMPACT_CONTINUE);
    }

    @Test
    void lowmemReserveOfTheHighestZoneidxRaisesTheMark() {
        // 150 single pages, order 2, lowmem_reserve[idx] = 50: 150 <= 100 + 8 + 50 = 158 -> SKIPPED.
        CompactionFixture f = zone(500).freeSinglePages(START, 150);
        assertThat(f.compaction.compactionSuitable(f.z, 2, 0, f.z.zoneIdx())).isEqualTo(COMPACT_CONTINUE);
        long[] reserve = f.z.lowmemReserve().clone();
        reserve[f.z.zoneIdx()] = 50;
        f.z.setLowmemReserve(reserve);
        assertThat(f.compaction.compactionSuitable(f.z, 2, 0, f.z.zoneIdx())).isEqualTo(COMPACT_SKIPPED);
    }

    @Test
    void costlyOrder_fragindexAtOrBelowThreshold_isNotSuitableAndReportedSkipped() {
        // 40 free order-3 blocks (320 pages), order 4. Order-0: 320 > 200 + 32. fragindex = 1000 - (1000 +
        // 320 * 1000 / 16) / 40 = 1000 - 21000 / 40 = 1000 - 525 = 475 <= 500 -> NOT_SUITABLE_ZONE -> SKIPPED.
        CompactionFixture f = zone(500).freeBlocksApart(40, 3);
        assertThat(Suitability.compactionSuitable(f.z, 4, 0, f.z.zoneIdx(), 500)).isEqualTo(COMPACT_NOT_SUITABLE_ZONE);
        assertThat(f.compaction.compactionSuitable(f.z, 4, 0, f.z.zoneIdx())).isEqualTo(COMPACT_SKIPPED);
    }

    @Test
    void costlyOrder_fragindexAboveThreshold_continues() {
        // The same zone with extfrag_threshold 474: 475 > 474 -> COMPACT_CONTINUE.
        CompactionFixture f = zone(474).freeBlocksApart(40, 3);
        assertThat(f.compaction.compactionSuitable(f.z, 4, 0, f.z.zoneIdx())).isEqualTo(COMPACT_CONTINUE);
    }

    @Test
    void fragindexAppliesOnlyAbovePageAllocCostlyOrder() {
        // 300 single pages, extfrag_threshold 1000 (every index 0..1000 is "not suitable"). Order 3 is not costly:
        // 300 > 100 + 16 -> CONTINUE. Order 4 is: 300 > 200 + 32, fragindex = 1000 - (1000 + 18750) / 300
        // = 1000 - 65 = 935 <= 1000 -> SKIPPED.
        CompactionFixture f = zone(1000).freeSinglePages(START, 300);
        assertThat(f.compaction.compactionSuitable(f.z, 3, 0, f.z.zoneIdx())).isEqualTo(COMPACT_CONTINUE);
        assertThat(f.compaction.compactionSuitable(f.z, 4, 0, f.z.zoneIdx())).isEqualTo(COMPACT_SKIPPED);
    }
}
