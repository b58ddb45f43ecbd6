package org.mmsim.boot.spec;

/**
 * Memory the kernel hands to the buddy allocator late in boot with {@code free_reserved_area()}, as logged by
 * {@code Freeing <what> memory: <N>K} (init/initramfs.c free_initrd_mem, mm/page_alloc.c free_reserved_area,
 * arch/x86/mm/init.c free_kernel_image_pages). {@code start} is where the range lies, or -1 when unknown;
 * {@code beforeWatermarks} tells whether it happened before the postcore initcall
 * {@code init_per_zone_wmark_min} (true only for x86's SMP alternatives, freed from start_kernel).
 */
public record LateFree(String what, long kib, long start, boolean beforeWatermarks) {
    public long pages(int pageShift) {
        return kib >> (pageShift - 10);
    }
}
