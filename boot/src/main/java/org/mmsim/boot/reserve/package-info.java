/**
 * memblock as it stands when memblock_free_all() runs: the reservations a machine spec names and the early
 * allocations a Debian 6.1 kernel makes without logging them (brk, x86_64's direct-map page tables, NODE_DATA,
 * the sparse memory map, x86_64's small setup_arch and start_kernel allocations, percpu, hash tables, swiotlb),
 * and CONFIG_DEFERRED_STRUCT_PAGE_INIT's first deferred pfn per node.
 *
 * <p>Kernel sources (6.1): mm/memblock.c, mm/sparse.c, mm/sparse-vmemmap.c, mm/percpu.c, arch/x86/kernel/setup.c
 * (reserve_brk), arch/x86/mm/init.c (init_mem_mapping), arch/x86/kernel/e820.c, arch/x86/mm/numa.c,
 * kernel/dma/swiotlb.c, mm/page_alloc.c (defer_init).
 *
 * <p>Layer boot: may import the arch packages, org.mmsim.boot.spec, org.mmsim.boot.memblock and
 * org.mmsim.boot.zone. Checked by LayerTest in the architecture module.
 */
package org.mmsim.boot.reserve;
