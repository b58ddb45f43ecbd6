package org.mmsim.reclaim;

/**
 * The OOM killer of mm/oom_kill.c for a global OOM: select_bad_process with oom_badness (RSS + swap entries +
 * page-table pages; oom_score_adj 0 for every simulated task; on equal points the task met later wins, as
 * oom_evaluate_task() only passes over a task with fewer points), over the processes of the vm layer
 * ({@link OomCandidate}), then oom_kill_process.
 */
public final class OomKiller {
    /** oom_score_adj that exempts a task from the OOM killer (OOM_SCORE_ADJ_MIN, include/uapi/linux/oom.h). */
    public static final int OOM_SCORE_ADJ_MIN = -1000;
    /** The largest oom_score_adj (OOM_SCORE_ADJ_MAX). */
    public static final int OOM_SCORE_ADJ_MAX = 1000;
    private static final long PAGE_SIZE = 4096;
    private final Memory mem;

    OomKiller(Memory mem) {
        this.mem = mem;
    }

    /**
     * Models mm/oom_kill.c oom_badness(): resident pages plus swap entries plus page-table pages, shifted by
     * oom_score_adj in thousandths of the machine's pages (adj * (totalpages / 1000)); Long.MIN_VALUE for a task
     * that may not be chosen (oom_score_adj OOM_SCORE_ADJ_MIN).
     */
    public static long oomBadness(long rss, long swapEntries, long pgtablesBytes, int oomScoreAdj, long totalPages) {
        if (oomScoreAdj == OOM_SCORE_ADJ_MIN) {
            return Long.MIN_VALUE;
        }
        long points = rss + swapEntries + pgtablesBytes / PAGE_SIZE;
        return points + (long) oomScoreAdj * (totalPages / 1000);
    }

    /**
     * Models mm/oom_kill.c out_of_memory() with select_bad_process(): marks the task with the most points to die
     * (oom_kill_process). Always false: the victim's memory comes back only once it has left what it is doing (its
     * exit, then the oom reaper), so the allocation that asked fails meanwhile; false too while an earlier victim
     * is still dying (tsk_is_oom_victim), or when no task has points.
     */
    public boolean outOfMemory() {
        long best = 0;
        OomCandidate victim = null;
        for (OomCandidate c : mem.tasks()) {
            if (c.dying()) {
                return false;
            }
            if (c.points() > 0 && c.points() >= best) {
                best = c.points();
                victim = c;
            }
        }
        if (victim == null) {
            return false;
        }
        mem.counters.inc(VmCounters.OOM_KILL);
        mem.env.note("Out of memory: Killed process " + victim.pid() + " (" + victim.name() + ") total-vm:"
                + victim.totalVmPages() * 4 + "kB, anon-rss:" + victim.anonRssPages() * 4 + "kB, oom_score_adj:0");
        victim.kill().run();
        return false;
    }
}
