/**
 * The fragmentation measures of a zone from its free counts per order, and the debugfs extfrag/extfrag_index and
 * extfrag/unusable_index text.
 *
 * <p>Kernel sources (6.1): mm/vmstat.c (fill_contig_page_info, __fragmentation_index, unusable_free_index,
 * extfrag_show_print).
 *
 * <p>Layer proc: may import the model layers and org.mmsim.proc. Checked by LayerTest in the architecture module.
 */
package org.mmsim.proc.frag;
