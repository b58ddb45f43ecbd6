/**
 * The kernel allocators of a booted machine set up in mm_init()'s order: SLUB and the kmalloc caches, then vmalloc
 * (KernelBoot).
 *
 * <p>Kernel sources (6.1): init/main.c (mm_init).
 *
 * <p>Layer kernel: may import the layers below and the other org.mmsim.kernel packages; nothing in the kernel layer
 * imports it. Checked by LayerTest in the architecture module.
 */
package org.mmsim.kernel.init;
