package org.mmsim.vm;

/** The per-mm RSS counter indices of include/linux/mm_types_task.h (enum { MM_FILEPAGES, ... }). */
public final class RssCounters {
    public static final int MM_FILEPAGES = 0;
    public static final int MM_ANONPAGES = 1;
    public static final int MM_SWAPENTS = 2;
    public static final int MM_SHMEMPAGES = 3;
    public static final int NR_MM_COUNTERS = 4;

    private RssCounters() {
    }
}
