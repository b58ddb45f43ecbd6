/**
 * Memory compaction, one kernel concept per file: the results (CompactResult), struct compact_control
 * (CompactControl), the migrate modes, compaction_suitable (Suitability), the deferral backoff (Deferral), the
 * pageblock skip bits and cached scanner positions (SkipHints), compact_zone with its scanners, migrate_pages and
 * direct compaction at the COMPACT_PRIO_* priorities (Compaction), kcompactd with proactive compaction
 * (Kcompactd); and the fragmentation measures they use (extfrag index, unusable index, proactive score).
 *
 * <p>Kernel sources (6.1): mm/compaction.c, mm/migrate.c (migrate_pages), include/linux/compaction.h,
 * include/linux/migrate_mode.h, mm/internal.h (struct compact_control), mm/vmstat.c (fragmentation index),
 * mm/vmscan.c (compaction_ready).
 *
 * <p>Layer compaction (module compaction, above reclaim): may import the arch packages, the boot packages, the page
 * packages and org.mmsim.reclaim. Checked by LayerTest in the architecture module.
 */
package org.mmsim.compaction;
