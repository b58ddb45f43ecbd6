package org.mmsim.page;

import java.util.List;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;

/**
 * One NUMA node, the model of {@code struct pglist_data} (include/linux/mmzone.h): its id, pfn span, present
 * pages, the per-page state of its span ({@link MemMap}) and one {@link Zone} per zone type the architecture
 * configures (empty zones included, as the kernel keeps all MAX_NR_ZONES). Zones are indexed by zone_idx, the
 * position in {@link Arch#zoneTypes()}.
 */
public final class Node {
    private final Arch arch;
    private final int nid;
    private final long nodeStartPfn;
    private final long spannedPages;
    private long presentPages;
    private final MemMap memMap;
    private final Zone[] zones;
    Machine machine;

    public Node(Arch arch, int nid, long nodeStartPfn, long spannedPages) {
        this.arch = arch;
        this.nid = nid;
        this.nodeStartPfn = nodeStartPfn;
        this.spannedPages = spannedPages;
        this.memMap = new MemMap(nodeStartPfn, spannedPages, arch.maxOrder());
        List<ZoneType> types = arch.zoneTypes();
        this.zones = new Zone[types.size()];
        for (int i = 0; i < zones.length; i++) {
            zones[i] = new Zone(this, types.get(i), i);
        }
    }

    /**
     * Gives a zone its span (zone_start_pfn, spanned_pages), as free_area_init_core does; call before any page
     * of the zone is freed or reserved. The span must lie inside the node's.
     */
    public Zone initZone(ZoneType type, long zoneStartPfn, long spannedPages) {
        if (spannedPages > 0 && (zoneStartPfn < nodeStartPfn || zoneStartPfn + spannedPages > nodeStartPfn + this.spannedPages)) {
            throw new IllegalArgumentException("zone " + type + " outside node " + nid);
        }
        Zone z = zone(type);
        z.initSpan(zoneStartPfn, spannedPages);
        return z;
    }

    public Arch arch() {
        return arch;
    }

    public int nid() {
        return nid;
    }

    public long nodeStartPfn() {
        return nodeStartPfn;
    }

    public long spannedPages() {
        return spannedPages;
    }

    public long presentPages() {
        return presentPages;
    }

    public void setPresentPages(long presentPages) {
        this.presentPages = presentPages;
    }

    public MemMap memMap() {
        return memMap;
    }

    /** The zones in zone_idx order (one per configured zone type). */
    public Zone[] zones() {
        return zones;
    }

    /** The zone of a configured type. */
    public Zone zone(ZoneType type) {
        int i = arch.zoneTypes().indexOf(type);
        if (i < 0) {
            throw new IllegalArgumentException(type + " is not configured on " + arch.id());
        }
        return zones[i];
    }

    /** The zone whose span holds the pfn, or null. */
    public Zone zoneOf(long pfn) {
        for (Zone z : zones) {
            if (z.spans(pfn)) {
                return z;
            }
        }
        return null;
    }

    /** The machine this node belongs to (null until a {@link Machine} is built over it). */
    public Machine machine() {
        return machine;
    }
}
