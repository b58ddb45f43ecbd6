package org.mmsim.reclaim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * oom_badness() and select_bad_process() (mm/oom_kill.c, 6.1) by hand: points = rss + swap entries +
 * page-table bytes / PAGE_SIZE, plus oom_score_adj * (totalpages / 1000); OOM_SCORE_ADJ_MIN exempts; among equal
 * points the task met later wins (oom_evaluate_task passes over only a task with fewer points).
 */
class OomKillerTest {

    @Test
    void pointsAreRssSwapAndPageTables() {
        // 100 + 20 + 8192 / 4096 = 122.
        assertThat(OomKiller.oomBadness(100, 20, 8192, 0, 16384)).isEqualTo(122);
    }

    @Test
    void oomScoreAdjCountsInThousandthsOfMemory() {
        // totalpages 16384: 16384 / 1000 = 16 pages per unit; +500 -> 122 + 8000 = 8122; -500 -> 122 - 8000.
        assertThat(OomKiller.oomBadness(100, 20, 8192, 500, 16384)).isEqualTo(8122);
        assertThat(OomKiller.oomBadness(100, 20, 8192, -500, 16384)).isEqualTo(-7878);
    }

    @Test
    void adjOnAMachineUnderAThousandPagesAddsNothing() {
        // 999 / 1000 = 0.
        assertThat(OomKiller.oomBadness(100, 0, 0, OomKiller.OOM_SCORE_ADJ_MAX, 999)).isEqualTo(100);
    }

    @Test
    void oomScoreAdjMinIsNeverChosen() {
        assertThat(OomKiller.oomBadness(1_000_000, 0, 0, OomKiller.OOM_SCORE_ADJ_MIN, 16384))
                .isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void equalPointsKillTheLaterTask() {
        // a: 100 pages of a 100-page VMA: 100 + 0 + one PTE page = 101.
        // b: 99 pages of a 1024-page VMA: 99 + 0 + two PTE pages = 101. Tie: b, met later, is killed.
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        AnonProcesses.Task a = ReclaimFixture.anon(mem, 100);
        AnonProcesses procs = ReclaimFixture.processes(mem);
        AnonProcesses.Task b = procs.spawn(200, "b", 1024);
        for (int i = 0; i < 99; i++) {
            procs.touch(b, i, false);
        }
        assertThat(mem.oom.outOfMemory()).isFalse();
        assertThat(b.alive()).isFalse();
        assertThat(a.alive()).isTrue();
        assertThat(mem.counters.get(VmCounters.OOM_KILL)).isEqualTo(1);
    }

    @Test
    void morePointsWinWhateverTheOrder() {
        // a (first): 200 + 1 = 201; b (later): 50 + 1 = 51: a is killed.
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        AnonProcesses.Task a = ReclaimFixture.anon(mem, 200);
        AnonProcesses.Task b = ReclaimFixture.anon(mem, 50);
        mem.oom.outOfMemory();
        assertThat(a.alive()).isFalse();
        assertThat(b.alive()).isTrue();
    }

    @Test
    void swapEntriesCount() {
        // b touches 64 pages. Three scans of 32 from the inactive tail: pages 0-31 get PG_referenced (kept),
        // pages 32-63 likewise, then pages 0-31 (no young pte now) are swapped out: b = 32 rss + 32 swap +
        // 1 PTE page = 65. a, later, with 63 pages: 63 + 1 = 64. b has less RSS but more points: b is killed.
        Memory mem = ReclaimFixture.memory(false, 1000, 60);
        AnonProcesses.Task b = ReclaimFixture.anon(mem, 64);
        ReclaimFixture.scan(mem, true, 0, 32);
        for (int i = 0; i < 3; i++) {
            mem.reclaim.shrinkInactiveList(mem.lruvec(0), Lruvec.INACTIVE_ANON, 32);
        }
        assertThat(b.swapPages()).isEqualTo(32);
        AnonProcesses.Task a = ReclaimFixture.anon(mem, 63);
        mem.oom.outOfMemory();
        assertThat(b.alive()).isFalse();
        assertThat(a.alive()).isTrue();
    }
}
