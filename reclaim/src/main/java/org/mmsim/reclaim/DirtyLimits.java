package org.mmsim.reclaim;

import org.mmsim.arch.ZoneType;
import org.mmsim.boot.spec.KernelSysctl;
import org.mmsim.page.Machine;
import org.mmsim.page.Zone;

/**
 * The global dirty thresholds of mm/page-writeback.c for an ordinary task: {@code global_dirtyable_memory()}
 * (free pages above totalreserve_pages plus the file LRU pages, highmem excluded) and
 * {@code domain_dirty_limits()} with vm.dirty_ratio and vm.dirty_background_ratio (defaults 20 and 10). /proc/vmstat
 * prints them as nr_dirty_threshold and nr_dirty_background_threshold; the flusher and the writers' throttle obey
 * them.
 */
public final class DirtyLimits {
    public static final int DEFAULT_DIRTY_RATIO = KernelSysctl.DIRTY_RATIO.kernelDefault();
    public static final int DEFAULT_DIRTY_BACKGROUND_RATIO = KernelSysctl.DIRTY_BACKGROUND_RATIO.kernelDefault();

    private DirtyLimits() {
    }

    /** {@code {background threshold, threshold}} in pages, with the default ratios. */
    public static long[] of(Machine machine, long totalreservePages, long fileLruPages) {
        return of(machine, totalreservePages, fileLruPages, DEFAULT_DIRTY_RATIO, DEFAULT_DIRTY_BACKGROUND_RATIO);
    }

    /** {@code {background threshold, threshold}} in pages. */
    public static long[] of(Machine machine, long totalreservePages, long fileLruPages, int dirtyRatio,
            int backgroundRatio) {
        long available = dirtyable(machine, totalreservePages, fileLruPages);
        return new long[] {background(machine, available, dirtyRatio, backgroundRatio),
            threshold(machine, available, dirtyRatio)};
    }

    /** global_dirtyable_memory() + 1, as domain_dirty_limits() uses it. */
    public static long dirtyable(Machine machine, long totalreservePages, long fileLruPages) {
        long x = machine.nrFreePages();
        x -= Math.min(x, totalreservePages);
        x += fileLruPages;
        x -= highmemDirtyable(machine, x);
        return x + 1;
    }

    /** The dirty threshold for {@link #dirtyable} pages. */
    public static long threshold(Machine machine, long available, int dirtyRatio) {
        long pageSize = machine.arch().pageSize();
        return dirtyRatio * pageSize / 100 * available / pageSize;
    }

    /** The background threshold: at most half the dirty threshold. */
    public static long background(Machine machine, long available, int dirtyRatio, int backgroundRatio) {
        long pageSize = machine.arch().pageSize();
        long thresh = threshold(machine, available, dirtyRatio);
        long bg = backgroundRatio * pageSize / 100 * available / pageSize;
        return bg >= thresh ? thresh / 2 : bg;
    }

    /** highmem_dirtyable_memory(): free highmem above its high watermarks (file pages per zone are not kept). */
    private static long highmemDirtyable(Machine machine, long total) {
        long x = 0;
        for (Zone z : machine.zones()) {
            if (z.type() != ZoneType.HIGHMEM || !z.populated()) {
                continue;
            }
            long n = z.nrFreePages();
            n -= Math.min(n, z.highWmarkPages());
            x += n;
        }
        return Math.min(Math.max(x, 0), total);
    }
}
