package org.mmsim.boot.memblock;

/**
 * Arithmetic on {@code phys_addr_t}, which the kernel declares as an unsigned 64-bit integer. Java's
 * {@code long} has the same bits, but comparisons must be unsigned so that addresses near
 * {@link #PHYS_ADDR_MAX} (used by memblock as "no upper limit") order correctly.
 */
public final class PhysAddr {
    /** PHYS_ADDR_MAX: all ones. */
    public static final long PHYS_ADDR_MAX = -1L;

    private PhysAddr() {
    }

    public static boolean lt(long a, long b) {
        return Long.compareUnsigned(a, b) < 0;
    }

    public static boolean le(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0;
    }

    public static boolean gt(long a, long b) {
        return Long.compareUnsigned(a, b) > 0;
    }

    public static boolean ge(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0;
    }

    public static long min(long a, long b) {
        return lt(a, b) ? a : b;
    }

    public static long max(long a, long b) {
        return gt(a, b) ? a : b;
    }

    /** clamp(): {@code min(max(v, lo), hi)}. */
    public static long clamp(long v, long lo, long hi) {
        return min(max(v, lo), hi);
    }

    /** round_up() for a power-of-two {@code align}; wraps at the top like the kernel's macro. */
    public static long roundUp(long x, long align) {
        return ((x - 1) | (align - 1)) + 1;
    }

    /** round_down() for a power-of-two {@code align}. */
    public static long roundDown(long x, long align) {
        return x & -align;
    }
}
