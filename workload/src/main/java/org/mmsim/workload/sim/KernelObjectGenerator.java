package org.mmsim.workload.sim;

import java.util.SplittableRandom;
import org.mmsim.workload.scenario.Scenario;

/**
 * What the kmalloc, kmem_cache and vmalloc generators share: objects allocated at a rate between start and stop,
 * each freed after an exponentially distributed lifetime (never, without lifetime_mean). Frees wait in the
 * generator's own timer queue and are done at the first step at or after their time, so a stopped generator keeps
 * stepping until its last object is freed.
 */
abstract class KernelObjectGenerator extends WorkloadGenerator {
    private final long stop;
    private final double lifetimeMean;
    private final Pacer pacer;
    private final SplittableRandom rng;
    private final EventQueue expiries = new EventQueue();

    KernelObjectGenerator(Scenario.Generator g, SplittableRandom rng) {
        super(g);
        this.rng = rng;
        stop = g.getLong("stop", 0);
        lifetimeMean = g.getDouble("lifetime_mean", 0);
        double rate = g.getDouble("rate", 0);
        if (rate < 0 || lifetimeMean < 0) {
            throw bad("rate and lifetime_mean must not be negative");
        }
        pacer = new Pacer(rate);
    }

    /** Allocates one object on the current CPU; returns its address, or 0 when the allocator failed. */
    abstract long alloc(SimulationRun run);

    /** Frees an object this generator allocated. */
    abstract void free(SimulationRun run, long address);

    @Override
    long step(SimulationRun run) {
        while (expiries.size() > 0 && expiries.peekTime() <= run.now) {
            long address = expiries.peekLong();
            expiries.poll();
            free(run, address);
        }
        boolean allocating = stop <= 0 || run.now < stop;
        if (allocating) {
            long n = pacer.next();
            for (long i = 0; i < n; i++) {
                long address = alloc(run);
                if (address == 0) {
                    run.kernel.allocFailed();
                } else if (lifetimeMean > 0) {
                    long life = (long) (-lifetimeMean * Math.log(1 - rng.nextDouble()));
                    expiries.add(run.now + life, 0, 0, address);
                }
            }
            return run.now + QUANTUM_NS;
        }
        return expiries.size() > 0 ? Math.max(expiries.peekTime(), run.now) : NO_MORE;
    }

    /** The scenario file and line of this generator, for messages of other layers (GFP names). */
    String where() {
        return spec.file() + ":" + spec.line() + ": " + spec.kind();
    }
}
