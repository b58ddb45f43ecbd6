package org.mmsim.boot.zone;

import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;

/**
 * The highest pfn each zone may reach, as each architecture's zone_sizes_init() passes max_zone_pfn[] to
 * free_area_init(): arch/x86/mm/init.c zone_sizes_init (DMA below 16 MiB, DMA32 below 4 GiB, Normal up to
 * max_low_pfn, HighMem up to max_pfn) and arch/arm64/mm/init.c zone_sizes_init with max_zone_phys().
 */
public final class ZoneLimits {
    private static final long MAX_DMA_PFN = (16L << 20) >> 12;
    private static final long MAX_DMA32_PFN = (4L << 30) >> 12;

    private ZoneLimits() {
    }

    /**
     * max_zone_pfn[] indexed by {@link ZoneType#ordinal()}.
     *
     * @param maxPfn     the end of RAM (x86 e820__end_of_ram_pfn, arm64 memblock_end_of_DRAM)
     * @param maxLowPfn  the end of directly mapped RAM (x86_64: max_pfn; i386: the lowmem limit)
     * @param dramStart  memblock_start_of_DRAM() in bytes (arm64's max_zone_phys uses it)
     */
    public static long[] maxZonePfns(Arch arch, long maxPfn, long maxLowPfn, long dramStart) {
        long[] m = new long[ZoneType.values().length];
        switch (arch) {
            case X86_64:
            case I386_PAE:
                m[ZoneType.DMA.ordinal()] = Math.min(MAX_DMA_PFN, maxLowPfn);
                m[ZoneType.DMA32.ordinal()] = Math.min(MAX_DMA32_PFN, maxLowPfn);
                m[ZoneType.NORMAL.ordinal()] = maxLowPfn;
                m[ZoneType.HIGHMEM.ordinal()] = maxPfn;
                break;
            case ARM64: {
                long dramEnd = maxPfn << arch.pageShift();
                long dma = maxZonePhys(32, dramStart, dramEnd) >> arch.pageShift();
                m[ZoneType.DMA.ordinal()] = dma;
                m[ZoneType.DMA32.ordinal()] = dma;
                m[ZoneType.NORMAL.ordinal()] = maxPfn;
                break;
            }
            default:
                throw new IllegalStateException(arch.toString());
        }
        return m;
    }

    /** arm64 max_zone_phys(): the end of the zone that covers {@code zoneBits} of address from DRAM start. */
    static long maxZonePhys(int zoneBits, long dramStart, long dramEnd) {
        long zoneMask = (1L << zoneBits) - 1;
        if (Long.compareUnsigned(dramStart, 0xffffffffL) > 0) {
            zoneMask = -1L;
        } else if (dramStart > zoneMask) {
            zoneMask = 0xffffffffL;
        }
        return Math.min(zoneMask, dramEnd - 1) + 1;
    }
}
