package org.mmsim.proc;

import java.util.List;

/**
 * The ranges a Linux 6.1 kernel's /proc files can show, so a parser refuses figures no kernel prints. Each limit
 * names the kernel source it comes from.
 */
public final class KernelLimits {
    /**
     * MAX_NUMNODES = 1 &lt;&lt; CONFIG_NODES_SHIFT (include/linux/numa.h); arch/x86/Kconfig and arch/arm64/Kconfig
     * allow NODES_SHIFT up to 10, so node ids are 0..1023.
     */
    public static final int MAX_NUMNODES = 1 << 10;

    /** The largest NR_CPUS of any 6.1 architecture (arch/x86/Kconfig, MAXSMP): cpu ids are 0..8191. */
    public static final int NR_CPUS = 8192;

    /**
     * The most pages a count of pages can reach: a 64-bit physical address space holds 2^64 bytes, which is
     * 2^52 pages of the smallest page size, 4 KiB (PAGE_SHIFT 12). Zone sizes, free counts and watermarks are
     * bounded by it, and sums of them (times 1000 for the fragmentation indices) stay inside a signed long.
     */
    public static final long MAX_PAGES = 1L << 52;

    /** The most kB a meminfo line can show: 2^64 bytes. */
    public static final long MAX_KB = 1L << 54;

    /**
     * The most order columns: MAX_ORDER is CONFIG_ARCH_FORCE_MAX_ORDER where an architecture sets it
     * (include/linux/mmzone.h), and arch/mips/Kconfig and arch/powerpc/Kconfig allow up to 64; 11 otherwise.
     */
    public static final int MAX_ORDERS = 64;

    /** mm/vmstat.c {@code calculate_normal_threshold()}/{@code calculate_pressure_threshold()} cap it at 125. */
    public static final int MAX_STAT_THRESHOLD = 125;

    /** mm/page_alloc.c {@code zone_names[]}, in zone index order (each present only with its config option). */
    public static final List<String> ZONE_NAMES = List.of("DMA", "DMA32", "Normal", "HighMem", "Movable", "Device");

    /** mm/page_alloc.c {@code migratetype_names[]}, in order (CMA and Isolate only with their config options). */
    public static final List<String> MIGRATETYPE_NAMES =
            List.of("Unmovable", "Movable", "Reclaimable", "HighAtomic", "CMA", "Isolate");

    private KernelLimits() {
    }

    /** The index of a kernel zone name in {@link #ZONE_NAMES}, or -1 for a name no kernel prints. */
    public static int zoneIndex(String name) {
        return ZONE_NAMES.indexOf(name);
    }

    /**
     * The free base pages that counts per order make up (the sum of nrFree[order] &lt;&lt; order), or -1 when
     * they exceed {@link #MAX_PAGES}. No step overflows.
     */
    public static long pagesOrOver(long[] nrFree) {
        long pages = 0;
        for (int o = 0; o < nrFree.length; o++) {
            long n = nrFree[o];
            if (n == 0) {
                continue;
            }
            if (n < 0 || o >= 53 || n > (MAX_PAGES >> o)) {
                return -1;
            }
            pages += n << o;
            if (pages > MAX_PAGES) {
                return -1;
            }
        }
        return pages;
    }
}
