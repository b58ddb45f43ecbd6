package org.mmsim.page;

/**
 * One allocation request as the allocator sees it, {@code struct alloc_context} (mm/internal.h) plus the request's
 * gfp mask and order: read by the slow-path hooks. The machine reuses one instance, so hooks must not keep it.
 */
public final class AllocContext {
    Zonelist zonelist;
    int highestZoneidx;
    int migratetype;
    int preferredZoneref;
    int gfp;
    int order;
    int allocFlags;

    public Zonelist zonelist() {
        return zonelist;
    }

    /** ac->highest_zoneidx: gfp_zone() of the request. */
    public int highestZoneidx() {
        return highestZoneidx;
    }

    /** ac->migratetype. */
    public int migratetype() {
        return migratetype;
    }

    /** The preferred zone (first usable zone of the zonelist), or null. */
    public Zone preferredZone() {
        return preferredZoneref < 0 ? null : zonelist.zones[preferredZoneref];
    }

    public int gfp() {
        return gfp;
    }

    public int order() {
        return order;
    }

    /** The alloc flags of the current attempt. */
    public int allocFlags() {
        return allocFlags;
    }
}
