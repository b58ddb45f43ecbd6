/**
 * Memory compaction: suitability, deferral, pageblock skip hints, the migrate and free scanners of compact_zone,
 * direct compaction at the COMPACT_PRIO_* priorities, kcompactd with proactive compaction, compact_memory; and the
 * fragmentation measures it uses (extfrag index, unusable index, proactive score).
 *
 * <p>Kernel sources (6.1): mm/compaction.c, include/linux/compaction.h, mm/vmstat.c (fragmentation index),
 * mm/vmscan.c (compaction_ready).
 *
 * <p>Layer compaction (module compaction, above reclaim): may import the arch packages, the boot packages, the page
 * packages and org.mmsim.reclaim. Checked by LayerTest in the architecture module.
 */
package org.mmsim.compaction;
