package org.mmsim.workload.sim;

import org.mmsim.vm.Mman;
import org.mmsim.vm.Paging;
import org.mmsim.vm.Process;
import org.mmsim.workload.scenario.Scenario;

/**
 * fork: every so often a child process maps and writes its own anonymous memory (madvise(MADV_NOHUGEPAGE): 4 KiB
 * pages) and exits after its lifetime.
 */
final class ForkGenerator extends WorkloadGenerator {
    private final long every;
    private final int pages;
    private final long lifetime;

    ForkGenerator(Scenario.Generator g) {
        super(g, g.getLong("every", 0));
        every = firstStep();
        if (every <= 0) {
            throw bad("every must be positive");
        }
        pages = intPages(g.getLong("size", 0));
        lifetime = g.getLong("lifetime", 0);
    }

    @Override
    long step(SimulationRun run) {
        Process child = spawn(run, spec.getString("name", "child"));
        if (child == null) {
            return run.now + every;
        }
        long len = (long) pages * Paging.PAGE_SIZE;
        long addr = child.mmap(len, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS);
        if (Mman.isError(addr)) {
            run.note(child.comm() + ": mmap of " + len + " bytes failed (" + addr + ")");
            child.exit();
            return run.now + every;
        }
        child.madvise(addr, len, Mman.MADV_NOHUGEPAGE);
        int r = child.touchRange(addr, len, true);
        if (r != 0) {
            killOnFault(run, child, r);
        } else if (lifetime > 0) {
            run.schedule(run.now + lifetime, SimulationRun.EV_EXIT_MM, child.pid(), 0);
        }
        return run.now + every;
    }
}
