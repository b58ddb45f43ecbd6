/**
 * memblock as it stands when memblock_free_all() runs: the reservations a machine spec names and the early
 * allocations a Debian 6.1 kernel makes without logging them (brk, NODE_DATA, the sparse memory map), and
 * CONFIG_DEFERRED_STRUCT_PAGE_INIT's first deferred pfn per node.
 *
 * <p>Kernel sources (6.1): mm/memblock.c, mm/sparse.c, mm/sparse-vmemmap.c, arch/x86/kernel/setup.c (reserve_brk),
 * arch/x86/mm/numa.c, mm/page_alloc.c (defer_init).
 *
 * <p>Layer boot: may import the arch packages, org.mmsim.boot.spec, org.mmsim.boot.memblock and
 * org.mmsim.boot.zone. Checked by LayerTest in the architecture module.
 */
package org.mmsim.boot.reserve;
