package org.mmsim.workload.sim;

import java.util.SplittableRandom;
import org.mmsim.vm.Mman;
import org.mmsim.vm.Paging;
import org.mmsim.vm.Process;
import org.mmsim.workload.scenario.Scenario;

/**
 * anon: processes that each mmap a private anonymous region and write to it sequentially or at random at a byte
 * rate (all at once when the rate is 0), until their lifetime ends (exit_mmap). Without {@code thp: true} the
 * region is madvise(MADV_NOHUGEPAGE). With it, the region's 2 MiB pieces get THP faults as the system allows:
 * under transparent_hugepage/enabled always it is left as mapped (GFP_TRANSHUGE_LIGHT with defrag madvise), under
 * madvise the program asks with MADV_HUGEPAGE. A fault that runs out of memory is retried a quantum later.
 */
final class AnonGenerator extends WorkloadGenerator {
    private final int pages;
    private final long lifetime;
    private final boolean random;
    private final boolean thp;
    private final int processes;
    private final Pacer pacer;
    private final boolean allAtStart;
    private final SplittableRandom rng;
    private Process[] procs;
    private long[] addr;
    private int[] cursor;
    private long end;

    AnonGenerator(Scenario.Generator g, SplittableRandom rng) {
        super(g);
        pages = intPages(g.getLong("size", 0));
        lifetime = g.getLong("lifetime", 0);
        random = randomTouch();
        thp = Boolean.parseBoolean(g.getString("thp", "false"));
        processes = (int) g.getLong("processes", 1);
        double rate = g.getDouble("rate", 0);
        allAtStart = rate <= 0;
        pacer = new Pacer(rate / 4096.0);
        this.rng = rng;
    }

    @Override
    long step(SimulationRun run) {
        if (procs == null) {
            start(run);
        }
        if (run.now >= end) {
            for (Process p : procs) {
                if (p != null) {
                    p.exit();
                }
            }
            return NO_MORE;
        }
        long n = allAtStart ? Long.MAX_VALUE : pacer.next();
        boolean anyRunning = false;
        boolean pending = false;
        for (int p = 0; p < processes; p++) {
            for (long i = 0; i < n && running(p) && !(allAtStart && cursor[p] >= pages); i++) {
                boolean again = random && cursor[p] >= pages;
                int v = again ? rng.nextInt(pages) : cursor[p] % pages;
                if (!touch(run, p, v)) {
                    break;
                }
                if (!again) {
                    cursor[p]++;
                }
            }
            anyRunning |= running(p);
            pending |= running(p) && cursor[p] < pages;
        }
        if (!anyRunning) {
            return NO_MORE;
        }
        if (allAtStart && !pending) {
            return lifetime > 0 ? end : NO_MORE;
        }
        return run.now + QUANTUM_NS;
    }

    /** exec and mmap of each process's region, with its THP advice. */
    private void start(SimulationRun run) {
        procs = new Process[processes];
        addr = new long[processes];
        cursor = new int[processes];
        long len = (long) pages * Paging.PAGE_SIZE;
        for (int i = 0; i < processes; i++) {
            Process p = spawn(run, spec.getString("name", "anon"));
            if (p == null) {
                continue;
            }
            long a = p.mmap(len, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS);
            if (Mman.isError(a)) {
                run.note(p.comm() + ": mmap of " + len + " bytes failed (" + a + ")");
                p.exit();
                continue;
            }
            if (!thp) {
                p.madvise(a, len, Mman.MADV_NOHUGEPAGE);
            } else if ("madvise".equals(run.scenario.thpEnabled())) {
                p.madvise(a, len, Mman.MADV_HUGEPAGE);
            }
            procs[i] = p;
            addr[i] = a;
        }
        end = lifetime > 0 ? firstStep() + lifetime : Long.MAX_VALUE;
    }

    private boolean running(int p) {
        return procs[p] != null && !procs[p].exited();
    }

    /**
     * A write to page v of process p's region. False when the fault ran out of memory: as after
     * pagefault_out_of_memory(), the task retries it in the next quantum, once the OOM killer's victim is gone
     * (or is gone itself if it was the victim).
     */
    private boolean touch(SimulationRun run, int p, int v) {
        int r = procs[p].touch(addr[p] + (long) v * Paging.PAGE_SIZE, true);
        if (r == 1) {
            killOnFault(run, procs[p], r);
        }
        return r == 0;
    }
}
