package org.mmsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.page.Machine;
import org.mmsim.page.MigrateType;
import org.mmsim.page.Node;
import org.mmsim.page.Zone;

/**
 * The picture of a tiny hand-made zone (x86_64: 512-page pageblocks, every page reserved until a test frees
 * chosen blocks): one entry per pageblock, its migratetype as set, its free fraction as freed.
 */
class PageblockPictureTest {
    private static final int MOVABLE = MigrateType.MOVABLE;
    private static final int UNMOVABLE = MigrateType.UNMOVABLE;
    private static final int RECLAIMABLE = MigrateType.RECLAIMABLE;

    /** One Normal zone [start, start + pages) on node 0, all reserved, every pageblock Movable. */
    private static Zone zone(long start, long pages) {
        return zone(start, pages, pages);
    }

    /**
     * One Normal zone spanning [start, start + spanned) on node 0 whose first {@code present} pages have a
     * memory map (reserved, pageblocks Movable); the rest of the span has none.
     */
    private static Zone zone(long start, long spanned, long present) {
        Node node = new Node(Arch.X86_64, 0, start, spanned);
        Machine m = new Machine(Arch.X86_64, 1, List.of(node));
        Zone z = node.initZone(ZoneType.NORMAL, start, spanned);
        z.setPresentPages(present);
        node.setPresentPages(present);
        z.reservePages(start, present);
        for (long pfn = start; pfn < start + present; pfn = (pfn & ~511L) + 512) {
            z.setPageblockMigratetype(pfn, MOVABLE);
        }
        m.buildZonelists();
        m.setPageGroupByMobilityDisabled(false);
        m.setPcpEnabled(false);
        return z;
    }

    @Test
    void oneEntryPerPageblockWithItsMigratetypeAndFreeFraction() {
        Zone z = zone(0x1000, 2048);
        z.setPageblockMigratetype(0x1200, UNMOVABLE);
        z.setPageblockMigratetype(0x1400, RECLAIMABLE);
        z.freeBootPages(0x1000, 9);
        z.freeBootPages(0x1200, 8);
        z.freeBootPages(0x1400, 7);
        PageblockPicture p = PageblockPicture.of(z);
        assertThat(p.zone()).isEqualTo("Node 0, zone Normal");
        assertThat(p.startPfn()).isEqualTo(0x1000);
        assertThat(p.migratetypes()).containsExactly(MOVABLE, UNMOVABLE, RECLAIMABLE, MOVABLE);
        assertThat(p.freeFraction()).containsExactly(1f, 0.5f, 0.25f, 0f);
    }

    @Test
    void aZoneStartingInsideAPageblockIsDrawnFromThatBlocksStart() {
        Zone z = zone(0x1100, 768);
        z.setPageblockMigratetype(0x1100, UNMOVABLE);
        z.freeBootPages(0x1100, 8);
        z.freeBootPages(0x1200, 9);
        PageblockPicture p = PageblockPicture.of(z);
        assertThat(p.startPfn()).isEqualTo(0x1000);
        assertThat(p.migratetypes()).containsExactly(UNMOVABLE, MOVABLE);
        assertThat(p.freeFraction()).containsExactly(0.5f, 1f);
    }

    @Test
    void aFreeBlockLargerThanAPageblockFillsEveryPageblockItCovers() {
        Zone z = zone(0x1000, 2048);
        z.freeBootPages(0x1400, 10);
        PageblockPicture p = PageblockPicture.of(z);
        assertThat(p.freeFraction()).containsExactly(0f, 0f, 1f, 1f);
    }

    @Test
    void pageblocksWithoutAMemoryMapAreHoles() {
        // two 32768-page memory sections; only the first gets a memory map (reserved), the second is a hole
        PageblockPicture p = PageblockPicture.of(zone(0x10000, 65536, 32768));
        assertThat(p.migratetypes()).hasSize(128);
        int[] expected = new int[128];
        Arrays.fill(expected, 0, 64, MOVABLE);
        Arrays.fill(expected, 64, 128, PageblockPicture.HOLE);
        assertThat(p.migratetypes()).containsExactly(expected);
    }

    @Test
    void typeNamesAreTheKernelsMigratetypeNames() {
        PageblockPicture p = PageblockPicture.of(zone(0x1000, 512));
        assertThat(p.typeNames()).startsWith("Unmovable", "Movable", "Reclaimable", "HighAtomic");
        assertThat(p.typeNames()).hasSize(MigrateType.forArch(Arch.X86_64).count());
    }
}
