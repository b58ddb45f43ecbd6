/**
 * What mmsim analyze prints for a machine's /proc files: the extfrag_index and unusable_index the kernel would show
 * for that buddyinfo, and a plain-English diagnosis for pageblock-order allocations under the machine's
 * extfrag_threshold; files are recognised by content.
 *
 * <p>Kernel sources (6.1): mm/vmstat.c, mm/page_alloc.c, mm/compaction.c (the tests the diagnosis applies).
 *
 * <p>Layer proc: may import the model layers, org.mmsim.proc and org.mmsim.proc.frag. Checked by LayerTest in the
 * architecture module.
 */
package org.mmsim.proc.analyze;
