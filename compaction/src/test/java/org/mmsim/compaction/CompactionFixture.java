package org.mmsim.compaction;

import java.util.List;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.page.Machine;
import org.mmsim.page.MigrateType;
import org.mmsim.page.Node;
import org.mmsim.page.Zone;
import org.mmsim.reclaim.Memory;
import org.mmsim.reclaim.MmConfig;
import org.mmsim.reclaim.MmEnvironment;

/**
 * A hand-made zone for the compaction rule tests: x86_64 (pageblock order 9, MAX_ORDER 11), one Normal zone of
 * 4096 pages (eight pageblocks) at pfn 0x10000, every page reserved and every pageblock Movable until a test
 * frees chosen blocks; watermarks 0 until set; pcp off; grouping by mobility on; the memory and compaction models
 * over it with the given vm.extfrag_threshold and vm.compaction_proactiveness.
 */
final class CompactionFixture {
    static final long START = 0x10000;
    static final long PAGES = 4096;
    static final long PAGEBLOCK = 512;

    final Machine m;
    final Zone z;
    final Memory mem;
    final Compaction compaction;

    CompactionFixture() {
        this(500, 20);
    }

    CompactionFixture(int extfragThreshold, int proactiveness) {
        Node node = new Node(Arch.X86_64, 0, START, PAGES);
        m = new Machine(Arch.X86_64, 1, List.of(node));
        z = node.initZone(ZoneType.NORMAL, START, PAGES);
        z.setPresentPages(PAGES);
        node.setPresentPages(PAGES);
        z.reservePages(START, PAGES);
        for (long pfn = START; pfn < START + PAGES; pfn += PAGEBLOCK) {
            z.setPageblockMigratetype(pfn, MigrateType.MOVABLE);
        }
        m.buildZonelists();
        m.setPageGroupByMobilityDisabled(false);
        m.setPcpEnabled(false);
        mem = new Memory(m, new MmConfig(60, 0, true, proactiveness, extfragThreshold, true), MmEnvironment.NONE,
                Compaction::new);
        compaction = (Compaction) mem.compaction;
    }

    /** The start pfn of pageblock {@code i} of the zone. */
    static long block(int i) {
        return START + i * PAGEBLOCK;
    }

    /** Frees the block of 2^order pages at pfn (it goes to the list of its pageblock's migratetype). */
    CompactionFixture free(long pfn, int order) {
        z.freeBootPages(pfn, order);
        return this;
    }

    /** Frees {@code count} single pages at every other pfn from {@code from}, so that none has a free buddy. */
    CompactionFixture freeSinglePages(long from, int count) {
        for (int i = 0; i < count; i++) {
            z.freeBootPages(from + 2L * i, 0);
        }
        return this;
    }

    /** Frees {@code count} blocks of 2^order pages from the zone start, each followed by a reserved one (no merging). */
    CompactionFixture freeBlocksApart(int count, int order) {
        for (int i = 0; i < count; i++) {
            z.freeBootPages(START + (2L << order) * i, order);
        }
        return this;
    }

    /** Frees one single page at every other pfn of every pageblock: 256 order-0 pages per block. */
    CompactionFixture freeEveryOtherPage() {
        return freeSinglePages(START, (int) (PAGES / 2));
    }

    CompactionFixture pageblockType(int block, int migratetype) {
        z.setPageblockMigratetype(block(block), migratetype);
        return this;
    }

    CompactionFixture watermarks(long min, long low, long high) {
        z.setWatermarks(min, low, high);
        return this;
    }

    /** A compact_control for a run of this order and migratetype, scanners at the zone's two ends. */
    CompactControl control(int order, int migratetype) {
        CompactControl cc = new CompactControl();
        cc.configure(order, MigrateMode.MIGRATE_SYNC_LIGHT, false, false, false, true, false, migratetype, 0,
                z.zoneIdx());
        cc.migratePfn = START;
        cc.freePfn = block(7);
        return cc;
    }
}
