package org.mmsim.reclaim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * shrink_lruvec() (mm/vmscan.c, 6.1) by hand: it counts what THIS call reclaimed against nr_to_reclaim; once met
 * (except in global direct reclaim at DEF_PRIORITY, proportional_reclaim) it stops the type with less left and
 * cuts the other to targets * (100 - percentage) / 100 less what it already scanned.
 * nr[] and targets[] are {inactive anon, active anon, inactive file, active file}.
 */
class ShrinkLruvecTest {

    @Test
    void fileLeftLargerStopsAnonAndScalesFile() {
        // nr_file 236 + 36 = 272 > nr_anon 36: anon stops; scan_target = 100 + 0 + 1 = 101;
        // percentage = 36 * 100 / 101 = 35. Inactive file: scanned 300 - 236 = 64, 300 * 65 / 100 = 195,
        // 195 - 64 = 131. Active file: scanned 100 - 36 = 64, 100 * 65 / 100 = 65, 65 - 64 = 1.
        long[] targets = {100, 0, 300, 100};
        long[] nr = {36, 0, 236, 36};
        assertThat(Reclaim.adjustScanProportionally(nr, targets)).isTrue();
        assertThat(nr).containsExactly(0, 0, 131, 1);
    }

    @Test
    void anonLeftLargerStopsFileAndScalesAnon() {
        // nr_file 18 <= nr_anon 368 + 168 = 536: file stops; scan_target = 50 + 0 + 1 = 51;
        // percentage = 18 * 100 / 51 = 35. Inactive anon: 400 * 65 / 100 = 260 - (400 - 368) = 228.
        // Active anon: 200 * 65 / 100 = 130 - (200 - 168) = 98.
        long[] targets = {400, 200, 50, 0};
        long[] nr = {368, 168, 18, 0};
        assertThat(Reclaim.adjustScanProportionally(nr, targets)).isTrue();
        assertThat(nr).containsExactly(228, 98, 0, 0);
    }

    @Test
    void equalLeftStopsFile() {
        // nr_file 50 == nr_anon 50: not "file > anon", so file stops: percentage = 50 * 100 / 101 = 49;
        // inactive anon 100 * 51 / 100 = 51 - 50 scanned = 1.
        long[] targets = {100, 0, 100, 0};
        long[] nr = {50, 0, 50, 0};
        assertThat(Reclaim.adjustScanProportionally(nr, targets)).isTrue();
        assertThat(nr).containsExactly(1, 0, 0, 0);
    }

    @Test
    void alreadyScannedMoreThanTheShareLeavesNothing() {
        // file 200 > anon 90: percentage = 90 * 100 / 101 = 89; file 1000 * 11 / 100 = 110, scanned 800:
        // 110 - min(110, 800) = 0.
        long[] targets = {100, 0, 1000, 0};
        long[] nr = {90, 0, 200, 0};
        assertThat(Reclaim.adjustScanProportionally(nr, targets)).isTrue();
        assertThat(nr).containsExactly(0, 0, 0, 0);
    }

    @Test
    void oneTypeFinishedStopsTheLoop() {
        // !nr_file || !nr_anon: break, nothing changed.
        long[] targets = {0, 0, 100, 0};
        long[] nr = {0, 0, 68, 0};
        assertThat(Reclaim.adjustScanProportionally(nr, targets)).isFalse();
        assertThat(nr).containsExactly(0, 0, 68, 0);
    }

    @Test
    void countsThisCallsReclaimNotTheRunningTotal() {
        // kswapd, priority 0, no swap: SCAN_FILE, nr = {0, 0, 200, 0}. The scan_control already holds 1000
        // reclaimed pages from earlier rounds, but shrink_lruvec's nr_reclaimed starts at 0: batch 1 frees 32
        // (< 64, go on), batch 2 frees 32 (64, enough; anon has nothing left: stop). 64 freed, 136 left.
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        ReclaimFixture.file(mem, 200);
        ScanControl sc = ReclaimFixture.scan(mem, true, 0, 64);
        sc.nrReclaimed = 1000;
        mem.reclaim.shrinkLruvec(mem.lruvec(0));
        assertThat(sc.nrReclaimed).isEqualTo(1064);
        assertThat(mem.lruvec(0).size(Lruvec.INACTIVE_FILE)).isEqualTo(136);
    }

    @Test
    void proportionalNudgeOnceEnoughWasReclaimed() {
        // Swap 1000, kswapd, priority 0, swappiness 60: SCAN_EQUAL, nr = targets = {40, 0, 100, 0}.
        // Batch 1: 32 anon scanned (young since their fault: kept), 32 file freed; nr = {8, 0, 68, 0};
        // reclaimed 32 >= 32: file 68 > anon 8 -> anon stops, percentage = 8 * 100 / 41 = 19,
        // inactive file = 100 * 81 / 100 = 81 - 32 scanned = 49. Batch 2: 32 freed (17 left), 64 >= 32,
        // anon has 0 left: stop. Freed 64, 36 file pages left; 32 anon pages scanned.
        Memory mem = ReclaimFixture.memory(false, 1000, 60);
        ReclaimFixture.anon(mem, 40);
        ReclaimFixture.file(mem, 100);
        ScanControl sc = ReclaimFixture.scan(mem, true, 0, 32);
        mem.reclaim.shrinkLruvec(mem.lruvec(0));
        assertThat(sc.nrReclaimed).isEqualTo(64);
        assertThat(mem.lruvec(0).size(Lruvec.INACTIVE_FILE)).isEqualTo(36);
        assertThat(mem.counters.get(VmCounters.PGSCAN_ANON)).isEqualTo(32);
    }

    @Test
    void directReclaimAtDefPriorityScansItsWholeTarget() {
        // 1 GiB zone, 140000 clean file pages, no swap: SCAN_FILE, 140000 >> 12 = 34. Global direct reclaim at
        // DEF_PRIORITY is proportional_reclaim: it does not stop at nr_to_reclaim 32 and frees all 34.
        Memory mem = ReclaimFixture.memory(262144, 0, 60);
        ReclaimFixture.file(mem, 140000);
        ScanControl sc = ReclaimFixture.scan(mem, false, ScanControl.DEF_PRIORITY, ScanControl.SWAP_CLUSTER_MAX);
        mem.reclaim.shrinkLruvec(mem.lruvec(0));
        assertThat(sc.nrReclaimed).isEqualTo(34);
    }

    @Test
    void kswapdAtDefPriorityStopsAtItsTarget() {
        // Same lists for kswapd: batch 1 frees 32 >= 32, anon has nothing: stop at 32.
        Memory mem = ReclaimFixture.memory(262144, 0, 60);
        ReclaimFixture.file(mem, 140000);
        ScanControl sc = ReclaimFixture.scan(mem, true, ScanControl.DEF_PRIORITY, ScanControl.SWAP_CLUSTER_MAX);
        mem.reclaim.shrinkLruvec(mem.lruvec(0));
        assertThat(sc.nrReclaimed).isEqualTo(32);
    }
}
