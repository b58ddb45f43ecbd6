package org.mmsim.boot.reserve;

import org.mmsim.boot.zone.BootArch;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.MemRange;
import org.mmsim.boot.zone.NodeSpan;
import org.mmsim.boot.zone.ZoneSpan;

/**
 * CONFIG_DEFERRED_STRUCT_PAGE_INIT (64-bit Debian kernels): mm/page_alloc.c defer_init() initialises only the
 * first memory section of each node's last zone early; the rest waits for deferred_init_memmap(), after the
 * "Memory:" line is printed. This gives each node's first_deferred_pfn.
 */
public final class DeferredInit {
    private DeferredInit() {
    }

    /** first_deferred_pfn per node; Long.MAX_VALUE where nothing is deferred (or on 32-bit). */
    public static long[] firstDeferredPfn(BootLayout layout) {
        long[] out = new long[layout.nodes().size()];
        java.util.Arrays.fill(out, Long.MAX_VALUE);
        if (layout.spec().arch().physAddrBits() <= 36) {
            return out;
        }
        long perSection = BootArch.of(layout.spec().arch()).pagesPerSection(layout.spec().arch().pageShift());
        for (NodeSpan n : layout.nodes()) {
            for (ZoneSpan z : n.zones()) {
                if (!z.populated() || z.endPfn() < n.endPfn()) {
                    continue;
                }
                long initialised = 0;
                for (MemRange r : layout.memory()) {
                    if (r.nid() != n.nid()) {
                        continue;
                    }
                    long s = Math.max(r.startPfn(), z.startPfn());
                    long e = Math.min(r.endPfn(), z.endPfn());
                    if (s >= e) {
                        continue;
                    }
                    long firstAligned = (s + perSection - 1) / perSection * perSection;
                    for (long p = firstAligned; p < e; p += perSection) {
                        if (initialised + (p - s) + 1 > perSection) {
                            out[n.nid()] = Math.min(out[n.nid()], p);
                            break;
                        }
                    }
                    if (out[n.nid()] != Long.MAX_VALUE) {
                        break;
                    }
                    initialised += e - s;
                }
            }
        }
        return out;
    }
}
