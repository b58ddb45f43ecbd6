package org.mmsim.vm;

/**
 * arm64 descriptor bits, 4 KiB granule (arch/arm64/include/asm/pgtable-hwdef.h, pgtable-prot.h, pgtable.h of
 * 6.1): valid bit 0, table/page bit 1 (a PMD block has bits[1:0] = 01), AttrIndx[4:2] (MT_NORMAL = 0), AP[1]
 * PTE_USER 6, AP[2] PTE_RDONLY 7, SH inner shareable 8-9, PTE_AF 10, PTE_NG 11, PTE_DBM = PTE_WRITE 51,
 * PTE_PXN 53, PTE_UXN 54, software PTE_DIRTY 55, PTE_SPECIAL 56 and PTE_PROT_NONE 58; output address bits 12..47. A writable
 * clean entry keeps PTE_RDONLY set (the hardware clears it on the first write with DBM); pte_mkdirty() sets
 * PTE_DIRTY and clears PTE_RDONLY when writable. User tables are PMD_TYPE_TABLE | PMD_TABLE_PXN (bit 59).
 * Swap entries: type at bit 3 (5 bits), offset at bit 8 (__swp_entry()).
 */
public final class Arm64PteFormat implements PteFormat {
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

    private Arm64PteFormat() {
    }

    @Override
    public long mkTable(long pfn) {
        return (pfn << 12) | VALID | TABLE_BIT | TABLE_PXN;
    }

    private static long leaf(long pfn, boolean write, boolean exec, boolean dirty, boolean young) {
        long e = (pfn << 12) | VALID | USER | SHARED | NG | PXN;
        if (!exec) {
            e |= UXN;
        }
        if (young) {
            e |= AF;
        }
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
    public long mkSpecial(long e) {
        return e | SPECIAL;
    }

    @Override
    public boolean isSpecial(long e) {
        return (e & SPECIAL) != 0;
    }

    @Override
    public boolean isPresent(long e) {
        return (e & (VALID | PROT_NONE)) != 0;
    }

    @Override
    public boolean hwValid(long e) {
        return (e & VALID) != 0;
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
    public long pfn(long e) {
        return (e & ADDR_MASK) >>> 12;
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
    public boolean isYoung(long e) {
        return (e & AF) != 0;
    }

    @Override
    public boolean isExec(long e) {
        return (e & UXN) == 0;
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
    public long mkYoung(long e) {
        return e | AF;
    }

    @Override
    public long mkOld(long e) {
        return e & ~AF;
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
    public String describe(long e, boolean lastLevel) {
        if (e == 0) {
            return "none";
        }
        if (!isPresent(e)) {
            return "swap type=" + swapType(e) + " offset=" + swapOffset(e);
        }
        StringBuilder sb = new StringBuilder((e & VALID) != 0 ? "valid" : "prot_none");
        if (!lastLevel) {
            sb.append((e & TABLE_BIT) != 0 ? " table" : " block");
            if ((e & TABLE_BIT) != 0) {
                if ((e & TABLE_PXN) != 0) {
                    sb.append(" pxntable");
                }
                return sb.toString();
            }
        } else {
            sb.append(" page");
        }
        if ((e & USER) != 0) {
            sb.append(" user");
        }
        sb.append((e & RDONLY) != 0 ? " rdonly" : " rw");
        if ((e & AF) != 0) {
            sb.append(" af");
        }
        if ((e & NG) != 0) {
            sb.append(" ng");
        }
        if ((e & DBM) != 0) {
            sb.append(" dbm(write)");
        }
        if ((e & DIRTY) != 0) {
            sb.append(" dirty");
        }
        if ((e & SPECIAL) != 0) {
            sb.append(" special");
        }
        if ((e & PXN) != 0) {
            sb.append(" pxn");
        }
        if ((e & UXN) != 0) {
            sb.append(" uxn");
        }
        return sb.toString();
    }
}
