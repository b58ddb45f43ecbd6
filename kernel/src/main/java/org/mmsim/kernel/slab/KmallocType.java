package org.mmsim.kernel.slab;

import org.mmsim.page.Gfp;

/**
 * enum kmalloc_cache_type of Linux 6.1 (include/linux/slab.h) with CONFIG_ZONE_DMA and CONFIG_MEMCG_KMEM, in
 * creation order, and kmalloc_type(): which kmalloc array a request's GFP flags select.
 */
public enum KmallocType {
    NORMAL("kmalloc-"),
    CGROUP("kmalloc-cg-"),
    RECLAIM("kmalloc-rcl-"),
    DMA("dma-kmalloc-");

    private final String prefix;

    KmallocType(String prefix) {
        this.prefix = prefix;
    }

    /** The cache name prefix of kmalloc_info[].name[type]. */
    public String prefix() {
        return prefix;
    }

    /** kmalloc_type(): __GFP_DMA first, then __GFP_RECLAIMABLE, then __GFP_ACCOUNT. */
    public static KmallocType of(int gfp, boolean zoneDma, boolean memcgKmem) {
        int notNormal = Gfp.__GFP_RECLAIMABLE | (zoneDma ? Gfp.__GFP_DMA : 0) | (memcgKmem ? Gfp.__GFP_ACCOUNT : 0);
        if ((gfp & notNormal) == 0) {
            return NORMAL;
        }
        if (zoneDma && (gfp & Gfp.__GFP_DMA) != 0) {
            return DMA;
        }
        if (!memcgKmem || (gfp & Gfp.__GFP_RECLAIMABLE) != 0) {
            return RECLAIM;
        }
        return CGROUP;
    }
}
