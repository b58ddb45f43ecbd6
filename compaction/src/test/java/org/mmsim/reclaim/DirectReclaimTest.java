package org.mmsim.reclaim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmsim.arch.ZoneType;
import org.mmsim.page.Gfp;

/**
 * Direct reclaim's stop rules (mm/vmscan.c, 6.1, do_try_to_free_pages and shrink_zones): it stops at
 * SWAP_CLUSTER_MAX reclaimed, or after a priority pass in which ANY eligible zone was compaction_ready() for a
 * costly order (above PAGE_ALLOC_COSTLY_ORDER = 3), and then reports 1 even if it freed nothing. Zones of 8192
 * pages, watermarks min 128, low 256, high 384; the zonelist of Normal is Normal, DMA32.
 */
class DirectReclaimTest {
    private static final int NORMAL = 2;

    /** DMA32 untouched (free order-10 blocks: compaction_suitable says COMPACT_SUCCESS, ready); Normal holds 7892
     * clean file pages and 300 free pages (under low + compact_gap(9) = 256 + 1024: COMPACT_SKIPPED, not ready). */
    private static Memory oneZoneReady() {
        Memory mem = ReclaimFixture.memory(true, 0, 60);
        ReclaimFixture.file(mem, 7892);
        assertThat(ReclaimFixture.zone(mem, ZoneType.NORMAL).nrFreePages()).isEqualTo(300);
        assertThat(ReclaimFixture.zone(mem, ZoneType.DMA32).nrFreePages()).isEqualTo(8192);
        return mem;
    }

    @Test
    void oneCompactionReadyZoneStopsCostlyReclaimAfterOnePass() {
        // Priority 12: Normal is not ready -> shrink_node: SCAN_FILE, 7892 >> 12 = 1 page freed; DMA32 is ready
        // -> sc->compaction_ready. 1 < 32 but compaction_ready: stop. 1 page scanned, 1 reclaimed.
        Memory mem = oneZoneReady();
        long progress = mem.reclaim.doTryToFreePages(mem.machine.zonelist(0), NORMAL, Gfp.GFP_HIGHUSER_MOVABLE, 9);
        assertThat(progress).isEqualTo(1);
        assertThat(mem.counters.get(VmCounters.PGSCAN_DIRECT)).isEqualTo(1);
        assertThat(mem.counters.get(VmCounters.PGSTEAL_DIRECT)).isEqualTo(1);
    }

    @Test
    void aCheapOrderIgnoresCompactionAndReclaimsACluster() {
        // Order 3 is not costly: priorities 12..8 free 1 + 3 + 7 + 15 = 26 (7892 >> 12, 7891 >> 11, 7888 >> 10,
        // 7881 >> 9), then 7866 >> 8 = 30 in one batch: 56 >= 32, stop.
        Memory mem = oneZoneReady();
        long progress = mem.reclaim.doTryToFreePages(mem.machine.zonelist(0), NORMAL, Gfp.GFP_HIGHUSER_MOVABLE, 3);
        assertThat(progress).isEqualTo(56);
    }

    @Test
    void everyZoneReadyMeansNoReclaimButProgressOne() {
        // A fresh one-zone machine is ready for order 9 at once: no node is shrunk, nothing is scanned, and
        // do_try_to_free_pages returns 1 ("aborted reclaim to try compaction? don't OOM").
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        ReclaimFixture.file(mem, 100);
        long progress = mem.reclaim.doTryToFreePages(mem.machine.zonelist(0), NORMAL, Gfp.GFP_HIGHUSER_MOVABLE, 9);
        assertThat(progress).isEqualTo(1);
        assertThat(mem.counters.get(VmCounters.PGSCAN_DIRECT)).isZero();
    }

    @Test
    void withNothingReadyReclaimGoesOnToACluster() {
        // One zone: Normal only, not ready: as for order 3, priorities 12..8 reclaim 56 pages.
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        ReclaimFixture.file(mem, 7892);
        long progress = mem.reclaim.doTryToFreePages(mem.machine.zonelist(0), NORMAL, Gfp.GFP_HIGHUSER_MOVABLE, 9);
        assertThat(progress).isEqualTo(56);
    }
}
