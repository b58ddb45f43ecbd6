package org.mmsim.reclaim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.page.Gfp;

/**
 * A test double of the processes above the reclaim layer: each task has one anonymous VMA of base pages (or, when
 * asked, 2 MiB THPs) with a flat page table, young bits and swap entries, and this class is the memory model's
 * {@link Rmap} and OOM task list, so that reclaim and compaction meet anonymous pages exactly as they meet the vm
 * layer's (one mapping per page). The OOM killer's victim exits at once (the oom reaper's effect).
 */
final class AnonProcesses implements Rmap {
    /** pte value: not present. */
    static final int NONE = -1;
    /** pte value: a swap entry (the slot is in {@link Task#slot}). */
    static final int SWAPPED = -2;

    /** One task with its anonymous VMA. */
    final class Task {
        final int pid;
        final String name;
        final int[] pte;
        final int[] slot;
        long rss;
        long swapEntries;
        boolean alive = true;

        Task(int pid, String name, int pages) {
            this.pid = pid;
            this.name = name;
            this.pte = new int[pages];
            this.slot = new int[pages];
            Arrays.fill(pte, NONE);
        }

        int pte(int v) {
            return pte[v];
        }

        boolean alive() {
            return alive;
        }

        long swapPages() {
            return swapEntries;
        }
    }

    private final Memory mem;
    private final List<Task> tasks = new ArrayList<>();
    /** pfn of a mapped page (a THP's head) to (task index << 32 | virtual page). */
    private final Map<Long, Long> rmap = new HashMap<>();
    private final Map<Long, Boolean> young = new HashMap<>();
    long pswpout;

    AnonProcesses(Memory mem) {
        this.mem = mem;
        mem.setRmap(this);
        mem.setTasks(this::candidates);
    }

    Task spawn(int pid, String name, int pages) {
        Task t = new Task(pid, name, pages);
        tasks.add(t);
        return t;
    }

    /**
     * A write to a virtual page: sets the young bit of a present page, or faults one in (a THP when asked and the
     * aligned 2 MiB is unmapped, else a base page; swapping in a swapped one). False if the allocation failed.
     */
    boolean touch(Task t, int v, boolean thp) {
        if (!t.alive) {
            return false;
        }
        int p = t.pte[v];
        if (p >= 0) {
            young.put(head(p), true);
            return true;
        }
        if (p == NONE && thp && hugeFault(t, v)) {
            return true;
        }
        long pfn = mem.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 0);
        if (pfn < 0) {
            return false;
        }
        if (p == SWAPPED) {
            if (mem.swap.free(t.slot[v]) == 0) {
                mem.swap.release(t.slot[v]);
            }
            t.swapEntries--;
        }
        map(t, v, pfn, 0);
        return true;
    }

    private boolean hugeFault(Task t, int v) {
        int v0 = v & -512;
        if (v0 + 512 > t.pte.length) {
            return false;
        }
        for (int i = v0; i < v0 + 512; i++) {
            if (t.pte[i] != NONE) {
                return false;
            }
        }
        long pfn = mem.allocPages(Gfp.GFP_TRANSHUGE_LIGHT, 9);
        if (pfn < 0) {
            return false;
        }
        map(t, v0, pfn, 9);
        return true;
    }

    private void map(Task t, int v0, long pfn, int order) {
        for (int i = 0; i < 1 << order; i++) {
            t.pte[v0 + i] = (int) (pfn + i);
        }
        t.rss += 1 << order;
        rmap.put(pfn, ((long) tasks.indexOf(t) << 32) | v0);
        young.put(pfn, true);
        mem.addNewAnonPage(pfn, order, false);
    }

    private long head(int p) {
        return rmap.containsKey((long) p) ? p : p & -512L;
    }

    /** exit_mmap(): frees every page and swap entry. */
    void exit(Task t) {
        for (int v = 0; v < t.pte.length; v++) {
            int p = t.pte[v];
            if (p == SWAPPED) {
                if (mem.swap.free(t.slot[v]) == 0) {
                    mem.swap.release(t.slot[v]);
                }
            } else if (p >= 0 && rmap.containsKey((long) p)) {
                free(p);
            }
            t.pte[v] = NONE;
        }
        t.rss = 0;
        t.swapEntries = 0;
        t.alive = false;
    }

    private void free(long pfn) {
        int order = mem.owners.order(pfn);
        rmap.remove(pfn);
        young.remove(pfn);
        mem.freeAnonPage(pfn);
        mem.machine.freePages(pfn, order);
    }

    @Override
    public boolean isMigratable(long pfn) {
        return rmap.containsKey(pfn) && mem.owners.order(pfn) == 0;
    }

    @Override
    public boolean migrate(long src, long dst) {
        Long where = rmap.remove(src);
        if (where == null) {
            return false;
        }
        tasks.get((int) (where >>> 32)).pte[(int) (long) where] = (int) dst;
        rmap.put(dst, where);
        young.put(dst, young.remove(src));
        return true;
    }

    @Override
    public boolean folioReferenced(long pfn) {
        Boolean y = young.put(pfn, false);
        return y != null && y;
    }

    @Override
    public boolean swapOut(long pfn) {
        Long where = rmap.get(pfn);
        if (where == null || mem.owners.order(pfn) != 0) {
            return false;
        }
        long s = mem.swap.allocSlot();
        if (s < 0) {
            return false;
        }
        mem.swap.dup(s);
        Task t = tasks.get((int) (where >>> 32));
        int v = (int) (long) where;
        t.pte[v] = SWAPPED;
        t.slot[v] = (int) s;
        t.rss--;
        t.swapEntries++;
        pswpout++;
        free(pfn);
        return true;
    }

    /** oom_badness() of each live task: RSS, swap entries and the PTE pages of its whole VMA. */
    private List<OomCandidate> candidates() {
        List<OomCandidate> out = new ArrayList<>();
        for (Task t : tasks) {
            if (t.alive) {
                long ptBytes = ((long) t.pte.length + 511) / 512 * 4096;
                long points = OomKiller.oomBadness(t.rss, t.swapEntries, ptBytes, 0, 0);
                out.add(new OomCandidate(t.pid, t.name, points, t.pte.length, t.rss, false, () -> exit(t)));
            }
        }
        return out;
    }
}
