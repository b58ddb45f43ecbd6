package org.mmsim.proc.model;

import org.mmsim.arch.ZoneType;
import org.mmsim.page.Machine;
import org.mmsim.page.Zone;

/**
 * The global dirty thresholds /proc/vmstat prints, as mm/page-writeback.c computes them for an ordinary task
 * with the default vm.dirty_ratio 20 and vm.dirty_background_ratio 10: {@code global_dirtyable_memory()}
 * (free pages above totalreserve_pages plus file LRU pages, highmem excluded) and {@code domain_dirty_limits()}.
 */
public final class DirtyLimits {
    private static final int DIRTY_RATIO = 20;
    private static final int DIRTY_BACKGROUND_RATIO = 10;

    private DirtyLimits() {
    }

    /** {@code {background threshold, threshold}} in pages. */
    public static long[] of(Machine machine, long totalreservePages, ModelCounters counters) {
        long pageSize = machine.arch().pageSize();
        long x = machine.nrFreePages();
        x -= Math.min(x, totalreservePages);
        x += counters.get("nr_inactive_file") + counters.get("nr_active_file");
        x -= highmemDirtyable(machine, x);
        long available = x + 1;
        long ratio = DIRTY_RATIO * pageSize / 100;
        long bgRatio = DIRTY_BACKGROUND_RATIO * pageSize / 100;
        long thresh = ratio * available / pageSize;
        long bg = bgRatio * available / pageSize;
        if (bg >= thresh) {
            bg = thresh / 2;
        }
        return new long[] {bg, thresh};
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
