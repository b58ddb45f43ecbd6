/**
 * vmalloc, vmap and ioremap: the vmap areas in the vmalloc range, the augmented free tree, lazy freeing and
 * purging, the count of page-table pages the mappings need, and /proc/vmallocinfo.
 *
 * <p>Kernel sources (6.1): mm/vmalloc.c, include/linux/vmalloc.h, lib/rbtree.c,
 * arch/x86/include/asm/pgtable_32_areas.h, arch/arm64/include/asm/memory.h.
 *
 * <p>Layer kernel: may import the layers below, org.mmsim.kernel and org.mmsim.kernel.slab (vmalloc's own
 * structures come from kmalloc and a kmem_cache). Checked by LayerTest in the architecture module.
 */
package org.mmsim.kernel.vmalloc;
