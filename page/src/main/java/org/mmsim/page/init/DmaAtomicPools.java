package org.mmsim.page.init;

import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.Zone;

/**
 * The DMA atomic pools of kernel/dma/pool.c dma_atomic_pool_init() (a postcore initcall): one block each
 * for GFP_KERNEL, GFP_KERNEL|GFP_DMA (when ZONE_DMA has managed pages) and GFP_KERNEL|GFP_DMA32, of
 * 128 KiB per GiB of RAM (at least 128 KiB, at most one MAX_ORDER block), as the boot log's
 * "DMA: preallocated N KiB ... pool for atomic allocations" lines report. On a large machine the order-9
 * GFP_DMA block steals pageblocks in ZONE_DMA, which /proc/pagetypeinfo shows.
 */
final class DmaAtomicPools {
    private DmaAtomicPools() {
    }

    static void allocate(Machine m) {
        Arch arch = m.arch();
        long totalram = m.zones().stream().mapToLong(Zone::managedPages).sum();
        long bytes = Math.max(totalram / ((1L << 30) / (128L << 10)) << arch.pageShift(), 128L << 10);
        bytes = Math.min(bytes, arch.pageSize() << (arch.maxOrder() - 1));
        int order = 64 - Long.numberOfLeadingZeros(((bytes - 1) >> arch.pageShift()));
        m.allocPages(Gfp.GFP_KERNEL, order);
        boolean dmaManaged = m.nodes().stream().anyMatch(n -> n.zone(ZoneType.DMA).managedPages() > 0);
        if (dmaManaged) {
            m.allocPages(Gfp.GFP_KERNEL | Gfp.__GFP_DMA, order);
        }
        if (arch.zoneTypes().contains(ZoneType.DMA32)) {
            m.allocPages(Gfp.GFP_KERNEL | Gfp.__GFP_DMA32, order);
        }
    }
}
