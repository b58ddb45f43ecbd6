package org.mmsim.boot.spec;

/**
 * Physical memory the kernel reserves in memblock before the buddy allocator takes over (kernel image,
 * initrd, firmware tables, early allocations). {@code end} is exclusive; {@code what} says who reserved it.
 * A reservation with {@code free} set is a memblock_phys_free of that range, replayed in order.
 */
public record Reservation(long start, long end, String what, boolean free) {
    public static Reservation reserve(long start, long end, String what) {
        return new Reservation(start, end, what, false);
    }

    public long size() {
        return end - start;
    }
}
