package org.mmsim.reclaim;

/**
 * A task of a higher layer (a vm-module process) as select_bad_process() sees it: its oom_badness() points
 * (RSS + swap entries + page-table pages, oom_score_adj 0) and how to kill it.
 *
 * @param totalVmPages  its mapped size, for the kill message
 * @param anonRssPages  its anonymous RSS, for the kill message
 * @param dying         already chosen and not yet gone (tsk_is_oom_victim): no other task is killed meanwhile
 * @param kill          oom_kill_process(): the task is marked to die; its memory comes back when it has left what
 *                      it is doing (its exit, then the oom reaper), not during the allocation that asked
 */
public record OomCandidate(int pid, String name, long points, long totalVmPages, long anonRssPages, boolean dying,
        Runnable kill) {
}
