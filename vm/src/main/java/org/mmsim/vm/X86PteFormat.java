package org.mmsim.vm;

import java.util.List;

/**
 * x86_64 entry bits (arch/x86/include/asm/pgtable_types.h, pgtable_64.h): _PAGE_PRESENT 0, _PAGE_RW 1,
 * _PAGE_USER 2, _PAGE_ACCESSED 5, _PAGE_DIRTY 6, _PAGE_PSE 7, _PAGE_PROTNONE 8, _PAGE_SPECIAL 9, _PAGE_SOFT_DIRTY 11,
 * _PAGE_NX 63; pfn in bits 12..51. User page tables are populated with _PAGE_TABLE (P|RW|USER|A|D). Swap
 * entries follow 6.1 __swp_entry(): type in the top 5 bits, offset inverted (L1TF) starting at bit 9. i386 PAE
 * entries (pgtable-3level_types.h, pgtable-3level.h) are the same 64-bit layout and swap encoding, but without
 * CONFIG_MEM_SOFT_DIRTY _PAGE_SOFT_DIRTY is 0 ({@link #PAE}).
 */
public final class X86PteFormat extends FlagBitsPteFormat {
    public static final long PRESENT = 1L;
    public static final long RW = 1L << 1;
    public static final long USER = 1L << 2;
    public static final long PWT = 1L << 3;
    public static final long PCD = 1L << 4;
    public static final long ACCESSED = 1L << 5;
    public static final long DIRTY = 1L << 6;
    public static final long PSE = 1L << 7;
    public static final long GLOBAL = 1L << 8;
    /** _PAGE_PROTNONE: the GLOBAL bit reused on non-present user entries. */
    public static final long PROTNONE = GLOBAL;
    public static final long SPECIAL = 1L << 9;
    public static final long SOFT_DIRTY = 1L << 11;
    public static final long NX = 1L << 63;
    public static final long PFN_MASK = 0x000ffffffffff000L;
    public static final long TABLE = PRESENT | RW | USER | ACCESSED | DIRTY;

    private static final int SWP_TYPE_BITS = 5;
    private static final int SWP_OFFSET_SHIFT = 9 + SWP_TYPE_BITS;

    /** The printout's words: at the upper levels PSE ("huge") stands between these two runs. */
    private static final List<Flag> HEAD = List.of(new Flag(RW, "rw"), new Flag(USER, "user"),
            new Flag(ACCESSED, "accessed"), new Flag(DIRTY, "dirty"));

    /** x86_64 entries, with _PAGE_SOFT_DIRTY. */
    public static final X86PteFormat INSTANCE = new X86PteFormat(SOFT_DIRTY);
    /** i386 PAE entries: no CONFIG_MEM_SOFT_DIRTY on 32-bit, so _PAGE_SOFT_DIRTY is 0. */
    public static final X86PteFormat PAE = new X86PteFormat(0);

    /** The _PAGE_SOFT_DIRTY bit that pte_mkdirty() sets, or 0 without CONFIG_MEM_SOFT_DIRTY. */
    private final long softDirty;
    private final List<Flag> lastLevel;
    private final List<Flag> upperLevel;

    private X86PteFormat(long softDirty) {
        super(PRESENT, PROTNONE, SPECIAL, ACCESSED, NX, PFN_MASK, "present", "protnone");
        this.softDirty = softDirty;
        List<Flag> tail = softDirty != 0
                ? List.of(new Flag(SPECIAL, "special"), new Flag(SOFT_DIRTY, "soft-dirty"), new Flag(NX, "nx"))
                : List.of(new Flag(SPECIAL, "special"), new Flag(NX, "nx"));
        this.lastLevel = concat(HEAD, tail);
        this.upperLevel = concat(concat(HEAD, List.of(new Flag(PSE, "huge"))), tail);
    }

    @Override
    public long mkTable(long pfn) {
        return (pfn << 12) | TABLE;
    }

    @Override
    public long mkPte(long pfn, boolean write, boolean exec, boolean dirty, boolean young) {
        long e = leafBase(pfn, exec, young) | PRESENT | USER;
        if (write) {
            e |= RW;
        }
        if (dirty) {
            e |= DIRTY | softDirty;
        }
        return e;
    }

    @Override
    public long mkHugePmd(long pfn, boolean write, boolean exec, boolean dirty, boolean young) {
        return mkPte(pfn, write, exec, dirty, young) | PSE;
    }

    @Override
    public long mkProtNone(long e) {
        return (e & ~(PRESENT | RW)) | PROTNONE;
    }

    @Override
    public boolean isTable(long e) {
        return (e & (PRESENT | PSE)) == PRESENT;
    }

    @Override
    public boolean isHuge(long e) {
        return (e & PSE) != 0 && isPresent(e);
    }

    @Override
    public boolean isWrite(long e) {
        return (e & RW) != 0;
    }

    @Override
    public boolean isDirty(long e) {
        return (e & DIRTY) != 0;
    }

    @Override
    public long mkWrite(long e) {
        return e | RW;
    }

    @Override
    public long wrprotect(long e) {
        return e & ~RW;
    }

    @Override
    public long mkDirty(long e) {
        return e | DIRTY | softDirty;
    }

    @Override
    public long mkClean(long e) {
        return e & ~DIRTY;
    }

    @Override
    public long mkSwap(int type, long offset) {
        return ((~offset) << SWP_OFFSET_SHIFT >>> SWP_TYPE_BITS) | ((long) type << (64 - SWP_TYPE_BITS));
    }

    @Override
    public int swapType(long e) {
        return (int) (e >>> (64 - SWP_TYPE_BITS));
    }

    @Override
    public long swapOffset(long e) {
        return (~e) << SWP_TYPE_BITS >>> SWP_OFFSET_SHIFT;
    }

    @Override
    List<Flag> flags(long e, boolean last) {
        return last ? lastLevel : upperLevel;
    }
}
