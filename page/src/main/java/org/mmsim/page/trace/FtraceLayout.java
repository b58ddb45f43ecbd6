package org.mmsim.page.trace;

/**
 * How {@link FtraceWriter} lays out a line's header and prints struct page pointers: the two text forms of the
 * ftrace buffer mmsim writes.
 */
public enum FtraceLayout {
    /**
     * The header "COMM-PID [CPU] SECONDS.MICROS: " of {@code trace_options noirq-info} (the form
     * Documentation/trace/postprocess/trace-pagealloc-postprocess.pl parses), "COMM-PID" right-aligned in 16
     * columns, and page= printed as an unhashed pointer: vmemmap base + pfn * 64 in 16 hex digits.
     */
    PAGEALLOC_POSTPROCESS,
    /**
     * The header of the default trace file, "%16s-%-7d [%03d] ..... %5d.%06d: " (comm cut to 15 characters as
     * TASK_COMM_LEN does), and page= printed as a hashed pointer before the hash key is ready,
     * "(____ptrval____)".
     */
    TRACE_FILE
}
