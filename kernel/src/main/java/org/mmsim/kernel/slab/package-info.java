/**
 * The SLUB allocator and kmalloc: cache creation and merging, cache geometry, the per-CPU and per-node slabs and
 * partial lists, the kmalloc size classes and types, and /proc/slabinfo.
 *
 * <p>Kernel sources (6.1): mm/slub.c, mm/slab_common.c, mm/slab.h, include/linux/slab.h, include/linux/slub_def.h.
 *
 * <p>Layer kernel: may import the layers below and org.mmsim.kernel. Checked by LayerTest in the architecture
 * module.
 */
package org.mmsim.kernel.slab;
