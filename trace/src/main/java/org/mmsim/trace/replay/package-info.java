/**
 * Replay of a real kernel trace on the model. {@link org.mmsim.trace.replay.ForcedReplay} applies the kernel's
 * own decisions (which pfn, which order, pcp or buddy) and checks each against the model's state, counting and
 * listing every {@link org.mmsim.trace.replay.Inconsistency}; {@link org.mmsim.trace.replay.ModelReplay} sends
 * the kernel's request stream through mmsim's own allocator and measures where the two part ways.
 * {@link org.mmsim.trace.replay.StartState} derives a start state when the trace starts after boot, and
 * {@link org.mmsim.trace.replay.TraceReplay} drives either from a start marker, reporting the markers where the
 * kernel's /proc snapshots were taken.
 *
 * <p>Kernel sources (6.1): mm/page_alloc.c (__rmqueue_smallest, expand, rmqueue_pcplist, rmqueue_bulk,
 * rmqueue_buddy, free_unref_page, free_unref_page_list, free_pcppages_bulk, __free_one_page,
 * steal_suitable_fallback, take_page_off_buddy), include/trace/events/kmem.h (the events and what their fields
 * mean), mm/vmstat.c (buddyinfo).
 *
 * <p>Layer trace: imports the page module's public API, proc's /proc parsers and models (buddyinfo and
 * pagetypeinfo, read and compared through them) and org.mmsim.trace's events; the command line drives it. Checked by LayerTest in the architecture module.
 */
package org.mmsim.trace.replay;
