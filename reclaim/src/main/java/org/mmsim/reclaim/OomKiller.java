package org.mmsim.reclaim;

/**
 * The OOM killer of mm/oom_kill.c for a global OOM: select_bad_process with oom_badness (RSS + swap entries +
 * page-table pages; oom_score_adj 0 for every simulated task, ties going to the later task), over this model's
 * processes and a higher layer's ({@link OomCandidate}), then oom_kill_process, whose victim's memory is freed at
 * once (the oom reaper's effect).
 */
public final class OomKiller {
    private final Memory mem;

    OomKiller(Memory mem) {
        this.mem = mem;
    }

    /**
     * out_of_memory(): kills the worst process; false if there is none to kill, or if the victim is a higher
     * layer's task, whose memory only comes back once it exits (the allocation that asked fails meanwhile).
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
