package org.mmsim.reclaim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmsim.arch.ZoneType;
import org.mmsim.page.Gfp;
import org.mmsim.page.Zone;

/**
 * kswapd's balance and stop rules (mm/vmscan.c, 6.1) by hand: pgdat_balanced (one managed zone up to
 * highest_zoneidx meeting its high watermark for the order is enough; none managed means balanced),
 * wakeup_kswapd (not for a balanced or hopeless node), balance_pgdat (a run that finds the node balanced counts
 * no failure; a run without progress counts one; MAX_RECLAIM_RETRIES make the node hopeless), shrink_node
 * (progress clears the failures), kswapd_shrink_node (target, order dropping to 0 after compact_gap) and
 * prepare_kswapd_sleep. Zones of 8192 pages, watermarks min 128, low 256, high 384; DMA32 is zone 1, Normal 2.
 */
class KswapdTest {
    private static final int DMA32 = 1;
    private static final int NORMAL = 2;

    /** Leaves a zone with 300 free pages (above low, under high) by unmovable kernel allocations. */
    private static void fillTo300(Memory mem, int gfp) {
        for (int i = 0; i < ReclaimFixture.ZONE_PAGES - 300; i++) {
            mem.allocKernel(gfp, 0);
        }
    }

    @Test
    void oneBalancedZoneBalancesTheNode() {
        // Normal at 300 <= high 384 is unbalanced, but DMA32 (8192 free) meets its high watermark: balanced.
        Memory mem = ReclaimFixture.memory(true, 0, 60);
        fillTo300(mem, Gfp.GFP_KERNEL);
        assertThat(ReclaimFixture.zone(mem, ZoneType.NORMAL).nrFreePages()).isEqualTo(300);
        assertThat(mem.kswapd.pgdatBalanced(0, 0, NORMAL)).isTrue();
    }

    @Test
    void highestZoneidxLimitsTheZonesLookedAt() {
        // DMA32 at 300 free, Normal untouched: up to DMA32 the node is unbalanced, up to Normal it is balanced.
        Memory mem = ReclaimFixture.memory(true, 0, 60);
        fillTo300(mem, Gfp.GFP_KERNEL | Gfp.__GFP_DMA32);
        assertThat(ReclaimFixture.zone(mem, ZoneType.DMA32).nrFreePages()).isEqualTo(300);
        assertThat(mem.kswapd.pgdatBalanced(0, 0, DMA32)).isFalse();
        assertThat(mem.kswapd.pgdatBalanced(0, 0, NORMAL)).isTrue();
    }

    @Test
    void noManagedZoneUpToHighestZoneidxIsBalanced() {
        // Zone 0 (DMA) is empty: mark stays -1, balanced by definition, even with DMA32 unbalanced.
        Memory mem = ReclaimFixture.memory(true, 0, 60);
        fillTo300(mem, Gfp.GFP_KERNEL | Gfp.__GFP_DMA32);
        assertThat(mem.kswapd.pgdatBalanced(0, 0, 0)).isTrue();
    }

    @Test
    void theOrderCounts() {
        // 15 order-9 blocks taken out of 16: one free order-9 block, 512 pages. Order 0: 512 > 384, balanced.
        // Order 1: 512 - 1 = 511 > 384 and a block of order >= 1 is free: balanced. Order 9: 512 - 511 = 1,
        // not above 384: unbalanced.
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        for (int i = 0; i < 15; i++) {
            assertThat(mem.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 9)).isNotNegative();
        }
        assertThat(ReclaimFixture.zone(mem, ZoneType.NORMAL).nrFreePages()).isEqualTo(512);
        assertThat(mem.kswapd.pgdatBalanced(0, 0, NORMAL)).isTrue();
        assertThat(mem.kswapd.pgdatBalanced(0, 1, NORMAL)).isTrue();
        assertThat(mem.kswapd.pgdatBalanced(0, 9, NORMAL)).isFalse();
    }

    @Test
    void wakeupLeavesABalancedNodeAsleep() {
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        Zone normal = ReclaimFixture.zone(mem, ZoneType.NORMAL);
        mem.kswapd.wakeup(normal, Gfp.GFP_KERNEL, 0, NORMAL);
        assertThat(mem.kswapd.running(0)).isFalse();
        assertThat(ReclaimFixture.env(mem).kswapdWakeups).isZero();
    }

    @Test
    void wakeupWakesAnUnbalancedNode() {
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        fillTo300(mem, Gfp.GFP_KERNEL);
        int before = ReclaimFixture.env(mem).kswapdWakeups;
        mem.kswapd.wakeup(ReclaimFixture.zone(mem, ZoneType.NORMAL), Gfp.GFP_KERNEL, 0, NORMAL);
        assertThat(mem.kswapd.running(0)).isTrue();
        assertThat(ReclaimFixture.env(mem).kswapdWakeups).isEqualTo(before + 1);
    }

    @Test
    void aRunThatFindsTheNodeBalancedCountsNoFailure() {
        // balance_pgdat: balanced at the first check -> "goto out", past the kswapd_failures++.
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        mem.kswapd.balancePgdat(0, 0, NORMAL);
        assertThat(mem.kswapd.failures(0)).isZero();
    }

    @Test
    void sixteenRunsWithoutProgressMakeTheNodeHopeless() {
        // Nothing reclaimable (kernel pages): each run reclaims nothing, kswapd_failures + 1, and kswapd cannot
        // sleep (unbalanced, failures < 16) until the 16th run (MAX_RECLAIM_RETRIES). Then wakeup_kswapd leaves
        // the node alone though it is unbalanced.
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        fillTo300(mem, Gfp.GFP_KERNEL);
        for (int i = 1; i < Kswapd.MAX_RECLAIM_RETRIES; i++) {
            assertThat(mem.kswapd.run(0)).isFalse();
            assertThat(mem.kswapd.failures(0)).isEqualTo(i);
        }
        assertThat(mem.kswapd.run(0)).isTrue();
        assertThat(mem.kswapd.failures(0)).isEqualTo(16);
        int wakeups = ReclaimFixture.env(mem).kswapdWakeups;
        mem.kswapd.wakeup(ReclaimFixture.zone(mem, ZoneType.NORMAL), Gfp.GFP_KERNEL, 0, NORMAL);
        assertThat(mem.kswapd.running(0)).isFalse();
        assertThat(ReclaimFixture.env(mem).kswapdWakeups).isEqualTo(wakeups);
    }

    @Test
    void reclaimProgressClearsTheFailures() {
        // 7892 dirty file pages, 300 free: reclaim frees no dirty page, so three runs count 3 failures. The
        // flusher then writes them all (expired at 30 s, written by 31.1 s): the next run frees clean pages,
        // shrink_node's "reclaimable" sets kswapd_failures back to 0.
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        AddressSpace as = mem.newAddressSpace("f", 7892, false);
        for (int i = 0; i < 7892; i++) {
            mem.writeFile(as, i);
        }
        assertThat(ReclaimFixture.zone(mem, ZoneType.NORMAL).nrFreePages()).isEqualTo(300);
        for (int i = 0; i < 3; i++) {
            assertThat(mem.kswapd.run(0)).isFalse();
        }
        assertThat(mem.kswapd.failures(0)).isEqualTo(3);
        assertThat(mem.counters.get(VmCounters.PGSTEAL_KSWAPD)).isZero();
        ReclaimFixture.env(mem).now = 31_000_000_000L;
        mem.writeback.run();
        ReclaimFixture.env(mem).now = 31_100_000_000L;
        mem.writeback.run();
        assertThat(mem.counters.get(VmCounters.NR_DIRTY) + mem.counters.get(VmCounters.NR_WRITEBACK)).isZero();
        mem.kswapd.run(0);
        assertThat(mem.counters.get(VmCounters.PGSTEAL_KSWAPD)).isPositive();
        assertThat(mem.kswapd.failures(0)).isZero();
    }

    @Test
    void kswapdReclaimsUpToTheHighWatermarkThenSleeps() {
        // 7892 clean file pages, 300 free; no swap: SCAN_FILE, target max(384, 32) = 384 per round, so every
        // round scans less than its target and the priority drops. Inactive file >> priority: 7892 >> 12 = 1
        // (301 free), 7891 >> 11 = 3 (304), 7888 >> 10 = 7 (311), 7881 >> 9 = 15 (326), 7866 >> 8 = 30 (356),
        // 7836 >> 7 = 61 (417 > 384): balanced. 117 pages reclaimed; kswapd sleeps.
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        ReclaimFixture.file(mem, 7892);
        assertThat(ReclaimFixture.zone(mem, ZoneType.NORMAL).nrFreePages()).isEqualTo(300);
        assertThat(mem.kswapd.run(0)).isTrue();
        assertThat(mem.counters.get(VmCounters.PGSTEAL_KSWAPD)).isEqualTo(117);
        assertThat(ReclaimFixture.zone(mem, ZoneType.NORMAL).nrFreePages()).isEqualTo(417);
        assertThat(mem.kswapd.running(0)).isFalse();
    }

    @Test
    void kswapdShrinkNodeTargetsEachZonesHighWatermarkAtLeastAClusterEach() {
        // DMA32 high 20 -> max(20, 32) = 32; Normal high 384: 32 + 384 = 416. Nothing on the lists: scanned 0 < 416.
        Memory mem = ReclaimFixture.memory(true, 0, 60);
        ReclaimFixture.zone(mem, ZoneType.DMA32).setWatermarks(10, 15, 20);
        ScanControl sc = ReclaimFixture.scan(mem, true, ScanControl.DEF_PRIORITY, 0);
        sc.reclaimIdx = NORMAL;
        assertThat(mem.kswapd.kswapdShrinkNode(0, sc)).isFalse();
        assertThat(sc.nrToReclaim).isEqualTo(416);
        sc.reclaimIdx = DMA32;
        mem.kswapd.kswapdShrinkNode(0, sc);
        assertThat(sc.nrToReclaim).isEqualTo(32);
    }

    @Test
    void orderDropsToZeroOnceCompactGapWasReclaimed() {
        // 100 clean file pages, priority 0: all 100 freed. compact_gap(2) = 8 <= 100: order 2 -> 0;
        // compact_gap(7) = 256 > 100: order 7 stays.
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        ReclaimFixture.file(mem, 100);
        ScanControl sc = ReclaimFixture.scan(mem, true, 0, 0);
        sc.reclaimIdx = NORMAL;
        sc.order = 2;
        mem.kswapd.kswapdShrinkNode(0, sc);
        assertThat(sc.nrReclaimed).isEqualTo(100);
        assertThat(sc.order).isZero();

        Memory mem7 = ReclaimFixture.memory(false, 0, 60);
        ReclaimFixture.file(mem7, 100);
        ScanControl sc7 = ReclaimFixture.scan(mem7, true, 0, 0);
        sc7.reclaimIdx = NORMAL;
        sc7.order = 7;
        mem7.kswapd.kswapdShrinkNode(0, sc7);
        assertThat(sc7.order).isEqualTo(7);
    }

    @Test
    void prepareKswapdSleepWhenBalancedOrHopeless() {
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        assertThat(mem.kswapd.prepareKswapdSleep(0, 0, NORMAL)).isTrue();
        fillTo300(mem, Gfp.GFP_KERNEL);
        assertThat(mem.kswapd.prepareKswapdSleep(0, 0, NORMAL)).isFalse();
    }
}
