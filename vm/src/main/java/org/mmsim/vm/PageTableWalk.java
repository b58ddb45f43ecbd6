package org.mmsim.vm;

import java.util.ArrayList;
import java.util.List;

/**
 * A software page-table walk of one user address, level by level, as the MMU (and mm/pagewalk.c or
 * follow_page()) would do it: each level's index bits, the entry value and its flags, down to the
 * physical address, or the point where the walk stops (none, a swap entry, a huge leaf). On i386 PAE the walk
 * has PAE's three levels (PGD[31:30], PMD[29:21], PTE[20:12]) and prints addresses with 8 hex digits.
 * {@link #trace} gives the walk as data ({@link WalkTrace}), {@link #walk} as the text printed from it.
 */
public final class PageTableWalk {
    private PageTableWalk() {
    }

    /** The walk of addr in mm as text lines. */
    public static String walk(Mm mm, long addr) {
        return text(mm.sys.paging, trace(mm, addr));
    }

    /** The walk of addr in mm as data: each level's entry decoded, and the page reached with its sharing. */
    public static WalkTrace trace(Mm mm, long addr) {
        PteFormat f = mm.f;
        PageTablePages tp = mm.sys.tables;
        Paging paging = mm.sys.paging;
        String name = paging.name().toLowerCase();
        List<WalkLevel> levels = new ArrayList<>();
        if (paging.longBits() == 32 && (addr >>> 32) != 0) {
            return new WalkTrace(name, addr, true, -1, levels, "out of range", -1, -1, 0, false, 0, 0, false);
        }
        int id = mm.pgdTable();
        long pgdPhys = tp.pfnOf(id) < 0 ? -1 : tp.pfnOf(id) << 12;
        for (int l = paging.topLevel(); l < Paging.LEVELS; l++) {
            int idx = Paging.index(addr, l);
            long e = tp.entries(id)[idx];
            boolean last = l == Paging.LEVELS - 1;
            boolean leaf = f.isPresent(e) && (last || f.isHuge(e));
            boolean table = e != 0 && f.isPresent(e) && !leaf;
            levels.add(level(f, paging, l, idx, e, last, table ? f.pfn(e) << 12 : -1));
            if (e == 0) {
                return new WalkTrace(name, addr, false, pgdPhys, levels, "none", -1, -1, 0, false, 0, 0, false);
            }
            if (!f.isPresent(e)) {
                return new WalkTrace(name, addr, false, pgdPhys, levels, "swap", -1, -1, 0, false, 0, 0, false);
            }
            if (leaf) {
                return reached(mm, addr, pgdPhys, levels, e, Paging.entrySpan(l));
            }
            id = tp.tableAt(f.pfn(e));
        }
        throw new IllegalStateException("a walk of 0x" + Long.toHexString(addr) + " passed the last level");
    }

    private static WalkLevel level(PteFormat f, Paging paging, int l, int idx, long e, boolean last, long next) {
        boolean swap = f.isSwap(e);
        boolean present = f.isPresent(e);
        List<String> words = List.of(f.describe(e, last).split(" "));
        return new WalkLevel(paging.levelName(l), idx, paging.highBit(l), Paging.shift(l), e, words, present,
                present && f.isWrite(e), present && words.contains("user"), present && f.isYoung(e),
                present && f.isDirty(e), present && !f.isExec(e), !last && f.isHuge(e), swap,
                swap ? f.swapType(e) : -1, swap ? f.swapOffset(e) : -1, next);
    }

    /** The walk's end at a leaf {@code e} mapping {@code span} bytes. */
    private static WalkTrace reached(Mm mm, long addr, long pgdPhys, List<WalkLevel> levels, long e, long span) {
        PteFormat f = mm.f;
        long pfn = f.pfn(e);
        long phys = (pfn << 12) + (addr & (span - 1));
        boolean zero = f.isSpecial(e) || pfn == mm.sys.zeroPfn;
        PageRefs refs = mm.sys.refs;
        long subpage = phys >>> 12;
        boolean known = subpage < refs.size();
        int mapcount = known ? refs.mapcount(subpage) : 0;
        int refcount = known ? refs.refcount(subpage) : 0;
        boolean cow = !zero && !f.isWrite(e) && mapcount > 1 && cowMapping(mm, addr);
        return new WalkTrace(mm.sys.paging.name().toLowerCase(), addr, false, pgdPhys, levels, "page", pfn << 12,
                phys, span, zero, mapcount, refcount, cow);
    }

    /** Whether the VMA holding addr is a private writable one (VM_WRITE and is_cow_mapping()). */
    private static boolean cowMapping(Mm mm, long addr) {
        for (Vma v : mm.vmas()) {
            if (v.start() <= addr && addr < v.end()) {
                return (v.flags() & VmFlags.VM_WRITE) != 0 && VmFlags.isCowMapping(v.flags());
            }
        }
        return false;
    }

    /** The printout of a walk: the index bits of every level, then each level read and where it ended. */
    private static String text(Paging paging, WalkTrace t) {
        long addr = t.address();
        if (t.outOfRange()) {
            return String.format("VA 0x%x (%s): not a 32-bit address%n", addr, t.paging());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("VA 0x%0" + paging.longBits() / 4 + "x (%s): ", addr, t.paging()));
        for (int l = paging.topLevel(); l < Paging.LEVELS; l++) {
            sb.append(String.format("%s[%d] bits %d:%d = %d, ", paging.levelName(l), Paging.index(addr, l),
                    paging.highBit(l), Paging.shift(l), Paging.index(addr, l)));
        }
        sb.append(String.format("offset bits 11:0 = 0x%03x%n", addr & 0xfff));
        if (t.pgdPhys() < 0) {
            sb.append(String.format("PGD: a %d-entry pgd_cache slab object%n", Paging.PAE_PTRS_PER_PGD));
        } else {
            sb.append(String.format("PGD table at phys 0x%x (pfn 0x%x)%n", t.pgdPhys(), t.pgdPhys() >>> 12));
        }
        for (int i = 0; i < t.levels().size(); i++) {
            WalkLevel v = t.levels().get(i);
            sb.append(String.format("%s[%4d] = 0x%016x (%s)", v.level(), v.index(), v.entry(),
                    String.join(" ", v.words())));
            if (v.nextTable() >= 0) {
                sb.append(String.format(" -> %s table at phys 0x%x%n", t.levels().get(i + 1).level(),
                        v.nextTable()));
            }
        }
        switch (t.end()) {
            case "none" -> sb.append(String.format("%n-> not mapped%n"));
            case "swap" -> {
                WalkLevel v = t.levels().get(t.levels().size() - 1);
                sb.append(String.format("%n-> swapped out: swap type %d offset %d%n", v.swapType(), v.swapOffset()));
            }
            default -> sb.append(String.format("%n-> %s page at phys 0x%x, physical address 0x%x%s%n",
                    pageSizeName(t.pageSize()), t.pagePhys(), t.physAddr(), t.zeroPage() ? " (zero page)" : ""));
        }
        return sb.toString();
    }

    private static String pageSizeName(long size) {
        return size == Paging.PAGE_SIZE ? "4 KiB" : size == Paging.PMD_SIZE ? "2 MiB" : "huge";
    }
}
