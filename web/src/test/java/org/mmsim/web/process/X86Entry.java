package org.mmsim.web.process;

/**
 * The tests' own decoding of an x86_64 page-table entry from its value, by arch/x86/include/asm/pgtable_types.h's
 * bit numbers (_PAGE_BIT_PRESENT 0, RW 1, USER 2, ACCESSED 5, DIRTY 6, PSE 7, NX 63) and 6.1's swap entry
 * layout (pgtable_64.h: type in the top 5 bits, the offset inverted from bit 9 + 5), to check what the page shows.
 */
record X86Entry(long value) {
    static X86Entry parse(String hex) {
        return new X86Entry(Long.parseUnsignedLong(hex.replaceFirst("^0x", ""), 16));
    }

    boolean bit(int n) {
        return (value >>> n & 1) == 1;
    }

    boolean present() {
        return bit(0) || bit(8);
    }

    int swapType() {
        return (int) (value >>> 59);
    }

    long swapOffset() {
        return (~value) << 5 >>> 14;
    }
}
