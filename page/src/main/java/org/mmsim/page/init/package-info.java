/**
 * Booting a machine into a running page allocator (MemoryInit): zones built from the boot layout, the memory map
 * initialised, memblock_free_all() handing free memory to the buddy allocator, the watermarks, lowmem reserves, pcp
 * limits and stat thresholds the boot initcalls set (with the vm sysctls that shape them), the DMA atomic pools,
 * the late frees, and the boot residue read from a real machine's /proc/meminfo.
 *
 * <p>Kernel sources (6.1): mm/page_alloc.c (free_area_init_core, memmap_init, init_per_zone_wmark_min,
 * setup_per_zone_wmarks, setup_per_zone_lowmem_reserve), mm/memblock.c (memblock_free_all), mm/vmstat.c,
 * kernel/dma/pool.c, mm/khugepaged.c, mm/huge_memory.c.
 *
 * <p>Layer page: may import the arch packages, the boot packages and org.mmsim.page. Checked by LayerTest in the
 * architecture module.
 */
package org.mmsim.page.init;
