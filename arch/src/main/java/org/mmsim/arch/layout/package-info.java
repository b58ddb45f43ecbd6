/**
 * Kernel virtual memory maps per architecture configuration (x86_64 with 4- or 5-level paging and KASLR, i386 3G/1G
 * with or without PAE, arm64 for each granule and VA size): the regions, the constant-offset mappings behind __pa
 * and __va, the i386 lowmem/highmem split, the cost of the memory map (struct page), and the highest RAM pfn QEMU's
 * pc machine reports for the oracle machines.
 *
 * <p>Kernel sources (6.1): Documentation/x86/x86_64/mm.rst, Documentation/arm64/memory.rst,
 * arch/x86/include/asm/page_64_types.h, arch/x86/include/asm/fixmap.h, arch/x86/include/asm/pgtable_32_areas.h,
 * arch/x86/mm/kaslr.c, arch/x86/mm/init_32.c, arch/arm64/include/asm/memory.h, arch/arm64/kernel/pi/kaslr_early.c,
 * arch/arm64/mm/init.c, mm/sparse.c.
 *
 * <p>Layer arch: may import org.mmsim.arch only. Checked by LayerTest in the architecture module.
 */
package org.mmsim.arch.layout;
