package org.mmsim.page.init;

import org.mmsim.arch.Arch;
import org.mmsim.boot.spec.LateFree;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.NodeSpan;
import org.mmsim.boot.zone.ZoneSpan;

/**
 * Works out how many managed pages each zone had when the watermarks were computed. The kernel computes them
 * in an initcall, before initrd memory (populate_rootfs), the unused kernel image (free_initmem,
 * free_kernel_image_pages) and unused decrypted memory are handed to the buddy allocator by
 * free_reserved_area(). So a zone's managed pages at that moment are its final managed pages minus those
 * later frees that fell in it.
 */
public final class LateFreeAccounting {
    private LateFreeAccounting() {
    }

    /**
     * managed pages at watermark time, [nid][zone index in arch order], from the final managed pages of a
     * real machine's /proc/zoneinfo.
     */
    public static long[][] managedAtWatermarks(BootLayout layout, long[][] finalManaged) {
        long[][] out = new long[finalManaged.length][];
        for (int n = 0; n < finalManaged.length; n++) {
            out[n] = finalManaged[n].clone();
        }
        long[][] late = lateFreedPages(layout);
        for (int n = 0; n < out.length; n++) {
            for (int z = 0; z < out[n].length; z++) {
                out[n][z] -= late[n][z];
            }
        }
        return out;
    }

    /** Pages freed after the watermark initcall, per [nid][zone index]. */
    public static long[][] lateFreedPages(BootLayout layout) {
        MachineSpec spec = layout.spec();
        int nz = spec.arch().zoneTypes().size();
        long[][] late = new long[layout.nodes().size()][nz];
        for (LateFree f : spec.lateFrees()) {
            if (f.beforeWatermarks()) {
                continue;
            }
            long addr = f.start() >= 0 ? f.start() : defaultKernelStart(layout);
            long pfn = addr >> spec.arch().pageShift();
            int[] where = zoneOfPfn(layout, pfn);
            if (where != null) {
                late[where[0]][where[1]] += f.pages(spec.arch().pageShift());
            }
        }
        return late;
    }

    /** The kernel's physical load address when the log does not say: 16 MiB on x86, 2 MiB into DRAM on arm64. */
    static long defaultKernelStart(BootLayout layout) {
        if (layout.spec().arch() == Arch.ARM64) {
            return (layout.memory().get(0).startPfn() << layout.spec().arch().pageShift()) + (2L << 20);
        }
        return 16L << 20;
    }

    /** {nid, zone index} of the zone spanning {@code pfn}, or null. */
    public static int[] zoneOfPfn(BootLayout layout, long pfn) {
        for (NodeSpan n : layout.nodes()) {
            for (int z = 0; z < n.zones().size(); z++) {
                ZoneSpan s = n.zones().get(z);
                if (s.spanned() > 0 && pfn >= s.startPfn() && pfn < s.endPfn()) {
                    return new int[] {n.nid(), z};
                }
            }
        }
        return null;
    }
}
