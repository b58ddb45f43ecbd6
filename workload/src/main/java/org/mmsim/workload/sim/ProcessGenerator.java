package org.mmsim.workload.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mmsim.vm.Mman;
import org.mmsim.vm.Paging;
import org.mmsim.vm.Process;
import org.mmsim.workload.scenario.Scenario;

/**
 * process: a task of the vm module driven through its system calls. At {@code start} it mmaps {@code size}
 * bytes anonymous private read-write (do_mmap()), madvise(MADV_HUGEPAGE) on it when {@code thp} is set, and
 * touches every page once, writing when {@code write} (the default) or reading, in address order
 * ("sequential") or in a seeded random order ("random"), at {@code rate} bytes per second (all at once
 * when 0). At {@code fork_at} it forks {@code forks} children (copy_process() → dup_mmap()); each child writes
 * the first {@code child_writes} bytes of the region at once (COW faults: do_wp_page(), and
 * do_huge_pmd_wp_page() splitting shared THPs) and exits after {@code child_lifetime}. At {@code munmap_at}
 * it unmaps the upper half of the region (do_munmap()); after {@code lifetime} it exits (exit_mmap()).
 * Lifetimes of 0 mean until the end of the run. A fault that runs out of memory kills the faulting task.
 * <p>
 * Limitation: the vm module's pages come from the run's machine, so nr_free_pages, watermarks, kswapd,
 * direct reclaim and compaction see them, but they are not on the reclaim model's LRU lists and not in its
 * page-owner table: reclaim cannot evict or swap them and compaction cannot migrate them (it treats them
 * as pages of unknown owner, like unmovable ones). They count in nr_anon_pages and nr_page_table_pages.
 */
final class ProcessGenerator extends WorkloadGenerator {
    private static final long NEVER = Long.MAX_VALUE;

    private final int pages;
    private final long end;
    private final boolean random;
    private final boolean write;
    private final boolean thp;
    private final boolean allAtOnce;
    private final Pacer pacer;
    private final int forks;
    private final long forkAt;
    private final int childWritePages;
    private final long childLifetime;
    private final long munmapAt;
    private final SplittableRandom rng;
    private final List<Process> children = new ArrayList<>();
    private final List<Long> childEnds = new ArrayList<>();
    private Process task;
    private long addr;
    private int[] touchOrder;
    private int touched;
    private boolean forked;
    private boolean unmapped;
    private boolean started;

    ProcessGenerator(Scenario.Generator g, SplittableRandom rng) {
        super(g);
        pages = intPages(g.getLong("size", 0));
        long lifetime = g.getLong("lifetime", 0);
        end = lifetime > 0 ? firstStep() + lifetime : NEVER;
        random = randomTouch();
        write = Boolean.parseBoolean(g.getString("write", "true"));
        thp = Boolean.parseBoolean(g.getString("thp", "false"));
        double rate = g.getDouble("rate", 0);
        allAtOnce = rate <= 0;
        pacer = new Pacer(rate / Paging.PAGE_SIZE);
        forks = (int) g.getLong("forks", 0);
        forkAt = forks > 0 ? g.getLong("fork_at", firstStep()) : NEVER;
        childWritePages = (int) Math.min(pages, pagesOf(g.getLong("child_writes", 0)));
        long cl = g.getLong("child_lifetime", 0);
        childLifetime = cl > 0 ? cl : NEVER;
        munmapAt = g.params().containsKey("munmap_at") ? g.getLong("munmap_at", 0) : NEVER;
        this.rng = rng;
    }

    @Override
    long step(SimulationRun run) {
        if (!started) {
            started = true;
            if (!begin(run)) {
                return NO_MORE;
            }
        }
        long now = run.now;
        if (alive() && touched < pages) {
            touchSome(run, allAtOnce ? pages - touched : pacer.next());
        }
        if (!forked && now >= forkAt) {
            forked = true;
            if (alive()) {
                forkChildren(run);
            }
        }
        if (!unmapped && now >= munmapAt) {
            unmapped = true;
            if (alive()) {
                long half = (long) (pages / 2) * Paging.PAGE_SIZE;
                if (half > 0) {
                    task.munmap(addr + (long) pages * Paging.PAGE_SIZE - half, half);
                }
            }
        }
        for (int i = 0; i < children.size(); i++) {
            if (childEnds.get(i) <= now) {
                children.get(i).exit();
                children.remove(i);
                childEnds.remove(i);
                i--;
            }
        }
        if (alive() && now >= end) {
            task.exit();
            task = null;
        }
        return next(now);
    }

    private boolean alive() {
        return task != null && !task.exited();
    }

    /** exec + mmap (+ madvise) of the region, and the order in which its pages will be touched. */
    private boolean begin(SimulationRun run) {
        task = spawn(run, spec.name());
        if (task == null) {
            return false;
        }
        long len = (long) pages * Paging.PAGE_SIZE;
        addr = task.mmap(len, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS);
        if (Mman.isError(addr)) {
            run.note(spec.name() + ": mmap of " + len + " bytes failed (" + addr + ")");
            task.exit();
            task = null;
            return false;
        }
        if (thp) {
            task.madvise(addr, len, Mman.MADV_HUGEPAGE);
        }
        if (random) {
            touchOrder = new int[pages];
            for (int i = 0; i < pages; i++) {
                touchOrder[i] = i;
            }
            for (int i = pages - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int x = touchOrder[i];
                touchOrder[i] = touchOrder[j];
                touchOrder[j] = x;
            }
        }
        return true;
    }

    private void touchSome(SimulationRun run, long n) {
        for (long k = 0; k < n && touched < pages; k++) {
            int page = random ? touchOrder[touched] : touched;
            touched++;
            if (page >= mappedPages()) {
                continue;
            }
            int r = task.touch(addr + (long) page * Paging.PAGE_SIZE, write);
            if (r != 0) {
                killOnFault(run, task, r);
                task = null;
                return;
            }
        }
    }

    private void forkChildren(SimulationRun run) {
        for (int c = 0; c < forks; c++) {
            Process child = run.view.vm().fork(task, run.nextPid(), spec.name() + "-child" + (c + 1));
            if (child == null) {
                run.note(spec.name() + ": fork failed, no memory for the child's page tables (-ENOMEM)");
                continue;
            }
            long len = (long) Math.min(childWritePages, mappedPages()) * Paging.PAGE_SIZE;
            int r = child.touchRange(addr, len, true);
            if (r != 0) {
                killOnFault(run, child, r);
                continue;
            }
            children.add(child);
            childEnds.add(childLifetime == NEVER ? NEVER : run.now + childLifetime);
        }
    }

    /** Pages still mapped from the start of the region: all, or the lower half after the munmap. */
    private int mappedPages() {
        return unmapped ? pages - pages / 2 : pages;
    }

    /** The next moment something is due, or NO_MORE. */
    private long next(long now) {
        long t = NEVER;
        if (alive() && touched < pages) {
            t = now + QUANTUM_NS;
        }
        if (alive() && !forked) {
            t = Math.min(t, forkAt);
        }
        if (alive() && !unmapped) {
            t = Math.min(t, munmapAt);
        }
        if (alive()) {
            t = Math.min(t, end);
        }
        for (long e : childEnds) {
            t = Math.min(t, e);
        }
        return t == NEVER ? NO_MORE : t;
    }
}
