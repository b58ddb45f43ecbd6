/**
 * The page allocator as the kernel's own allocators see it (PageSource, with MachinePageSource on a booted machine
 * and SimplePageSource as a stand-in), and the kernel's bit helpers they share.
 *
 * <p>Kernel sources (6.1): include/linux/gfp.h (alloc_pages_node), mm/page_alloc.c (__alloc_pages, __free_pages),
 * include/asm-generic/getorder.h, include/linux/align.h.
 *
 * <p>Layer kernel: may import the layers below (arch, boot, page, reclaim, compaction); never its sub-packages,
 * which build on it. Checked by LayerTest in the architecture module.
 */
package org.mmsim.kernel;
