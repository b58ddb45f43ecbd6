/**
 * Early boot up to free_area_init(): the firmware map turned into memblock memory, node assignment, max_pfn, the
 * zone limits of each architecture, and the sizing of nodes and zones (spanned, present, first managed estimate,
 * ZONE_MOVABLE from kernelcore= and movablecore=) as BootLayout.
 *
 * <p>Kernel sources (6.1): arch/x86/kernel/e820.c, arch/x86/mm/init.c (zone_sizes_init), arch/x86/mm/init_64.c,
 * arch/arm64/mm/init.c, mm/page_alloc.c (free_area_init and the zone sizing functions).
 *
 * <p>Layer boot: may import the arch packages and org.mmsim.boot.spec. Checked by LayerTest in the architecture
 * module.
 */
package org.mmsim.boot.zone;
