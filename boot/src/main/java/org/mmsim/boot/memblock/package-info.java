/**
 * memblock, the boot-time memory manager: the memory and reserved region arrays with their flags and nodes,
 * allocation top-down or bottom-up, the range iterators, the memblock=debug dump and the debugfs files.
 *
 * <p>Kernel sources (6.1): mm/memblock.c, include/linux/memblock.h.
 *
 * <p>Layer boot: may import org.mmsim.arch only; imports no other boot package. Checked by LayerTest in the
 * architecture module.
 */
package org.mmsim.boot.memblock;
