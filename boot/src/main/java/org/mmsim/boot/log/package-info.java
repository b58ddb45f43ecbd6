/**
 * The memory lines of the kernel's boot log, in its words and formats: zone ranges, movable zone start, early
 * memory node ranges, Initmem setup, the unavailable ranges and the Built N zonelists line.
 *
 * <p>Kernel sources (6.1): mm/page_alloc.c (free_area_init, free_area_init_node, init_unavailable_range,
 * build_all_zonelists).
 *
 * <p>Layer boot: may import the arch packages and the other boot packages (it uses org.mmsim.boot.zone and
 * org.mmsim.boot.reserve); no boot package imports it. Checked by LayerTest in the architecture module.
 */
package org.mmsim.boot.log;
