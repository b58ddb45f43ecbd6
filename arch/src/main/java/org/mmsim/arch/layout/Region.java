package org.mmsim.arch.layout;

/**
 * One range of virtual addresses, {@code start} to {@code end} inclusive, compared as unsigned numbers
 * (kernel addresses are "negative" longs). {@code optional} marks a range that exists only in some
 * configurations (the arm64 KASAN shadow, drawn in brackets in Documentation/arm64/memory.rst).
 */
public record Region(long start, long end, RegionKind kind, String description, boolean optional) {

    public Region {
        if (Long.compareUnsigned(start, end) > 0) {
            throw new IllegalArgumentException("region " + description + " ends before it starts: "
                    + Long.toHexString(start) + " > " + Long.toHexString(end));
        }
    }

    public Region(long start, long end, RegionKind kind, String description) {
        this(start, end, kind, description, false);
    }

    /** Size in bytes as an unsigned number (every region is smaller than the whole 2^64 space). */
    public long size() {
        return end - start + 1;
    }

    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) <= 0;
    }

    /** One past the last byte (0 for a region that reaches the top of the address space). */
    public long endExclusive() {
        return end + 1;
    }
}
