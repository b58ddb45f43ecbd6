package org.mmsim.kernel;

/**
 * The kernel's bit helpers used by the allocators: fls() and ilog2() (include/asm-generic/bitops),
 * get_order() (include/asm-generic/getorder.h) and ALIGN() (include/linux/align.h).
 */
public final class KernelMath {
    private KernelMath() {
    }

    /** fls(x): position of the most significant set bit, 1-based; fls(0) = 0. */
    public static int fls(long x) {
        return 64 - Long.numberOfLeadingZeros(x);
    }

    /** ilog2(x) for x > 0. */
    public static int ilog2(long x) {
        return 63 - Long.numberOfLeadingZeros(x);
    }

    /** get_order(size): the smallest order with (pageSize << order) >= size; size > 0. */
    public static int getOrder(long size, int pageShift) {
        long pages = (size - 1) >>> pageShift;
        return fls(pages);
    }

    /** ALIGN(x, a) for a power of two a. */
    public static long align(long x, long a) {
        return (x + a - 1) & -a;
    }

    /** ALIGN for ints. */
    public static int align(int x, int a) {
        return (x + a - 1) & -a;
    }

    /** Whether x is a power of two (x > 0). */
    public static boolean isPowerOf2(long x) {
        return x > 0 && (x & (x - 1)) == 0;
    }
}
