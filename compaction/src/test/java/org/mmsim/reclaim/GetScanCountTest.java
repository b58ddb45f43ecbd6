package org.mmsim.reclaim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * get_scan_count() (mm/vmscan.c, 6.1) worked by hand: which {@link ScanBalance} it picks, in the order of its
 * tests, and the pages nr[] asks of each evictable list (inactive anon, active anon, inactive file, active file).
 */
class GetScanCountTest {

    private static long[] targets(ScanBalance b, long[] sizes, int priority, int swappiness, long anonCost,
            long fileCost) {
        long[] nr = new long[4];
        Reclaim.scanTargets(b, sizes, priority, swappiness, anonCost, fileCost, nr);
        return nr;
    }

    @Test
    void noSwapMeansScanFileEvenAtPriorityZero() {
        // !may_swap || !can_reclaim_anon_pages is the first test: SCAN_FILE before the priority-0 SCAN_EQUAL.
        assertThat(Reclaim.scanBalance(false, 0, 60, true, true)).isEqualTo(ScanBalance.SCAN_FILE);
    }

    @Test
    void priorityZeroWithSwappinessIsScanEqual() {
        // !sc->priority && swappiness: SCAN_EQUAL, ahead of file_is_tiny and cache_trim_mode.
        assertThat(Reclaim.scanBalance(true, 0, 60, true, true)).isEqualTo(ScanBalance.SCAN_EQUAL);
    }

    @Test
    void priorityZeroWithSwappinessZeroIsNotScanEqual() {
        // swappiness 0 skips SCAN_EQUAL; neither tiny nor trim: SCAN_FRACT.
        assertThat(Reclaim.scanBalance(true, 0, 0, false, false)).isEqualTo(ScanBalance.SCAN_FRACT);
    }

    @Test
    void tinyFileCacheIsScanAnonBeforeCacheTrim() {
        // file_is_tiny is tested before cache_trim_mode.
        assertThat(Reclaim.scanBalance(true, 5, 60, true, true)).isEqualTo(ScanBalance.SCAN_ANON);
    }

    @Test
    void cacheTrimModeIsScanFile() {
        assertThat(Reclaim.scanBalance(true, 5, 60, false, true)).isEqualTo(ScanBalance.SCAN_FILE);
    }

    @Test
    void otherwiseScanFract() {
        assertThat(Reclaim.scanBalance(true, 5, 60, false, false)).isEqualTo(ScanBalance.SCAN_FRACT);
    }

    @Test
    void fractWithNoCostsSplitsBySwappiness() {
        // costs 0: total = 0, anon_cost = 0, file_cost = 0, total = 0;
        // ap = 60 * 1 / 1 = 60, fp = 140 * 1 / 1 = 140, denominator 200.
        // sizes >> 2: 400 -> 100, 800 -> 200, 1200 -> 300, 1600 -> 400.
        // 100 * 60 / 200 = 30; 200 * 60 / 200 = 60; 300 * 140 / 200 = 210; 400 * 140 / 200 = 280.
        long[] nr = targets(ScanBalance.SCAN_FRACT, new long[] {400, 800, 1200, 1600}, 2, 60, 0, 0);
        assertThat(nr).containsExactly(30, 60, 210, 280);
    }

    @Test
    void fractWeighsTheRecentCosts() {
        // swappiness 100, anon_cost 30, file_cost 10: total 40; anon = 40 + 30 = 70; file = 40 + 10 = 50;
        // total = 120. ap = 100 * 121 / 71 = 12100 / 71 = 170; fp = 100 * 121 / 51 = 12100 / 51 = 237;
        // denominator 407. Sizes >> 1: 2000 -> 1000, 0, 1000 -> 500, 500 -> 250.
        // 1000 * 170 / 407 = 170000 / 407 = 417; 0; 500 * 237 / 407 = 118500 / 407 = 291;
        // 250 * 237 / 407 = 59250 / 407 = 145.
        long[] nr = targets(ScanBalance.SCAN_FRACT, new long[] {2000, 0, 1000, 500}, 1, 100, 30, 10);
        assertThat(nr).containsExactly(417, 0, 291, 145);
    }

    @Test
    void fractWithSwappinessZeroScansNoAnon() {
        // ap = 0 * ... = 0, fp = 200 * 1 / 1 = 200: anon share 0, file share 200 / 200.
        long[] nr = targets(ScanBalance.SCAN_FRACT, new long[] {64, 64, 64, 64}, 0, 0, 0, 0);
        assertThat(nr).containsExactly(0, 0, 64, 64);
    }

    @Test
    void fractWithSwappiness200ScansNoFile() {
        // fp = (200 - 200) * ... = 0, ap = 200: all to anon.
        long[] nr = targets(ScanBalance.SCAN_FRACT, new long[] {64, 32, 64, 64}, 0, 200, 0, 0);
        assertThat(nr).containsExactly(64, 32, 0, 0);
    }

    @Test
    void fractRoundsDown() {
        // 4096 >> 12 = 1 page per list; 1 * 60 / 200 = 0 and 1 * 140 / 200 = 0 (the root memcg is online, so
        // get_scan_count divides rounding down).
        long[] nr = targets(ScanBalance.SCAN_FRACT, new long[] {4096, 4096, 4096, 4096}, 12, 60, 0, 0);
        assertThat(nr).containsExactly(0, 0, 0, 0);
    }

    @Test
    void equalScansEveryListByPriority() {
        // SCAN_EQUAL: size >> priority: 5000 >> 3 = 625, 6000 >> 3 = 750, 7000 >> 3 = 875, 8000 >> 3 = 1000.
        long[] nr = targets(ScanBalance.SCAN_EQUAL, new long[] {5000, 6000, 7000, 8000}, 3, 60, 0, 0);
        assertThat(nr).containsExactly(625, 750, 875, 1000);
    }

    @Test
    void fileAndAnonZeroTheOtherType() {
        // DEF_PRIORITY 12: 40960 >> 12 = 10, 81920 >> 12 = 20, 122880 >> 12 = 30, 163840 >> 12 = 40.
        long[] sizes = {40960, 81920, 122880, 163840};
        assertThat(targets(ScanBalance.SCAN_FILE, sizes, 12, 60, 0, 0)).containsExactly(0, 0, 30, 40);
        assertThat(targets(ScanBalance.SCAN_ANON, sizes, 12, 60, 0, 0)).containsExactly(10, 20, 0, 0);
    }

    @Test
    void getScanCountReadsTheNodesListsAndSwap() {
        // 50 anon and 100 file pages, all inactive; swap of 1000 pages; priority 1, neither tiny nor trim:
        // SCAN_FRACT with no costs yet: ap 60, fp 140. 50 >> 1 = 25 -> 25 * 60 / 200 = 7;
        // 100 >> 1 = 50 -> 50 * 140 / 200 = 35.
        Memory mem = ReclaimFixture.memory(false, 1000, 60);
        ReclaimFixture.anon(mem, 50);
        ReclaimFixture.file(mem, 100);
        ScanControl sc = ReclaimFixture.scan(mem, true, 1, 32);
        sc.fileIsTiny = false;
        sc.cacheTrimMode = false;
        long[] nr = new long[4];
        assertThat(mem.reclaim.getScanCount(mem.lruvec(0), nr)).isEqualTo(ScanBalance.SCAN_FRACT);
        assertThat(nr).containsExactly(7, 0, 35, 0);
    }

    @Test
    void getScanCountWithoutSwapScansOnlyFile() {
        // No swap device: can_reclaim_anon_pages() is false -> SCAN_FILE; 100 >> 1 = 50 file pages.
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        ReclaimFixture.anon(mem, 50);
        ReclaimFixture.file(mem, 100);
        ReclaimFixture.scan(mem, true, 1, 32);
        long[] nr = new long[4];
        assertThat(mem.reclaim.getScanCount(mem.lruvec(0), nr)).isEqualTo(ScanBalance.SCAN_FILE);
        assertThat(nr).containsExactly(0, 0, 50, 0);
    }
}
