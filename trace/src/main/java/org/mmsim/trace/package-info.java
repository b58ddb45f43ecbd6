/**
 * Real kernel traces as input. A {@link org.mmsim.trace.TraceReader} streams the events of an ftrace text file
 * (the trace or trace_pipe file, or {@code trace-cmd report}'s output) or of trace-cmd's binary trace.dat into one
 * reusable {@link org.mmsim.trace.TraceEvent}, so a trace of several GB never has to fit in memory; the replay
 * applies them to the model, forced (the kernel's own choices) or through the model's allocator.
 *
 * <p>Kernel sources (6.1): include/trace/events/kmem.h, compaction.h and vmscan.h (the events and their fields),
 * kernel/trace/ring_buffer.c (the binary pages of trace.dat), and trace-cmd's trace.dat file formats 6 and 7.
 *
 * <p>Layer trace: may import the model layers up to workload, and proc (its /proc parsers and models); report,
 * study and the front ends may import it. Checked by LayerTest in the architecture module.
 */
package org.mmsim.trace;
