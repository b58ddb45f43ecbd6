package org.mmsim.vm;

/**
 * A software page-table walk of one user address, level by level, as the MMU (and mm/pagewalk.c or
 * follow_page()) would do it: each level's index bits, the entry value and its flags, down to the
 * physical address, or the point where the walk stops (none, a swap entry, a huge leaf). On i386 PAE the walk
 * has PAE's three levels (PGD[31:30], PMD[29:21], PTE[20:12]) and prints addresses with 8 hex digits.
 */
public final class PageTableWalk {
    private PageTableWalk() {
    }

    /** The walk of addr in mm as text lines. */
    public static String walk(Mm mm, long addr) {
        PteFormat f = mm.f;
        PageTablePages tp = mm.sys.tables;
        Paging paging = mm.sys.paging;
        StringBuilder sb = new StringBuilder();
        int top = paging.topLevel();
        if (paging.longBits() == 32 && (addr >>> 32) != 0) {
            return String.format("VA 0x%x (%s): not a 32-bit address%n", addr, paging.name().toLowerCase());
        }
        sb.append(String.format("VA 0x%0" + paging.longBits() / 4 + "x (%s): ", addr, paging.name().toLowerCase()));
        for (int l = top; l < Paging.LEVELS; l++) {
            sb.append(String.format("%s[%d] bits %d:%d = %d, ", paging.levelName(l), Paging.index(addr, l),
                    paging.highBit(l), Paging.shift(l), Paging.index(addr, l)));
        }
        sb.append(String.format("offset bits 11:0 = 0x%03x%n", addr & 0xfff));
        int id = mm.pgdTable();
        if (tp.pfnOf(id) < 0) {
            sb.append(String.format("PGD: a %d-entry pgd_cache slab object%n", Paging.PAE_PTRS_PER_PGD));
        } else {
            sb.append(String.format("PGD table at phys 0x%x (pfn 0x%x)%n", tp.pfnOf(id) << 12, tp.pfnOf(id)));
        }
        for (int l = top; l < Paging.LEVELS; l++) {
            int idx = Paging.index(addr, l);
            long e = tp.entries(id)[idx];
            boolean last = l == Paging.LEVELS - 1;
            sb.append(String.format("%s[%4d] = 0x%016x (%s)", paging.levelName(l), idx, e, f.describe(e, last)));
            if (e == 0) {
                sb.append(String.format("%n-> not mapped%n"));
                return sb.toString();
            }
            if (!f.isPresent(e)) {
                sb.append(String.format("%n-> swapped out: swap type %d offset %d%n", f.swapType(e), f.swapOffset(e)));
                return sb.toString();
            }
            if (last || f.isHuge(e)) {
                long span = Paging.entrySpan(l);
                long phys = (f.pfn(e) << 12) + (addr & (span - 1));
                sb.append(String.format("%n-> %s page at phys 0x%x, physical address 0x%x%s%n",
                        last ? "4 KiB" : span == Paging.PMD_SIZE ? "2 MiB" : "huge", f.pfn(e) << 12, phys,
                        f.isSpecial(e) || f.pfn(e) == mm.sys.zeroPfn ? " (zero page)" : ""));
                return sb.toString();
            }
            id = tp.tableAt(f.pfn(e));
            sb.append(String.format(" -> %s table at phys 0x%x%n", paging.levelName(l + 1), f.pfn(e) << 12));
        }
        return sb.toString();
    }
}
