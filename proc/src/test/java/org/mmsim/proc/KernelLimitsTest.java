package org.mmsim.proc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page-count bound of {@link KernelLimits}: exact at 2^52 pages, and no overflow on the way. */
class KernelLimitsTest {
    @Test
    void pagesUpTo2pow52AreCounted() {
        assertThat(KernelLimits.pagesOrOver(new long[] {1, 1, 1})).isEqualTo(1 + 2 + 4);
        assertThat(KernelLimits.pagesOrOver(new long[] {1L << 52})).isEqualTo(1L << 52);
        long[] oneBlockOfOrder52 = new long[53];
        oneBlockOfOrder52[52] = 1;
        assertThat(KernelLimits.pagesOrOver(oneBlockOfOrder52)).isEqualTo(1L << 52);
    }

    @Test
    void morePagesThan2pow52AreRefusedWithoutWrapping() {
        assertThat(KernelLimits.pagesOrOver(new long[] {(1L << 52) + 1})).isEqualTo(-1);
        assertThat(KernelLimits.pagesOrOver(new long[] {1L << 52, 1})).isEqualTo(-1);
        long[] oneBlockOfOrder53 = new long[54];
        oneBlockOfOrder53[53] = 1;
        assertThat(KernelLimits.pagesOrOver(oneBlockOfOrder53)).isEqualTo(-1);
        long[] wrapsToZero = new long[64];
        wrapsToZero[63] = 2;
        assertThat(KernelLimits.pagesOrOver(wrapsToZero)).isEqualTo(-1);
        assertThat(KernelLimits.pagesOrOver(new long[] {-1})).isEqualTo(-1);
    }
}
