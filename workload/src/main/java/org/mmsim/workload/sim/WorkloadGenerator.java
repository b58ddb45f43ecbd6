package org.mmsim.workload.sim;

import org.mmsim.arch.InputError;
import org.mmsim.vm.Process;
import org.mmsim.vm.VmOutOfMemory;
import org.mmsim.vm.VmSystem;
import org.mmsim.workload.scenario.Scenario;

/**
 * One workload generator of a scenario: it is stepped by the simulation's event queue and returns when it
 * wants its next step.
 */
abstract class WorkloadGenerator {
    /** Work is done in quanta of simulated time: one millisecond. */
    static final long QUANTUM_NS = 1_000_000L;
    static final long NO_MORE = -1;

    final Scenario.Generator spec;
    private final long firstStep;

    /** A generator whose first step is at its entry's {@code start} (0 when not given). */
    WorkloadGenerator(Scenario.Generator spec) {
        this(spec, spec.getLong("start", 0));
    }

    /**
     * @param spec      the scenario entry
     * @param firstStep the simulated time of the first step, for an entry that names it otherwise (at, every)
     */
    WorkloadGenerator(Scenario.Generator spec, long firstStep) {
        this.spec = spec;
        this.firstStep = firstStep;
    }

    /** The time of the first step. */
    final long firstStep() {
        return firstStep;
    }

    /** Does the work due at run.now; returns the time of the next step or {@link #NO_MORE}. */
    abstract long step(SimulationRun run);

    long pagesOf(long bytes) {
        return (bytes + 4095) / 4096;
    }

    int intPages(long bytes) {
        long p = pagesOf(bytes);
        if (p <= 0 || p > Integer.MAX_VALUE / 2) {
            throw bad("size " + bytes + " out of range");
        }
        return (int) p;
    }

    /** The entry's touch order: true for random, false for sequential (the default); any other word is refused. */
    boolean randomTouch() {
        String touch = spec.getString("touch", "sequential");
        if (!touch.equals("sequential") && !touch.equals("random")) {
            throw bad("touch must be sequential or random, not " + touch);
        }
        return touch.equals("random");
    }

    /**
     * A new process of the run (exec: an empty address space) with the run's next pid; null, with a note, when
     * memory for its PGD runs out. Refuses the entry on an architecture without a user paging model.
     */
    Process spawn(SimulationRun run, String comm) {
        VmSystem vm = run.view.vm();
        if (vm == null) {
            throw bad("the vm module has no user paging model for " + run.machine.arch().id()
                    + " (x86_64, arm64 and i386 PAE only)");
        }
        try {
            return vm.newProcess(run.nextPid(), comm);
        } catch (VmOutOfMemory e) {
            run.note(comm + ": no memory for a new address space (its PGD)");
            return null;
        }
    }

    /** pagefault_out_of_memory() or SIGSEGV: here the faulting task itself is killed. */
    static void killOnFault(SimulationRun run, Process p, int fault) {
        run.note(p.comm() + " (" + p.pid() + "): " + (fault == 2 ? "page fault out of memory" : "SIGSEGV")
                + ", killed");
        p.exit();
    }

    InputError bad(String problem) {
        return new InputError(spec.file() + ":" + spec.line() + ": " + spec.kind() + ": " + problem);
    }

    /** Turns a rate into a whole count per quantum, carrying the fraction over to the next quantum. */
    static final class Pacer {
        private final double perQuantum;
        private double carry;

        Pacer(double perSecond) {
            this.perQuantum = perSecond * QUANTUM_NS / 1e9;
        }

        long next() {
            double x = perQuantum + carry;
            long n = (long) x;
            carry = x - n;
            return n;
        }
    }
}
