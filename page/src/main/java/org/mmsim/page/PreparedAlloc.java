package org.mmsim.page;

/**
 * What prepare_alloc_pages() and the start of __alloc_pages() derive from a request's gfp mask and preferred node
 * (the zonelist, the highest zone, the migratetype, the preferred zoneref and the first alloc flags), kept by the
 * machine for the last request: a workload repeats the same few requests, and none of these depends on the
 * state of memory. A gfp of -1 means empty; the machine empties it when its zonelists or mobility grouping change.
 */
final class PreparedAlloc {
    int gfp = -1;
    int nid = -1;
    Zonelist zonelist;
    int highestZoneidx;
    int migratetype;
    int preferredZoneref;
    int allocFlags;
    /** The zone at preferredZoneref, or null. */
    Zone preferredZone;
    /** The state of an allocated head: counted as movable for MIGRATE_MOVABLE. */
    int allocatedState;
    /**
     * The highest order {@link PageAllocator#allocFromPreferredPcp} may serve, or -1: PAGE_ALLOC_COSTLY_ORDER, or
     * 0 for ALLOC_HARDER (a high-order success reserves a highatomic pageblock), -1 without a preferred zone, when
     * rmqueue()'s CMA test keeps the request off the per-CPU lists, or with ALLOC_NO_WATERMARKS.
     */
    int pcpMaxOrder = -1;

    void clear() {
        gfp = -1;
        pcpMaxOrder = -1;
    }
}
