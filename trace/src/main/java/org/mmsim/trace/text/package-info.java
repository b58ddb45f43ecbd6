/**
 * The ftrace text reader: the kernel's {@code trace} and {@code trace_pipe} files and {@code trace-cmd report}'s
 * output, parsed byte by byte into one reusable {@link org.mmsim.trace.TraceEvent}: no regex, and no object per
 * event once the names seen (events, tasks, gfp texts) are interned.
 *
 * <p>Kernel sources (6.1): kernel/trace/trace.c (print_trace_header, print_event_info and trace_print_context: the
 * {@code # tracer:} header, the entries-in-buffer line and the {@code comm-pid [cpu] flags time:} columns),
 * kernel/trace/trace_output.c (the {@code event: fields} part), include/trace/events/kmem.h (the TP_printk of each
 * kmem event), lib/vsprintf.c ({@code %p} prints {@code (null)} for a failed allocation), and trace-cmd's
 * report format ({@code version = N}, {@code cpus=N}, {@code CPU N is empty}).
 *
 * <p>Layer trace: part of the trace module; imports only org.mmsim.trace, org.mmsim.arch (InputError) and
 * org.mmsim.page (GfpNames).
 */
package org.mmsim.trace.text;
