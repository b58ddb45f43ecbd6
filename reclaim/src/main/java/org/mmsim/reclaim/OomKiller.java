package org.mmsim.reclaim;

/**
 * The OOM killer of mm/oom_kill.c for a global OOM: select_bad_process with oom_badness (RSS + swap entries +
 * page-table pages; oom_score_adj 0 for every simulated task; on equal points the task met later wins, as
 * oom_evaluate_task() only passes over a task with fewer points), over this model's processes and a higher
 * layer's ({@link OomCandidate}), then oom_kill_process, whose victim's memory is freed at once (the oom reaper's
 * effect).
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
     * Models mm/oom_kill.c out_of_memory() with select_bad_process(): kills the worst process; false if there is
     * none to kill, or if the victim is a higher layer's task, whose memory only comes back once it exits (the
     * allocation that asked fails meanwhile).
     */
    public boolean outOfMemory() {
        Mm victim = null;
        long best = Long.MIN_VALUE;
        for (Mm mm : mem.mms) {
            if (!mm.alive || mm.rssAnon + mm.swapEntries == 0) {
                continue;
            }
            long points = mm.oomBadnessPoints();
            if (points >= best) {
                best = points;
                victim = mm;
            }
        }
        OomCandidate external = null;
        for (OomCandidate c : mem.externalTasks()) {
            if (c.dying()) {
                return false;
            }
            if (c.points() > 0 && c.points() >= best) {
                best = c.points();
                external = c;
            }
        }
        if (external != null) {
            mem.counters.inc(VmCounters.OOM_KILL);
            mem.env.note("Out of memory: Killed process " + external.pid() + " (" + external.name() + ") total-vm:"
                    + external.totalVmPages() * 4 + "kB, anon-rss:" + external.anonRssPages() * 4
                    + "kB, oom_score_adj:0");
            external.kill().run();
            return false;
        }
        if (victim == null) {
            return false;
        }
        mem.counters.inc(VmCounters.OOM_KILL);
        mem.env.note("Out of memory: Killed process " + victim.pid + " (" + victim.name + ") total-vm:"
                + victim.nrPages() * 4 + "kB, anon-rss:" + victim.rssAnon * 4 + "kB, oom_score_adj:0");
        mem.exitMm(victim);
        return true;
    }
}
