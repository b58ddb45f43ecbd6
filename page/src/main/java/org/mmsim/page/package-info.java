/**
 * The page allocator of Linux 6.1: nodes (pglist_data), zones with their free lists per order and migratetype, the
 * memory map, zonelists, the buddy split and merge, migratetype fallback and pageblock stealing, the high-order
 * atomic reserve, the per-CPU lists, watermark checks, GFP flags and their names, the fast path and
 * __alloc_pages_slowpath with the hooks (SlowPathHooks) where reclaim, compaction and the OOM killer plug in.
 * PageAllocTracer (the tracepoint listener) and ZoneCheck (the debug-mode check) are declared here so that the
 * allocator calls org.mmsim.page.trace and org.mmsim.page.debug without importing them.
 *
 * <p>Kernel sources (6.1): mm/page_alloc.c, mm/internal.h, include/linux/mmzone.h, include/linux/gfp.h,
 * include/linux/gfp_types.h, include/trace/events/mmflags.h, include/trace/events/kmem.h,
 * include/linux/vm_event_item.h.
 *
 * <p>Layer page: may import the arch packages and the boot packages; never its own sub-packages (init, trace,
 * debug), which build on it. Checked by LayerTest in the architecture module.
 */
package org.mmsim.page;
