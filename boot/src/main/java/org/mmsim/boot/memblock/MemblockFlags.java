package org.mmsim.boot.memblock;

/**
 * enum memblock_flags (include/linux/memblock.h): attributes of a memory region, as int bits so that
 * regions stay in primitive arrays.
 */
public final class MemblockFlags {
    /** No special request. */
    public static final int NONE = 0x0;
    /** Hot(un)pluggable RAM; skipped by allocations when movable_node is set. */
    public static final int HOTPLUG = 0x1;
    /** Mirrored memory (kernelcore=mirror). */
    public static final int MIRROR = 0x2;
    /** Not in the direct map; its struct pages become PageReserved. */
    public static final int NOMAP = 0x4;
    /** Added by a driver, never in the firmware memory map. */
    public static final int DRIVER_MANAGED = 0x8;

    private MemblockFlags() {
    }
}
