/**
 * Temporary kernel mappings of pages on a 32-bit kernel with HIGHMEM: kmap and kunmap over the pkmap area.
 *
 * <p>Kernel sources (6.1): mm/highmem.c.
 *
 * <p>Layer kernel: may import the layers below and org.mmsim.kernel. Checked by LayerTest in the architecture
 * module.
 */
package org.mmsim.kernel.highmem;
