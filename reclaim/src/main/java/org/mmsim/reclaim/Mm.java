package org.mmsim.reclaim;

import java.util.Arrays;

/**
 * A process's anonymous memory (struct mm_struct with one anonymous VMA): a page table from virtual page to pfn,
 * with swap entries, the RSS and swap counters that oom_badness and /proc/PID/status read, and whether the VMA
 * is mlocked (VM_LOCKED: its pages are unevictable).
 */
public final class Mm {
    /** pte value: not present. */
    public static final int NONE = -1;
    /** pte value: a swap entry. */
    public static final int SWAPPED = -2;

    public final int id;
    public final int pid;
    public final String name;
    public final boolean mlocked;
    final int[] pte;
    long rssAnon;
    long swapEntries;
    boolean alive = true;

    Mm(int id, int pid, String name, int nrPages, boolean mlocked) {
        this.id = id;
        this.pid = pid;
        this.name = name;
        this.mlocked = mlocked;
        this.pte = new int[nrPages];
        Arrays.fill(pte, NONE);
    }

    public int nrPages() {
        return pte.length;
    }

    public long rssPages() {
        return rssAnon;
    }

    public long swapPages() {
        return swapEntries;
    }

    public boolean alive() {
        return alive;
    }

    /** The pfn mapped at a virtual page, or NONE / SWAPPED. */
    public int pte(int vpage) {
        return pte[vpage];
    }

    /**
     * The points of oom_badness() with oom_score_adj 0: RSS, swap entries and the PTE pages of the whole VMA (one
     * per 512 pages; the kernel counts only the tables faulted in, and the upper levels too).
     */
    public long oomBadnessPoints() {
        long ptBytes = ((long) pte.length + 511) / 512 * 4096;
        return OomKiller.oomBadness(rssAnon, swapEntries, ptBytes, 0, 0);
    }
}
