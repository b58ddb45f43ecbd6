package org.mmsim.workload.sim;

import org.mmsim.reclaim.VmCounters;
import org.mmsim.vm.Mman;
import org.mmsim.vm.Paging;
import org.mmsim.vm.Process;
import org.mmsim.workload.scenario.Scenario;

/**
 * frag: the oracle's fragmentation program (frag.c in the oracle directory), step for step.
 * <ol>
 * <li>At {@code start}: read MemFree, map pct % of it (rounded down to two pages) as private anonymous memory
 * with MADV_NOHUGEPAGE, write every page, then MADV_DONTNEED every odd page: order-0 holes between pages that
 * stay.</li>
 * <li>At {@code fill}: on each CPU in turn (its node's local memory), fault 2 MiB-aligned pieces of a THP-eligible
 * mapping until a fault falls back to a 4 KiB page, which is given back. This takes the free blocks of order 9
 * and above that the watermarks allow, and leaves the holes.</li>
 * <li>At {@code exit}: exit_group; both mappings are freed.</li>
 * </ol>
 * One process does all three, with both mappings private, anonymous and MAP_NORESERVE, as frag.c maps them.
 * The number of huge pages taken goes to the counter frag_thp (frag.c's "thp_total").
 */
final class FragGenerator extends WorkloadGenerator {
    private final long fill;
    private final long exit;
    private final long pct;
    private int phase;
    private static final int MAP_FLAGS = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_NORESERVE;
    private static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;
    private Process frag;

    FragGenerator(Scenario.Generator g) {
        super(g);
        fill = g.getLong("fill", 0);
        exit = g.getLong("exit", 0);
        pct = g.getLong("pct", 70);
        if (pct < 1 || pct > 100) {
            throw bad("pct " + pct + " is not between 1 and 100");
        }
        if (fill < firstStep() || exit < fill) {
            throw bad("the phases must come in order: start <= fill <= exit");
        }
    }

    @Override
    long step(SimulationRun run) {
        switch (phase++) {
            case 0 -> {
                mapTouchAndPunch(run);
                return fill;
            }
            case 1 -> {
                fillWithHugePages(run);
                return exit;
            }
            default -> {
                if (frag != null) {
                    frag.exit();
                }
                return NO_MORE;
            }
        }
    }

    private void mapTouchAndPunch(SimulationRun run) {
        long memFreeKb = run.machine.nrFreePages() << (run.machine.arch().pageShift() - 10);
        long len = memFreeKb * 1024 / 100 * pct;
        len &= ~(2 * Paging.PAGE_SIZE - 1);
        frag = spawn(run, "frag");
        if (frag == null) {
            return;
        }
        long p = frag.mmap(len, RW, MAP_FLAGS);
        if (Mman.isError(p)) {
            run.note("frag: mmap of " + len + " bytes failed (" + p + ")");
            return;
        }
        frag.madvise(p, len, Mman.MADV_NOHUGEPAGE);
        int pages = (int) (len / Paging.PAGE_SIZE);
        for (int v = 0; v < pages; v++) {
            if (frag.touch(p + (long) v * Paging.PAGE_SIZE, true) != 0) {
                run.note("frag: fault failed at page " + v + " of " + pages);
                break;
            }
        }
        for (long off = Paging.PAGE_SIZE; off < len; off += 2 * Paging.PAGE_SIZE) {
            frag.madvise(p + off, Paging.PAGE_SIZE, Mman.MADV_DONTNEED);
        }
    }

    private void fillWithHugePages(SimulationRun run) {
        if (frag == null || frag.exited()) {
            return;
        }
        long hpage = Paging.PAGE_SIZE << run.machine.arch().pageblockOrder();
        long memTotalPages = 0;
        for (var z : run.machine.zones()) {
            memTotalPages += z.managedPages();
        }
        long flen = memTotalPages * Paging.PAGE_SIZE + hpage;
        long m = frag.mmap(flen + hpage, RW, MAP_FLAGS);
        if (Mman.isError(m)) {
            run.note("frag: mmap of " + (flen + hpage) + " bytes failed (" + m + ")");
            return;
        }
        long f = (m + hpage - 1) & -hpage;
        long fend = f + flen;
        long total = 0;
        int cpuBefore = run.machine.currentCpu();
        for (int cpu = 0; cpu < run.machine.nrCpus() && f < fend && !frag.exited(); cpu++) {
            run.machine.setCurrentCpu(cpu);
            while (f < fend && !frag.exited()) {
                frag.touch(f, true);
                if (!frag.mm().isHugeMapped(f)) {
                    frag.madvise(f, hpage, Mman.MADV_DONTNEED);
                    f += hpage;
                    break;
                }
                total++;
                f += hpage;
            }
        }
        run.machine.setCurrentCpu(cpuBefore);
        run.mem.counters.set(VmCounters.FRAG_THP, total);
        run.note("frag: " + total + " huge pages filled the order-9 blocks");
    }
}
