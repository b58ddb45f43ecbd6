package org.mmsim.page.init;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.MigrateType;
import org.mmsim.page.Zone;

/**
 * After boot, grouping by mobility is on (build_all_zonelists() saw the x86_64-4G machine's 1031904 pages,
 * far above pageblock_nr_pages * MIGRATE_TYPES), so movable allocations alone never turn a pageblock
 * Unmovable: every fallback of a MOVABLE request claims blocks for MOVABLE (steal_suitable_fallback).
 */
class MobilityGroupingAfterBootTest {
    @Test
    void movableAllocationsLeaveNoNewUnmovableBlocks() {
        Machine m = MemoryInit.boot(MachineFile.preset("x86_64-4G")).machine();
        assertThat(m.pageGroupByMobilityDisabled()).isFalse();
        Zone dma32 = m.node(0).zone(ZoneType.DMA32);
        Zone normal = m.node(0).zone(ZoneType.NORMAL);
        long before = dma32.countPageblocks(MigrateType.UNMOVABLE) + normal.countPageblocks(MigrateType.UNMOVABLE);
        for (int i = 0; i < 400_000; i++) {
            assertThat(m.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 0)).isNotNegative();
        }
        long after = dma32.countPageblocks(MigrateType.UNMOVABLE) + normal.countPageblocks(MigrateType.UNMOVABLE);
        assertThat(after).isEqualTo(before);
    }
}
