package org.mmsim.workload.sim;

import org.mmsim.reclaim.Mm;
import org.mmsim.reclaim.VmCounters;
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
 * The number of huge pages taken goes to the counter frag_thp (frag.c's "thp_total").
 */
final class FragGenerator extends WorkloadGenerator {
    private final long fill;
    private final long exit;
    private final long pct;
    private int phase;
    private Mm holes;
    private Mm filler;

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
                run.mem.exitMm(filler);
                run.mem.exitMm(holes);
                return NO_MORE;
            }
        }
    }

    private void mapTouchAndPunch(SimulationRun run) {
        long memFreeKb = run.machine.nrFreePages() << (run.machine.arch().pageShift() - 10);
        long pageSize = 1L << run.machine.arch().pageShift();
        long len = memFreeKb * 1024 / 100 * pct;
        len &= ~(2 * pageSize - 1);
        int pages = (int) (len / pageSize);
        holes = run.mem.newMm(run.nextPid(), "frag", pages, false);
        for (int v = 0; v < pages; v++) {
            if (!run.mem.touchAnon(holes, v, false)) {
                run.note("frag: fault failed at page " + v + " of " + pages);
                break;
            }
        }
        for (int v = 1; v < pages; v += 2) {
            run.mem.madviseDontneed(holes, v, 1);
        }
    }

    private void fillWithHugePages(SimulationRun run) {
        int hpage = 1 << run.machine.arch().pageblockOrder();
        long memTotalPages = 0;
        for (var z : run.machine.zones()) {
            memTotalPages += z.managedPages();
        }
        int pages = (int) Math.min(Integer.MAX_VALUE / 2, (memTotalPages + hpage) & -hpage);
        filler = run.mem.newMm(run.nextPid(), "frag", pages, false);
        int v = 0;
        long total = 0;
        int cpuBefore = run.machine.currentCpu();
        for (int cpu = 0; cpu < run.machine.nrCpus() && v < pages; cpu++) {
            run.machine.setCurrentCpu(cpu);
            while (v < pages) {
                run.mem.touchAnon(filler, v, true);
                if (!run.mem.isThpMapped(filler, v)) {
                    run.mem.madviseDontneed(filler, v, hpage);
                    v += hpage;
                    break;
                }
                total++;
                v += hpage;
            }
        }
        run.machine.setCurrentCpu(cpuBefore);
        run.mem.counters.set(VmCounters.FRAG_THP, total);
        run.note("frag: " + total + " huge pages filled the order-9 blocks");
    }
}
