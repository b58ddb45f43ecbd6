/**
 * The one writer of ftrace lines (FtraceWriter): the page allocator's tracepoints (it implements
 * org.mmsim.page.PageAllocTracer) and, as typed calls, those of reclaim and compaction.
 *
 * <p>Kernel sources (6.1): include/trace/events/kmem.h, vmscan.h and compaction.h (TP_printk formats),
 * include/trace/events/mmflags.h (through GfpNames).
 *
 * <p>Layer page: may import the arch packages and org.mmsim.page. Checked by LayerTest in the architecture module.
 */
package org.mmsim.page.trace;
