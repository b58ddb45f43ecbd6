package org.mmsim.arch;

/**
 * The zone types in the order the kernel numbers them ({@code enum zone_type} in include/linux/mmzone.h).
 * Which exist depends on the architecture's configuration (see {@link Arch#zoneTypes()}): Debian's 6.1
 * kernels build DMA, DMA32 (64-bit), Normal, HighMem (32-bit), Movable, and Device on x86_64.
 */
public enum ZoneType {
    DMA("DMA"),
    DMA32("DMA32"),
    NORMAL("Normal"),
    HIGHMEM("HighMem"),
    MOVABLE("Movable"),
    DEVICE("Device");

    private final String kernelName;

    ZoneType(String kernelName) {
        this.kernelName = kernelName;
    }

    /** The name the kernel prints ({@code zone_names[]} in mm/page_alloc.c). */
    public String kernelName() {
        return kernelName;
    }
}
