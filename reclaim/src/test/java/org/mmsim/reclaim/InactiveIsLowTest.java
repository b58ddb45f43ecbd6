package org.mmsim.reclaim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * inactive_is_low() (mm/vmscan.c, 6.1) by hand: gb = (inactive + active) &gt;&gt; 18 (4 KiB pages), inactive_ratio =
 * int_sqrt(10 * gb) or 1 under a GiB, low when inactive * inactive_ratio &lt; active.
 */
class InactiveIsLowTest {

    @Test
    void underOneGibTheRatioIsOne() {
        // 201 pages: gb 0, ratio 1: 100 < 101 is low, 100 < 100 is not.
        assertThat(Lruvec.inactiveIsLow(100, 101)).isTrue();
        assertThat(Lruvec.inactiveIsLow(100, 100)).isFalse();
    }

    @Test
    void oneGibGivesRatioThree() {
        // 262144 and 262145 pages: gb 1, int_sqrt(10) = 3: 65536 * 3 = 196608 is not < 196608, is < 196609.
        assertThat(Lruvec.inactiveIsLow(65536, 196608)).isFalse();
        assertThat(Lruvec.inactiveIsLow(65536, 196609)).isTrue();
    }

    @Test
    void fourGibGivesRatioSix() {
        // 1170000 pages: gb = 1170000 >> 18 = 4 (4 * 262144 = 1048576), int_sqrt(40) = 6:
        // 170000 * 6 = 1020000 is not < 1000000 (with ratio 1 it would be low).
        assertThat(Lruvec.inactiveIsLow(170000, 1000000)).isFalse();
        // 1100000 pages: gb 4, ratio 6: 150000 * 6 = 900000 < 950000.
        assertThat(Lruvec.inactiveIsLow(150000, 950000)).isTrue();
    }

    @Test
    void tenGibGivesRatioTen() {
        // 2750001 pages: gb = 10 (10 * 262144 = 2621440 <= 2750001 < 2883584), int_sqrt(100) = 10:
        // 250000 * 10 = 2500000 < 2500001 is low; against 2500000 it is not.
        assertThat(Lruvec.inactiveIsLow(250000, 2500001)).isTrue();
        assertThat(Lruvec.inactiveIsLow(250000, 2500000)).isFalse();
    }

    @Test
    void hundredGibGivesRatioThirtyOne() {
        // 100 GiB = 26214400 pages: gb 100, int_sqrt(1000) = 31: 800000 * 31 = 24800000 < 25414400.
        assertThat(Lruvec.inactiveIsLow(800000, 25414400)).isTrue();
        // 830000 * 31 = 25730000 is not < 25384400 (total 26214400, still gb 100).
        assertThat(Lruvec.inactiveIsLow(830000, 25384400)).isFalse();
    }

    @Test
    void emptyListsAreNotLow() {
        // 0 * 1 < 0 is false.
        assertThat(Lruvec.inactiveIsLow(0, 0)).isFalse();
    }
}
