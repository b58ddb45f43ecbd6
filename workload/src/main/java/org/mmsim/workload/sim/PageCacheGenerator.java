package org.mmsim.workload.sim;

import org.mmsim.reclaim.AddressSpace;
import org.mmsim.workload.scenario.Scenario;

/**
 * file: buffered reads of a file at a byte rate, for a number of passes (re-reads mark pages accessed), or with
 * {@code write} buffered writes, which dirty the pages; a writer over the dirty limit waits (balance_dirty_pages)
 * until the flusher catches up. shmem: writes into a tmpfs file (swap-backed page cache), removed with its pages
 * when its lifetime ends.
 */
final class PageCacheGenerator extends WorkloadGenerator {
    private final boolean shmem;
    private final boolean write;
    private final int pages;
    private final long lifetime;
    private final int passes;
    private final boolean allAtStart;
    private final Pacer pacer;
    private AddressSpace as;
    private int cursor;
    private int pass;
    private boolean filled;

    PageCacheGenerator(Scenario.Generator g, boolean shmem) {
        super(g);
        this.shmem = shmem;
        this.write = !shmem && g.getBool("write", false);
        pages = intPages(g.getLong("size", 0));
        lifetime = shmem ? g.getLong("lifetime", 0) : 0;
        passes = shmem ? 1 : (int) Math.max(1, g.getLong("repeat", 1));
        double rate = g.getDouble("rate", 0);
        allAtStart = rate <= 0;
        pacer = new Pacer(rate / 4096.0);
    }

    @Override
    long step(SimulationRun run) {
        if (as == null) {
            as = run.mem.newAddressSpace(spec.getString("name", shmem ? "shmem" : "file"), pages, shmem);
        }
        if (filled) {
            run.mem.truncate(as);
            return NO_MORE;
        }
        long n = allAtStart ? (long) pages * passes : pacer.next();
        for (long i = 0; i < n && pass < passes; i++) {
            if (write && !run.mem.writeback.mayDirty()) {
                return run.now + QUANTUM_NS;
            }
            boolean ok = shmem ? run.mem.writeShmem(as, cursor)
                    : write ? run.mem.writeFile(as, cursor) : run.mem.readFile(as, cursor);
            if (!ok) {
                break;
            }
            if (++cursor == pages) {
                cursor = 0;
                pass++;
            }
        }
        if (pass >= passes) {
            filled = true;
            return lifetime > 0 ? Math.max(run.now, firstStep() + lifetime) : NO_MORE;
        }
        return run.now + QUANTUM_NS;
    }
}
