package org.mmsim.workload.sim;

import org.mmsim.reclaim.VmCounters;

/** For the CLI's tests: corrupts the model of the next run at one event, through the debug checker's test hook. */
public final class DebugVmCorruption {
    private DebugVmCorruption() {
    }

    /** Just before the checks of event {@code event}, counts one page-cache page too many in nr_file_pages. */
    public static void filePagesOffByOneAt(long event) {
        DebugVmChecker.beforeCheckForTest = (run, n) -> {
            if (n == event) {
                run.mem.counters.add(VmCounters.NR_FILE_PAGES, 1);
            }
        };
    }

    /** Runs go uncorrupted again. */
    public static void off() {
        DebugVmChecker.beforeCheckForTest = null;
    }
}
