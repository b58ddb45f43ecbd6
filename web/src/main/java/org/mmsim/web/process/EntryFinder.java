package org.mmsim.web.process;

import java.util.List;
import org.mmsim.vm.WalkLevel;
import org.mmsim.vm.WalkTrace;
import org.mmsim.workload.SimulationView;

/**
 * Finds the first address of a process whose walk ends in a swap entry, or at a copy-on-write shared page, by
 * walking its VMAs from the bottom and skipping what one entry maps (a missing table skips its whole span).
 */
final class EntryFinder {
    private EntryFinder() {
    }

    /** The first such address, or -1. */
    static long first(SimulationView v, int pid, List<VmaRow> vmas, String what) {
        for (VmaRow r : vmas) {
            long end = Long.parseUnsignedLong(r.end(), 16);
            long addr = Long.parseUnsignedLong(r.start(), 16);
            while (Long.compareUnsigned(addr, end) < 0) {
                WalkTrace t = v.pageTableTrace(pid, addr);
                if (what.equals("swap") ? t.end().equals("swap") : t.cowShared()) {
                    return addr;
                }
                if (t.levels().isEmpty()) {
                    break;
                }
                WalkLevel last = t.levels().get(t.levels().size() - 1);
                long span = 1L << last.lowBit();
                addr = (addr | (span - 1)) + 1;
            }
        }
        return -1;
    }
}
