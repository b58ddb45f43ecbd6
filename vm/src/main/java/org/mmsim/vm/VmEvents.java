package org.mmsim.vm;

/** The /proc/vmstat event counters the virtual memory model updates (include/linux/vm_event_item.h names). */
public final class VmEvents {
    public long pgfault;
    public long thpFaultAlloc;
    public long thpFaultFallback;
    public long thpSplitPmd;
    public long thpZeroPageAlloc;
    public long pswpin;
    public long pswpout;
    /** THPs swapped out whole (thp_swpout). */
    public long thpSwpout;
    public long cowCopies;
    /** Anonymous pages compaction moved (pgmigrate_success of the vm module's pages). */
    public long pgmigrateSuccess;
}
