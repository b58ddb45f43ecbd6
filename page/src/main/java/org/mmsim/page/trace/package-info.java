/**
 * The page allocator's tracepoints written as lines of the ftrace text buffer (FtraceWriter implements
 * org.mmsim.page.PageAllocTracer).
 *
 * <p>Kernel sources (6.1): include/trace/events/kmem.h (TP_printk formats), include/trace/events/mmflags.h (through
 * GfpNames).
 *
 * <p>Layer page: may import the arch packages and org.mmsim.page. Checked by LayerTest in the architecture module.
 */
package org.mmsim.page.trace;
