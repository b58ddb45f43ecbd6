package org.mmsim.page.init;

import org.mmsim.arch.ZoneType;

/**
 * The boot-time numbers of one zone that watermark setup reads and writes: managed pages, the min/low/high
 * watermarks, lowmem_reserve (zoneinfo's "protection"), the pcp high and batch, and the vm stats threshold.
 * A plain holder so the formulas can be checked against the oracle without a whole machine.
 */
public final class ZoneReserveState {
    public final int nid;
    public final ZoneType type;
    public long managed;
    public long min;
    public long low;
    public long high;
    public final long[] lowmemReserve;
    public int pcpHigh;
    public int pcpBatch;
    public int statThreshold;

    private final boolean highmem;

    /**
     * @param highmem is_highmem_idx(): HighMem, or Movable when ZONE_MOVABLE is carved from HighMem
     *                (movable_zone == ZONE_HIGHMEM, as on i386)
     */
    public ZoneReserveState(int nid, ZoneType type, long managed, int nrZoneTypes, boolean highmem) {
        this.nid = nid;
        this.type = type;
        this.managed = managed;
        this.lowmemReserve = new long[nrZoneTypes];
        this.highmem = highmem;
    }

    public boolean isHighmem() {
        return highmem;
    }
}
