package org.mmsim.arch.layout;

/**
 * A range of virtual addresses that maps physical memory at a constant offset: the direct map
 * (x86 {@code __va}/{@code __pa}, arm64 {@code __phys_to_virt}/{@code __lm_to_phys}) or the kernel image
 * mapping (x86_64 {@code __START_KERNEL_map} plus {@code phys_base}, arm64 {@code kimage_voffset}).
 * Virtual {@code [virtStart, virtEnd)} maps physical {@code [physStart, physStart + (virtEnd - virtStart))}.
 */
public record LinearMap(long virtStart, long virtEnd, long physStart) {

    public boolean containsVirt(long va) {
        return Long.compareUnsigned(va - virtStart, virtEnd - virtStart) < 0;
    }

    public boolean containsPhys(long pa) {
        return Long.compareUnsigned(pa - physStart, virtEnd - virtStart) < 0;
    }

    public long toPhys(long va) {
        return va - virtStart + physStart;
    }

    public long toVirt(long pa) {
        return pa - physStart + virtStart;
    }
}
