package org.mmsim.compaction;

import java.util.Arrays;
import org.mmsim.page.Zone;

/**
 * A zone's compaction memory between runs: the PG_migrate_skip bit of each pageblock (pageblock-flags.h), the
 * cached scanner positions compact_cached_migrate_pfn[2] and compact_cached_free_pfn, and
 * compact_blockskip_flush (include/linux/mmzone.h 6.1). A pageblock whose scan isolated nothing gets its skip bit
 * and later scanners pass over it, until the bits are cleared when kswapd sleeps after a full direct compaction,
 * or when compaction restarts after the longest deferral.
 */
final class SkipHints {
    private final long zoneStartPfn;
    private final long zoneEndPfn;
    private final int pageblockOrder;
    private final long[] bits;
    /** compact_cached_migrate_pfn[0] (async) and [1] (sync). */
    private final long[] cachedMigratePfn = new long[2];
    private long cachedFreePfn;
    private boolean blockskipFlush;

    SkipHints(Zone z, int pageblockOrder) {
        this.zoneStartPfn = z.zoneStartPfn();
        this.zoneEndPfn = z.zoneEndPfn();
        this.pageblockOrder = pageblockOrder;
        long blocks = (z.spannedPages() >> pageblockOrder) + 2;
        bits = new long[(int) ((blocks + 63) / 64)];
        resetCachedPositions();
    }

    private int bit(long pfn) {
        return (int) ((pfn >> pageblockOrder) - (zoneStartPfn >> pageblockOrder));
    }

    /** get_pageblock_skip(): whether the skip bit of the pageblock holding pfn is set. */
    boolean pageblockSkip(long pfn) {
        int b = bit(pfn);
        return (bits[b >>> 6] & (1L << (b & 63))) != 0;
    }

    /** Models mm/compaction.c isolation_suitable(): a pageblock is scanned unless its skip bit is set and honoured. */
    boolean isolationSuitable(CompactControl cc, long pfn) {
        return cc.ignoreSkipHint || !pageblockSkip(pfn);
    }

    /**
     * Models mm/compaction.c update_pageblock_skip() (and the set_pageblock_skip() at the end of
     * isolate_migratepages_block()): sets the skip bit of a pageblock that yielded nothing. Unlike
     * 6.1 it does not also pull compact_cached_free_pfn down to the block; compact_zone() records the free scanner's
     * position when the run ends instead (kept so that existing runs stay identical).
     */
    void updatePageblockSkip(long pfn) {
        int b = bit(pfn);
        bits[b >>> 6] |= 1L << (b & 63);
    }

    /** Models mm/compaction.c reset_cached_positions(): the scanners start again at the zone's ends. */
    void resetCachedPositions() {
        cachedMigratePfn[0] = zoneStartPfn;
        cachedMigratePfn[1] = zoneStartPfn;
        cachedFreePfn = pageblockStart(zoneEndPfn - 1);
    }

    /**
     * Models mm/compaction.c __reset_isolation_suitable(): clears every skip bit and resets the cached positions.
     * Simplified: 6.1 walks the zone from both ends and restarts the scanners at the first blocks worth scanning
     * (__reset_isolation_pfn); the model restarts them at the zone's ends. The model also clears unconditionally,
     * where 6.1 returns early unless compact_blockskip_flush is set; callers that need the flag check it first.
     */
    void resetIsolationSuitable() {
        Arrays.fill(bits, 0);
        resetCachedPositions();
        blockskipFlush = false;
    }

    /** The start of the pageblock holding pfn (pageblock_start_pfn). */
    long pageblockStart(long pfn) {
        return pfn & -(1L << pageblockOrder);
    }

    long cachedMigratePfn(boolean sync) {
        return cachedMigratePfn[sync ? 1 : 0];
    }

    void setCachedMigratePfn(boolean sync, long pfn) {
        cachedMigratePfn[sync ? 1 : 0] = pfn;
    }

    /** Sets both cached migrate positions (a sync and an async run restart together). */
    void setCachedMigratePfns(long pfn) {
        cachedMigratePfn[0] = pfn;
        cachedMigratePfn[1] = pfn;
    }

    long cachedFreePfn() {
        return cachedFreePfn;
    }

    void setCachedFreePfn(long pfn) {
        cachedFreePfn = pfn;
    }

    /** zone->compact_blockskip_flush: a direct compaction's scanners met, so kswapd may clear the bits. */
    boolean blockskipFlush() {
        return blockskipFlush;
    }

    void setBlockskipFlush() {
        blockskipFlush = true;
    }
}
