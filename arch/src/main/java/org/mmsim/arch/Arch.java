package org.mmsim.arch;

import java.util.List;

/**
 * The architectures mmsim models, each as Debian builds its 6.1 kernel: page size, the zones configured
 * (MAX_NR_ZONES, which sets the length of zoneinfo's protection array), and the pageblock and buddy orders.
 */
public enum Arch {
    /** x86_64, 4 KiB pages, 4-level paging; CONFIG_ZONE_DMA, ZONE_DMA32, ZONE_DEVICE. */
    X86_64("x86_64", 12, 46, List.of(ZoneType.DMA, ZoneType.DMA32, ZoneType.NORMAL, ZoneType.MOVABLE, ZoneType.DEVICE)),
    /** i386 with PAE (Debian 686-pae): CONFIG_HIGHMEM64G, 3G/1G split. */
    I386_PAE("i386-pae", 12, 36, List.of(ZoneType.DMA, ZoneType.NORMAL, ZoneType.HIGHMEM, ZoneType.MOVABLE)),
    /** arm64, 4 KiB granule, 48-bit VA; ZONE_DMA and ZONE_DMA32 configured, no ZONE_DEVICE in Debian's build. */
    ARM64("arm64", 12, 48, List.of(ZoneType.DMA, ZoneType.DMA32, ZoneType.NORMAL, ZoneType.MOVABLE));

    private final String id;
    private final int pageShift;
    private final int physAddrBits;
    private final List<ZoneType> zoneTypes;

    Arch(String id, int pageShift, int physAddrBits, List<ZoneType> zoneTypes) {
        this.id = id;
        this.pageShift = pageShift;
        this.physAddrBits = physAddrBits;
        this.zoneTypes = zoneTypes;
    }

    /** The name used in machine files and on the command line. */
    public String id() {
        return id;
    }

    public int pageShift() {
        return pageShift;
    }

    public long pageSize() {
        return 1L << pageShift;
    }

    /** MAX_PHYSMEM_BITS. */
    public int physAddrBits() {
        return physAddrBits;
    }

    /** The configured zones in kernel order; their count is MAX_NR_ZONES. */
    public List<ZoneType> zoneTypes() {
        return zoneTypes;
    }

    /** MAX_ORDER of 6.1: the buddy allocator's orders are 0 .. MAX_ORDER-1. */
    public int maxOrder() {
        return 11;
    }

    /** pageblock_order: HPAGE_PMD_ORDER (9) with 4 KiB pages on all three. */
    public int pageblockOrder() {
        return 9;
    }

    /** Looks an architecture up by its {@link #id()}, or null. */
    public static Arch byId(String id) {
        for (Arch a : values()) {
            if (a.id.equalsIgnoreCase(id)) {
                return a;
            }
        }
        return null;
    }
}
