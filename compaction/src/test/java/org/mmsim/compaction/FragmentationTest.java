package org.mmsim.compaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.compaction.CompactionFixture.START;
import static org.mmsim.compaction.CompactionFixture.block;

import org.junit.jupiter.api.Test;

/**
 * The fragmentation measures compaction reads, worked by hand from mm/vmstat.c 6.1 (__fragmentation_index,
 * unusable_free_index, extfrag_for_order) and mm/compaction.c 6.1 (fragmentation_score_zone, _zone_weighted,
 * _node, fragmentation_score_wmark). The fixture's zone has 4096 present pages and is the node's only zone.
 */
class FragmentationTest {

    @Test
    void fragmentationIndex_ofSinglePages() {
        // 300 order-0 blocks, order 4 (16 pages): 1000 - (1000 + 300 * 1000 / 16) / 300 = 1000 - 19750 / 300
        // = 1000 - 65 = 935.
        CompactionFixture f = new CompactionFixture().freeSinglePages(START, 300);
        assertThat(Fragmentation.fragmentationIndex(f.z, 4)).isEqualTo(935);
    }

    @Test
    void fragmentationIndex_ofBlocksJustBelowTheOrder() {
        // 40 order-3 blocks (320 pages), order 4: 1000 - (1000 + 20000) / 40 = 1000 - 525 = 475.
        CompactionFixture f = new CompactionFixture().freeBlocksApart(40, 3);
        assertThat(Fragmentation.fragmentationIndex(f.z, 4)).isEqualTo(475);
    }

    @Test
    void fragmentationIndex_isZeroWithNoFreeBlockAndMinus1000WithASuitableOne() {
        // No free blocks: 0. One free order-4 block among single pages: free_blocks_suitable > 0 -> -1000.
        CompactionFixture empty = new CompactionFixture();
        assertThat(Fragmentation.fragmentationIndex(empty.z, 4)).isZero();
        CompactionFixture f = new CompactionFixture().freeSinglePages(START, 10).free(block(3), 4);
        assertThat(Fragmentation.fragmentationIndex(f.z, 4)).isEqualTo(-1000);
    }

    @Test
    void extfragForOrder_andTheZoneScore() {
        // One order-9 block (512) + 128 single pages: free 640, suitable at order 9: 1 block.
        // extfrag_for_order(9) = (640 - 1 * 512) * 100 / 640 = 20 = fragmentation_score_zone (HPAGE order 9).
        CompactionFixture f = new CompactionFixture().free(block(2), 9).freeSinglePages(START, 128);
        assertThat(Fragmentation.extfragForOrder(f.z, 9)).isEqualTo(20);
        assertThat(Fragmentation.fragmentationScoreZone(f.z)).isEqualTo(20);
    }

    @Test
    void unusableFreeIndex_isPerMille() {
        // Same zone: (640 - 512) * 1000 / 640 = 200.
        CompactionFixture f = new CompactionFixture().free(block(2), 9).freeSinglePages(START, 128);
        assertThat(Fragmentation.unusableFreeIndex(f.z, 9)).isEqualTo(200);
    }

    @Test
    void weightedScore_dividesByTheNodesPresentPagesPlusOne() {
        // present 4096 * score 20 / (node present 4096 + 1) = 81920 / 4097 = 19 (not 20: the + 1 of 6.1).
        CompactionFixture f = new CompactionFixture().free(block(2), 9).freeSinglePages(START, 128);
        assertThat(Fragmentation.fragmentationScoreZoneWeighted(f.z)).isEqualTo(19);
        assertThat(Fragmentation.fragmentationScoreNode(f.z.node())).isEqualTo(19);
    }

    @Test
    void scoreOfAZoneOfSinglePagesIs100Weighted99() {
        // 2048 single pages: nothing usable at order 9 -> extfrag 100; weighted 409600 / 4097 = 99.
        CompactionFixture f = new CompactionFixture().freeEveryOtherPage();
        assertThat(Fragmentation.fragmentationScoreZone(f.z)).isEqualTo(100);
        assertThat(Fragmentation.fragmentationScoreNode(f.z.node())).isEqualTo(99);
    }

    @Test
    void scoreWmark_lowIsHundredMinusProactivenessAtLeastFive_highTenMoreAtMostHundred() {
        // proactiveness 20: low max(80, 5) = 80, high min(90, 100) = 90. 92: low max(8, 5) = 8, high 18.
        // 100: low max(0, 5) = 5, high 15. 0: low 100, high min(110, 100) = 100.
        assertThat(Fragmentation.fragmentationScoreWmark(20, true)).isEqualTo(80);
        assertThat(Fragmentation.fragmentationScoreWmark(20, false)).isEqualTo(90);
        assertThat(Fragmentation.fragmentationScoreWmark(92, true)).isEqualTo(8);
        assertThat(Fragmentation.fragmentationScoreWmark(92, false)).isEqualTo(18);
        assertThat(Fragmentation.fragmentationScoreWmark(100, true)).isEqualTo(5);
        assertThat(Fragmentation.fragmentationScoreWmark(100, false)).isEqualTo(15);
        assertThat(Fragmentation.fragmentationScoreWmark(0, true)).isEqualTo(100);
        assertThat(Fragmentation.fragmentationScoreWmark(0, false)).isEqualTo(100);
    }
}
