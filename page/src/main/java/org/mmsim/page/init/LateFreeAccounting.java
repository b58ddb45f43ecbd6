package org.mmsim.page.init;

import org.mmsim.boot.reserve.BootMemblock;
import org.mmsim.boot.zone.BootLayout;

/**
 * Works out how many managed pages each zone had when the watermarks were computed. The kernel computes them
 * in an initcall, before initrd memory (populate_rootfs), the unused kernel image (free_initmem,
 * free_kernel_image_pages) and unused decrypted memory are handed to the buddy allocator by
 * free_reserved_area(). So a zone's managed pages at that moment are its final managed pages minus those
 * later frees that fell in it ({@link BootMemblock#lateFreesPerZone} places each free).
 */
public final class LateFreeAccounting {
    private LateFreeAccounting() {
    }

    /**
     * managed pages at watermark time, [nid][zone index in arch order], from the final managed pages of a
     * real machine's /proc/zoneinfo.
     */
    public static long[][] managedAtWatermarks(BootLayout layout, long[][] finalManaged) {
        long[][] all = BootMemblock.lateFreesPerZone(layout, false);
        long[][] before = BootMemblock.lateFreesPerZone(layout, true);
        long[][] out = new long[finalManaged.length][];
        for (int n = 0; n < finalManaged.length; n++) {
            out[n] = finalManaged[n].clone();
            for (int z = 0; z < out[n].length && n < all.length; z++) {
                out[n][z] -= all[n][z] - before[n][z];
            }
        }
        return out;
    }
}
