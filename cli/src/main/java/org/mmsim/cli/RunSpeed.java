package org.mmsim.cli;

import org.mmsim.workload.scenario.WorkEstimate;

/**
 * How fast {@code mmsim run} works, to turn a {@link WorkEstimate} into wall-clock seconds: page operations
 * (allocations, frees and touches, reclaim and compaction included), events of the simulation's queue (mostly
 * generator steps) and the pages a snapshot covers. Measured on the development machine (2 cores, JDK 17, December
 * 2026) while it ran other builds (load average 14): a 4 GiB machine with 4 million kernel allocations and frees in
 * 6 s, 2 million idle generator steps in 2 s, 201 snapshots in 12 s, JVM start and boot (3.5 s) subtracted. An idle
 * machine is about twice as fast, so the estimate errs on the long side. docs/bounded-work.md has the table.
 */
final class RunSpeed {
    /** Page operations per second. */
    static final double OPERATIONS_PER_SECOND = 1e6;
    /** Events per second when the events do little (a generator stepping every millisecond at a low rate). */
    static final double EVENTS_PER_SECOND = 1e6;
    /** Pages of the machine whose /proc files, report sample and pageblock picture a snapshot makes per second. */
    static final double SNAPSHOT_PAGES_PER_SECOND = 2e7;

    private RunSpeed() {
    }

    /** The wall-clock seconds the run of that work on a machine of that many pages should take. */
    static double seconds(WorkEstimate w, long machinePages) {
        return w.operations() / OPERATIONS_PER_SECOND + w.events() / EVENTS_PER_SECOND
                + w.snapshots() * machinePages / SNAPSHOT_PAGES_PER_SECOND;
    }
}
