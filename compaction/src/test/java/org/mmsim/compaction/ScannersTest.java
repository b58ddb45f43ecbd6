package org.mmsim.compaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.compaction.CompactResult.COMPACT_COMPLETE;
import static org.mmsim.compaction.CompactResult.COMPACT_DEFERRED;
import static org.mmsim.compaction.CompactResult.COMPACT_PARTIAL_SKIPPED;
import static org.mmsim.compaction.CompactionFixture.block;
import static org.mmsim.page.MigrateType.MOVABLE;

import org.junit.jupiter.api.Test;
import org.mmsim.page.SlowPathHooks;

/**
 * compact_zone() over the fixture's zone with every other page free and the rest reserved (nothing to migrate),
 * worked by hand from mm/compaction.c 6.1. The migrate scanner starts at block 0 and the free scanner at
 * pageblock_start_pfn(zone_end - 1) = block 7; isolate_migratepages() scans a block only if its end is at or
 * below free_pfn, so blocks 0..6 are scanned, each of 512 pfns (one nr_scanned per pfn: free order-0 pages and
 * reserved pages alike), isolate nothing and get their skip bit; then the scanners meet (7 &lt;= 7). Watermarks 0,
 * order 2: not SUCCESS (no free block of order &gt;= 2), 2048 &gt; 0 + 8 so compaction_suitable says CONTINUE.
 */
class ScannersTest {

    private static CompactionFixture zone() {
        return new CompactionFixture().freeEveryOtherPage();
    }

    @Test
    void aDirectRunFromTheCachedPositionsEndsPartialSkippedWithSkipBitsOnTheScannedBlocks() {
        CompactionFixture f = zone();
        CompactControl cc = f.control(2, MOVABLE);
        assertThat(f.compaction.compactZone(f.z, cc)).isEqualTo(COMPACT_PARTIAL_SKIPPED);
        assertThat(cc.totalMigrateScanned).isEqualTo(7 * 512);
        for (int b = 0; b < 7; b++) {
            assertThat(f.compaction.pageblockSkip(f.z, block(b))).as("block %d", b).isTrue();
        }
        assertThat(f.compaction.pageblockSkip(f.z, block(7))).isFalse();
        assertThat(f.compaction.skipHints(f.z).blockskipFlush()).isTrue();
    }

    @Test
    void aWholeZoneRunIsComplete() {
        CompactionFixture f = zone();
        CompactControl cc = f.control(2, MOVABLE);
        cc.wholeZone = true;
        assertThat(f.compaction.compactZone(f.z, cc)).isEqualTo(COMPACT_COMPLETE);
    }

    @Test
    void theNextRunPassesTheSkippedBlocksOver() {
        // isolation_suitable() is false for blocks 0..6: nothing is scanned the second time.
        CompactionFixture f = zone();
        f.compaction.compactZone(f.z, f.control(2, MOVABLE));
        CompactControl again = f.control(2, MOVABLE);
        assertThat(f.compaction.compactZone(f.z, again)).isEqualTo(COMPACT_PARTIAL_SKIPPED);
        assertThat(again.totalMigrateScanned).isZero();
    }

    @Test
    void ignoringTheSkipHintScansTheBlocksAgain() {
        CompactionFixture f = zone();
        f.compaction.compactZone(f.z, f.control(2, MOVABLE));
        CompactControl full = f.control(2, MOVABLE);
        full.ignoreSkipHint = true;
        f.compaction.compactZone(f.z, full);
        assertThat(full.totalMigrateScanned).isEqualTo(7 * 512);
    }

    @Test
    void kswapdClearsTheSkipBitsAfterADirectRunWhoseScannersMet() {
        // reset_isolation_suitable(): compact_blockskip_flush set -> __reset_isolation_suitable clears every bit.
        CompactionFixture f = zone();
        f.compaction.compactZone(f.z, f.control(2, MOVABLE));
        f.compaction.resetIsolationSuitable(0);
        for (int b = 0; b < 8; b++) {
            assertThat(f.compaction.pageblockSkip(f.z, block(b))).as("block %d", b).isFalse();
        }
        assertThat(f.compaction.skipHints(f.z).blockskipFlush()).isFalse();
    }

    @Test
    void kswapdKeepsTheSkipBitsAfterAKcompactdRun() {
        // Not direct compaction: no compact_blockskip_flush, so reset_isolation_suitable() leaves the bits.
        CompactionFixture f = zone();
        CompactControl cc = f.control(2, MOVABLE);
        cc.direct = false;
        f.compaction.compactZone(f.z, cc);
        f.compaction.resetIsolationSuitable(0);
        assertThat(f.compaction.pageblockSkip(f.z, block(0))).isTrue();
    }

    @Test
    void restartingAfterTheLongestBackoffForgetsTheSkipBits() {
        // Six failures and 64 considered attempts: compaction_restarting() -> __reset_isolation_suitable() before
        // the run, so blocks 0..6 are scanned again (7 * 512) instead of passed over.
        CompactionFixture f = zone();
        f.compaction.compactZone(f.z, f.control(2, MOVABLE));
        Deferral d = f.compaction.deferral(f.z);
        for (int i = 0; i < 6; i++) {
            d.deferCompaction(2);
        }
        for (int i = 0; i < 64; i++) {
            d.compactionDeferred(2);
        }
        CompactControl again = f.control(2, MOVABLE);
        f.compaction.compactZone(f.z, again);
        assertThat(again.totalMigrateScanned).isEqualTo(7 * 512);
    }

    @Test
    void directCompactionDefersAfterSyncRunsOnlyAndThenSkips() {
        // try_to_compact_pages: an ASYNC run that ends PARTIAL_SKIPPED does not defer (shift stays 0); a
        // SYNC_LIGHT one does (shift 1), so the next SYNC_LIGHT attempt is deferred (considered 1 < 2) and the
        // result is max(SKIPPED, DEFERRED) = DEFERRED; SYNC_FULL is never deferred and scans the whole zone.
        CompactionFixture f = zone();
        int hz = f.z.zoneIdx();
        assertThat(f.compaction.tryToCompactPages(f.m.zonelist(0), 0, 2, 0, hz, MOVABLE,
                SlowPathHooks.COMPACT_PRIO_ASYNC)).isEqualTo(COMPACT_PARTIAL_SKIPPED);
        assertThat(f.compaction.deferral(f.z).deferShift()).isZero();
        assertThat(f.compaction.tryToCompactPages(f.m.zonelist(0), 0, 2, 0, hz, MOVABLE,
                SlowPathHooks.COMPACT_PRIO_SYNC_LIGHT)).isEqualTo(COMPACT_PARTIAL_SKIPPED);
        assertThat(f.compaction.deferral(f.z).deferShift()).isEqualTo(1);
        assertThat(f.compaction.tryToCompactPages(f.m.zonelist(0), 0, 2, 0, hz, MOVABLE,
                SlowPathHooks.COMPACT_PRIO_SYNC_LIGHT)).isEqualTo(COMPACT_DEFERRED);
        assertThat(f.compaction.tryToCompactPages(f.m.zonelist(0), 0, 2, 0, hz, MOVABLE,
                SlowPathHooks.COMPACT_PRIO_SYNC_FULL)).isEqualTo(COMPACT_COMPLETE);
        assertThat(f.compaction.deferral(f.z).deferShift()).isEqualTo(2);
    }
}
