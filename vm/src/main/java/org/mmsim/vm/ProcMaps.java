package org.mmsim.vm;

/**
 * /proc/PID/maps and /proc/PID/smaps text in the exact layout of 6.1 fs/proc/task_mmu.c: show_map_vma() with
 * show_vma_header_prefix() (name padded to column 73 by seq_setwidth()/seq_pad()), show_smap(),
 * smap_gather_stats() with smaps_pte_entry()/smaps_pmd_entry()/smaps_account()/smaps_page_accumulate(),
 * __show_smap() and show_smap_vma_flags(). No ProtectionKey line (no PKU in the oracle guests).
 */
public final class ProcMaps {
    private static final int PSS_SHIFT = 12;
    private static final String[] MNEMONICS = new String[64];

    static {
        String[] names = {"rd", "wr", "ex", "sh", "mr", "mw", "me", "ms", "gd", "um", "pf", "??", "uw", "lo", "io",
            "sr", "rr", "dc", "de", "??", "ac", "nr", "ht", "sf", "ar", "wf", "dd", "sd", "mm", "hg", "nh", "mg"};
        System.arraycopy(names, 0, MNEMONICS, 0, names.length);
        for (int i = names.length; i < 64; i++) {
            MNEMONICS[i] = "??";
        }
    }

    private ProcMaps() {
    }

    /** /proc/PID/maps. */
    public static String maps(Mm mm) {
        StringBuilder sb = new StringBuilder();
        for (Vma v : mm.vmas()) {
            showMapVma(sb, mm, v);
        }
        return sb.toString();
    }

    /** /proc/PID/smaps. */
    public static String smaps(Mm mm) {
        StringBuilder sb = new StringBuilder();
        for (Vma v : mm.vmas()) {
            showSmap(sb, mm, v);
        }
        return sb.toString();
    }

    private static void hex(StringBuilder sb, long v, int width) {
        String s = Long.toHexString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }

    static void showMapVma(StringBuilder sb, Mm mm, Vma v) {
        int lineStart = sb.length();
        hex(sb, v.start, 8);
        sb.append('-');
        hex(sb, v.end, 8);
        sb.append(' ');
        sb.append((v.flags & VmFlags.VM_READ) != 0 ? 'r' : '-');
        sb.append((v.flags & VmFlags.VM_WRITE) != 0 ? 'w' : '-');
        sb.append((v.flags & VmFlags.VM_EXEC) != 0 ? 'x' : '-');
        sb.append((v.flags & VmFlags.VM_MAYSHARE) != 0 ? 's' : 'p');
        sb.append(' ');
        hex(sb, v.file != null ? v.pgoff << Paging.PAGE_SHIFT : 0, 8);
        sb.append(' ');
        hex(sb, v.file != null ? v.file.devMajor() : 0, 2);
        sb.append(':');
        hex(sb, v.file != null ? v.file.devMinor() : 0, 2);
        sb.append(' ').append(v.file != null ? v.file.inode() : 0).append(' ');
        String name = null;
        if (v.file != null) {
            name = v.file.path();
        } else if (v.start <= mm.brk && v.end >= mm.startBrk) {
            name = "[heap]";
        }
        if (name != null) {
            while (sb.length() - lineStart < nameColumn(mm)) {
                sb.append(' ');
            }
            sb.append(' ').append(name);
        }
        sb.append('\n');
    }

    /**
     * The width show_vma_header_prefix() sets with seq_setwidth() before the name: 25 + 6 characters per byte of
     * a pointer, minus 1 (72 on 64-bit kernels, 48 on 32-bit ones).
     */
    private static int nameColumn(Mm mm) {
        return 25 + mm.sys.paging.longBits() / 8 * 6 - 1;
    }

    /** struct mem_size_stats. */
    static final class Stats {
        long resident;
        long shared_clean;
        long shared_dirty;
        long private_clean;
        long private_dirty;
        long referenced;
        long anonymous;
        long lazyfree;
        long anonymous_thp;
        long shmem_thp;
        long swap;
        long pss;
        long pss_dirty;
        long pss_locked;
        long swap_pss;
    }

    static Stats gather(Mm mm, Vma v) {
        Stats s = new Stats();
        PteFormat f = mm.f;
        PageRefs refs = mm.sys.refs;
        boolean locked = (v.flags & VmFlags.VM_LOCKED) != 0;
        for (long a = v.start; a < v.end; ) {
            int pmdT = mm.pt.lookup(a, 2);
            long next = Math.min((a & Paging.PMD_MASK) + Paging.PMD_SIZE, v.end);
            if (pmdT < 0) {
                a = next;
                continue;
            }
            long pmd = mm.sys.tables.entries(pmdT)[Paging.index(a, 2)];
            if (f.isHuge(pmd)) {
                long head = f.pfn(pmd);
                if (head != mm.sys.hugeZeroPfn) {
                    if (refs.test(head, PageRefs.ANON)) {
                        s.anonymous_thp += Paging.PMD_SIZE;
                    } else if (refs.test(head, PageRefs.SWAPBACKED)) {
                        s.shmem_thp += Paging.PMD_SIZE;
                    }
                    account(s, refs, head, true, f.isYoung(pmd), f.isDirty(pmd), locked);
                }
                a = next;
                continue;
            }
            if (!f.isTable(pmd)) {
                a = next;
                continue;
            }
            long[] ptes = mm.sys.tables.entries(mm.sys.tables.tableAt(f.pfn(pmd)));
            for (; a < next; a += Paging.PAGE_SIZE) {
                long e = ptes[Paging.index(a, 3)];
                if (e == 0) {
                    continue;
                }
                if (!f.isPresent(e)) {
                    s.swap += Paging.PAGE_SIZE;
                    int count = mm.sys.swap.count(f.swapOffset(e));
                    s.swap_pss += count >= 2 ? (Paging.PAGE_SIZE << PSS_SHIFT) / count : Paging.PAGE_SIZE << PSS_SHIFT;
                    continue;
                }
                if (f.isSpecial(e)) {
                    continue;
                }
                account(s, refs, f.pfn(e), false, f.isYoung(e), f.isDirty(e), locked);
            }
        }
        return s;
    }

    private static void account(Stats s, PageRefs refs, long pfn, boolean compound, boolean young, boolean dirty,
            boolean locked) {
        int nr = compound ? Paging.HPAGE_PMD_NR : 1;
        long size = nr * Paging.PAGE_SIZE;
        long head = refs.head(pfn);
        if (refs.test(head, PageRefs.ANON)) {
            s.anonymous += size;
            if (!refs.test(head, PageRefs.SWAPBACKED) && !dirty && !refs.test(head, PageRefs.DIRTY)) {
                s.lazyfree += size;
            }
        }
        s.resident += size;
        if (young || refs.test(head, PageRefs.REFERENCED)) {
            s.referenced += size;
        }
        boolean pageDirty = refs.test(head, PageRefs.DIRTY);
        if (refs.refcount(pfn) == 1) {
            accumulate(s, size, size << PSS_SHIFT, dirty || pageDirty, locked, true);
            return;
        }
        for (int i = 0; i < nr; i++) {
            int mapcount = refs.mapcount(pfn + i);
            long pss = Paging.PAGE_SIZE << PSS_SHIFT;
            if (mapcount >= 2) {
                pss /= mapcount;
            }
            accumulate(s, Paging.PAGE_SIZE, pss, dirty || pageDirty, locked, mapcount < 2);
        }
    }

    private static void accumulate(Stats s, long size, long pss, boolean dirty, boolean locked, boolean priv) {
        s.pss += pss;
        if (locked) {
            s.pss_locked += pss;
        }
        if (dirty) {
            s.pss_dirty += pss;
            if (priv) {
                s.private_dirty += size;
            } else {
                s.shared_dirty += size;
            }
        } else if (priv) {
            s.private_clean += size;
        } else {
            s.shared_clean += size;
        }
    }

    private static void dec(StringBuilder sb, String label, long bytes, int width) {
        sb.append(label);
        String n = Long.toString(bytes >> 10);
        for (int i = n.length(); i < width; i++) {
            sb.append(' ');
        }
        sb.append(n).append(" kB\n");
    }

    /** hugepage_vma_check(vma, flags, smaps=true, in_pf=false, enforce_sysfs=true). */
    static boolean thpEligible(Mm mm, Vma v) {
        if ((v.flags & (VmFlags.VM_NOHUGEPAGE | VmFlags.VM_NO_KHUGEPAGED)) != 0) {
            return false;
        }
        if (v.file != null && ((v.start >>> Paging.PAGE_SHIFT) - v.pgoff) % Paging.HPAGE_PMD_NR != 0) {
            return false;
        }
        long haddr = (v.end - Paging.PMD_SIZE) & Paging.PMD_MASK;
        if (v.end < Paging.PMD_SIZE || haddr < v.start || haddr + Paging.PMD_SIZE > v.end) {
            return false;
        }
        if (v.file != null && v.file.shmem()) {
            return false;
        }
        if (!mm.sys.thp.allows(v.flags)) {
            return false;
        }
        if (v.file != null) {
            return (v.flags & VmFlags.VM_EXEC) != 0;
        }
        return true;
    }

    static void showSmap(StringBuilder sb, Mm mm, Vma v) {
        Stats s = gather(mm, v);
        showMapVma(sb, mm, v);
        dec(sb, "Size:           ", v.end - v.start, 8);
        dec(sb, "KernelPageSize: ", Paging.PAGE_SIZE, 8);
        dec(sb, "MMUPageSize:    ", Paging.PAGE_SIZE, 8);
        dec(sb, "Rss:            ", s.resident, 8);
        dec(sb, "Pss:            ", s.pss >> PSS_SHIFT, 8);
        dec(sb, "Pss_Dirty:      ", s.pss_dirty >> PSS_SHIFT, 8);
        dec(sb, "Shared_Clean:   ", s.shared_clean, 8);
        dec(sb, "Shared_Dirty:   ", s.shared_dirty, 8);
        dec(sb, "Private_Clean:  ", s.private_clean, 8);
        dec(sb, "Private_Dirty:  ", s.private_dirty, 8);
        dec(sb, "Referenced:     ", s.referenced, 8);
        dec(sb, "Anonymous:      ", s.anonymous, 8);
        dec(sb, "LazyFree:       ", s.lazyfree, 8);
        dec(sb, "AnonHugePages:  ", s.anonymous_thp, 8);
        dec(sb, "ShmemPmdMapped: ", s.shmem_thp, 8);
        dec(sb, "FilePmdMapped:  ", 0, 8);
        dec(sb, "Shared_Hugetlb: ", 0, 8);
        dec(sb, "Private_Hugetlb: ", 0, 7);
        dec(sb, "Swap:           ", s.swap, 8);
        dec(sb, "SwapPss:        ", s.swap_pss >> PSS_SHIFT, 8);
        dec(sb, "Locked:         ", s.pss_locked >> PSS_SHIFT, 8);
        sb.append("THPeligible:    ").append(thpEligible(mm, v) ? 1 : 0).append('\n');
        sb.append("VmFlags: ");
        long flags = v.flags;
        for (int i = 0; i < 64; i++) {
            if ((flags & (1L << i)) == 0) {
                continue;
            }
            if (i == 24 && mm.sys.paging == Paging.ARM64) {
                sb.append("bt ");
            } else {
                sb.append(MNEMONICS[i]).append(' ');
            }
        }
        sb.append('\n');
    }
}
