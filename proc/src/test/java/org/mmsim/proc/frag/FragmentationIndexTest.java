package org.mmsim.proc.frag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmsim.proc.BuddyInfo;
import org.mmsim.proc.ZoneFreeArea;

import java.util.List;

/** The mm/vmstat.c formulas worked by hand on small free-count vectors. */
class FragmentationIndexTest {
    /** 10 order-0 blocks, 2 order-3, 1 order-9: 10 + 16 + 512 = 538 free pages. */
    private static final long[] MIXED = orders(0, 10, 3, 2, 9, 1);
    /** 8 order-0 and 2 order-1 blocks: 12 free pages in 10 blocks. */
    private static final long[] SMALL = orders(0, 8, 1, 2);

    private static long[] orders(long... orderCountPairs) {
        long[] nrFree = new long[11];
        for (int i = 0; i < orderCountPairs.length; i += 2) {
            nrFree[(int) orderCountPairs[i]] = orderCountPairs[i + 1];
        }
        return nrFree;
    }

    @Test
    void contigPageInfoCountsPagesBlocksAndSuitableBlocks() {
        assertThat(ContigPageInfo.of(MIXED, 3)).isEqualTo(new ContigPageInfo(538, 13, 2 + 64));
        assertThat(ContigPageInfo.of(MIXED, 0)).isEqualTo(new ContigPageInfo(538, 13, 538));
        assertThat(ContigPageInfo.of(MIXED, 10)).isEqualTo(new ContigPageInfo(538, 13, 0));
    }

    @Test
    void extfragForOrderIsThePercentOfFreePagesInSmallerBlocks() {
        // order 9: (538 - 1*512) * 100 / 538 = 2600 / 538 = 4
        assertThat(FragmentationIndex.extfragForOrder(MIXED, 9)).isEqualTo(4);
        // order 3: suitable 2 + (1 << 6) = 66 blocks of 8 = 528 pages; 10 * 100 / 538 = 1
        assertThat(FragmentationIndex.extfragForOrder(MIXED, 3)).isEqualTo(1);
        // order 10: nothing large enough, all 538 pages unusable
        assertThat(FragmentationIndex.extfragForOrder(MIXED, 10)).isEqualTo(100);
        // order 0: every page usable
        assertThat(FragmentationIndex.extfragForOrder(MIXED, 0)).isZero();
        // order 2 of SMALL: 12 pages, none in blocks of 4
        assertThat(FragmentationIndex.extfragForOrder(SMALL, 2)).isEqualTo(100);
        // order 1 of SMALL: 4 of 12 pages usable, 8 * 100 / 12 = 66
        assertThat(FragmentationIndex.extfragForOrder(SMALL, 1)).isEqualTo(66);
        // nothing free: 0, not a division by zero
        assertThat(FragmentationIndex.extfragForOrder(new long[11], 9)).isZero();
    }

    @Test
    void fragmentationIndexByTheFormula() {
        // order 2 of SMALL: 1000 - (1000 + 12*1000/4) / 10 = 1000 - 400 = 600
        assertThat(FragmentationIndex.fragmentationIndex(SMALL, 2)).isEqualTo(600);
        // order 3: 1000 - (1000 + 1500) / 10 = 750
        assertThat(FragmentationIndex.fragmentationIndex(SMALL, 3)).isEqualTo(750);
        // order 1: two order-1 blocks are free, the allocation would succeed
        assertThat(FragmentationIndex.fragmentationIndex(SMALL, 1)).isEqualTo(-1000);
        // no free block at all: 0
        assertThat(FragmentationIndex.fragmentationIndex(new long[11], 4)).isZero();
        // past MAX_ORDER-1 the kernel warns and returns 0
        assertThat(FragmentationIndex.fragmentationIndex(SMALL, 11)).isZero();
        // a lone order-0 page asked for order 1: 1000 - (1000 + 500) / 1 = -500
        assertThat(FragmentationIndex.fragmentationIndex(orders(0, 1), 1)).isEqualTo(-500);
    }

    @Test
    void unusableFreeIndexByTheFormula() {
        // order 1 of SMALL: (12 - 2*2) * 1000 / 12 = 666
        assertThat(FragmentationIndex.unusableFreeIndex(1, ContigPageInfo.of(SMALL, 1))).isEqualTo(666);
        assertThat(FragmentationIndex.unusableFreeIndex(0, ContigPageInfo.of(SMALL, 0))).isZero();
        assertThat(FragmentationIndex.unusableFreeIndex(2, ContigPageInfo.of(SMALL, 2))).isEqualTo(1000);
        // nothing free counts as all unusable
        assertThat(FragmentationIndex.unusableFreeIndex(0, ContigPageInfo.of(new long[11], 0))).isEqualTo(1000);
    }

    @Test
    void textUsesCsTruncatingDivisionAndWidths() {
        BuddyInfo b = new BuddyInfo(List.of(new ZoneFreeArea(0, "DMA32", orders(0, 1))));
        // order 0: -1000; order k: 1000 - (1000 + 1000/2^k) / 1 = -(1000 >> k), printed "%2d.%03d" as
        // (0, -500) -> " 0.-500", (0, -62) -> " 0.-62", (0, -7) -> " 0.-07"; order 10: 1000 - 1000 = 0
        assertThat(FragmentationIndexFormat.extfragIndex(b)).isEqualTo(
                "Node 0, zone    DMA32 -1.000  0.-500  0.-250  0.-125  0.-62  0.-31  0.-15  0.-07  0.-03"
                        + "  0.-01  0.000 \n");
        assertThat(FragmentationIndexFormat.unusableIndex(b)).isEqualTo(
                "Node 0, zone    DMA32 0.000 1.000 1.000 1.000 1.000 1.000 1.000 1.000 1.000 1.000 1.000 \n");
    }

    @Test
    void thousandthsPadsTheFractionLikePrintf() {
        assertThat(FragmentationIndexFormat.thousandths(new StringBuilder(), 999, 2).toString()).isEqualTo(" 0.999");
        assertThat(FragmentationIndexFormat.thousandths(new StringBuilder(), 7, 1).toString()).isEqualTo("0.007");
        assertThat(FragmentationIndexFormat.thousandths(new StringBuilder(), -5, 2).toString()).isEqualTo(" 0.-05");
        assertThat(FragmentationIndexFormat.thousandths(new StringBuilder(), 1000, 2).toString()).isEqualTo(" 1.000");
    }
}
