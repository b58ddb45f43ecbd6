package org.mmsim.workload.sim;

import java.util.SplittableRandom;
import org.mmsim.reclaim.Mm;
import org.mmsim.workload.scenario.Scenario;

/**
 * anon: processes that map an anonymous region and touch it sequentially or at random at a byte rate (all at
 * once when the rate is 0), with THP faults when asked, until their lifetime ends (exit_mmap).
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
    private Mm[] mms;
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
        if (mms == null) {
            mms = new Mm[processes];
            cursor = new int[processes];
            for (int i = 0; i < processes; i++) {
                mms[i] = run.mem.newMm(run.nextPid(), spec.getString("name", "anon"), pages, false);
            }
            end = lifetime > 0 ? firstStep() + lifetime : Long.MAX_VALUE;
            if (allAtStart) {
                for (Mm mm : mms) {
                    for (int v = 0; v < pages && mm.alive(); v++) {
                        run.mem.touchAnon(mm, v, thpFaults(run));
                    }
                }
                return lifetime > 0 ? end : NO_MORE;
            }
        }
        if (run.now >= end) {
            for (Mm mm : mms) {
                run.mem.exitMm(mm);
            }
            return NO_MORE;
        }
        if (!allAtStart) {
            long n = pacer.next();
            boolean anyAlive = false;
            for (int p = 0; p < processes; p++) {
                Mm mm = mms[p];
                for (long i = 0; i < n && mm.alive(); i++) {
                    int v;
                    if (random && cursor[p] >= pages) {
                        v = rng.nextInt(pages);
                    } else {
                        v = cursor[p] % pages;
                        cursor[p]++;
                    }
                    run.mem.touchAnon(mm, v, thpFaults(run));
                }
                anyAlive |= mm.alive();
            }
            if (!anyAlive) {
                return NO_MORE;
            }
        }
        return run.now + QUANTUM_NS;
    }

    /** THP faults for this process: asked for, and not turned off machine-wide (transparent_hugepage never). */
    private boolean thpFaults(SimulationRun run) {
        return thp && !"never".equals(run.scenario.thpEnabled());
    }
}
