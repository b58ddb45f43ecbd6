package org.mmsim.vm;

import java.util.List;

/**
 * arm64 descriptor bits, 4 KiB granule (arch/arm64/include/asm/pgtable-hwdef.h, pgtable-prot.h, pgtable.h of
 * 6.1): valid bit 0, table/page bit 1 (a PMD block has bits[1:0] = 01), AttrIndx[4:2] (MT_NORMAL = 0), AP[1]
 * PTE_USER 6, AP[2] PTE_RDONLY 7, SH inner shareable 8-9, PTE_AF 10, PTE_NG 11, PTE_DBM = PTE_WRITE 51,
 * PTE_PXN 53, PTE_UXN 54, software PTE_DIRTY 55, PTE_SPECIAL 56 and PTE_PROT_NONE 58; output address bits 12..47. A writable
 * clean entry keeps PTE_RDONLY set (the hardware clears it on the first write with DBM); pte_mkdirty() sets
 * PTE_DIRTY and clears PTE_RDONLY when writable. User tables are PMD_TYPE_TABLE | PMD_TABLE_PXN (bit 59).
 * Swap entries: type at bit 3 (5 bits), offset at bit 8 (__swp_entry()).
 */
public final class Arm64PteFormat extends FlagBitsPteFormat {
    public static final long VALID = 1L;
    public static final long TABLE_BIT = 1L << 1;
    public static final long USER = 1L << 6;
    public static final long RDONLY = 1L << 7;
    public static final long SHARED = 3L << 8;
    public static final long AF = 1L << 10;
    public static final long NG = 1L << 11;
    public static final long DBM = 1L << 51;
    public static final long PXN = 1L << 53;
    public static final long UXN = 1L << 54;
    public static final long DIRTY = 1L << 55;
    public static final long SPECIAL = 1L << 56;
    public static final long PROT_NONE = 1L << 58;
    public static final long TABLE_PXN = 1L << 59;
    public static final long ADDR_MASK = ((1L << 36) - 1) << 12;

    public static final Arm64PteFormat INSTANCE = new Arm64PteFormat();

    private static final List<Flag> LEAF = List.of(new Flag(USER, "user"), new Flag(RDONLY, "rdonly", "rw"),
            new Flag(AF, "af"), new Flag(NG, "ng"), new Flag(DBM, "dbm(write)"), new Flag(DIRTY, "dirty"),
            new Flag(SPECIAL, "special"), new Flag(PXN, "pxn"), new Flag(UXN, "uxn"));
    private static final List<Flag> PAGE = concat(List.of(Flag.word("page")), LEAF);
    private static final List<Flag> BLOCK = concat(List.of(Flag.word("block")), LEAF);
    private static final List<Flag> TABLE = List.of(Flag.word("table"), new Flag(TABLE_PXN, "pxntable"));

    private Arm64PteFormat() {
        super(VALID, PROT_NONE, SPECIAL, AF, UXN, ADDR_MASK, "valid", "prot_none");
    }

    @Override
    public long mkTable(long pfn) {
        return (pfn << 12) | VALID | TABLE_BIT | TABLE_PXN;
    }

    private long leaf(long pfn, boolean write, boolean exec, boolean dirty, boolean young) {
        long e = leafBase(pfn, exec, young) | VALID | USER | SHARED | NG | PXN;
        if (write) {
            e |= DBM;
            if (!dirty) {
                e |= RDONLY;
            }
        } else {
            e |= RDONLY;
        }
        if (dirty) {
            e |= DIRTY;
        }
        return e;
    }

    @Override
    public long mkPte(long pfn, boolean write, boolean exec, boolean dirty, boolean young) {
        return leaf(pfn, write, exec, dirty, young) | TABLE_BIT;
    }

    @Override
    public long mkHugePmd(long pfn, boolean write, boolean exec, boolean dirty, boolean young) {
        return leaf(pfn, write, exec, dirty, young);
    }

    @Override
    public long mkProtNone(long e) {
        return ((e & ~(VALID | DBM)) | PROT_NONE | RDONLY);
    }

    @Override
    public boolean isTable(long e) {
        return (e & (VALID | TABLE_BIT)) == (VALID | TABLE_BIT);
    }

    @Override
    public boolean isHuge(long e) {
        return isPresent(e) && (e & TABLE_BIT) == 0;
    }

    @Override
    public boolean isWrite(long e) {
        return (e & DBM) != 0;
    }

    @Override
    public boolean isDirty(long e) {
        return (e & DIRTY) != 0 || (e & (DBM | RDONLY)) == DBM;
    }

    @Override
    public long mkWrite(long e) {
        return (e | DBM) & ~RDONLY;
    }

    @Override
    public long wrprotect(long e) {
        if ((e & (DBM | RDONLY)) == DBM) {
            e |= DIRTY;
        }
        return (e & ~DBM) | RDONLY;
    }

    @Override
    public long mkDirty(long e) {
        e |= DIRTY;
        return (e & DBM) != 0 ? e & ~RDONLY : e;
    }

    @Override
    public long mkClean(long e) {
        e &= ~DIRTY;
        return (e & DBM) != 0 ? e | RDONLY : e;
    }

    @Override
    public long mkSwap(int type, long offset) {
        return ((long) (type & 0x1f) << 3) | (offset << 8);
    }

    @Override
    public int swapType(long e) {
        return (int) ((e >>> 3) & 0x1f);
    }

    @Override
    public long swapOffset(long e) {
        return (e >>> 8) & ((1L << 50) - 1);
    }

    @Override
    List<Flag> flags(long e, boolean lastLevel) {
        if (lastLevel) {
            return PAGE;
        }
        return (e & TABLE_BIT) != 0 ? TABLE : BLOCK;
    }
}
