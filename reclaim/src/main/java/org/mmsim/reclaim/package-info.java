/**
 * The users of memory and the reclaim side: who owns each allocated page, the LRU lists per node, the accounting of
 * processes' anonymous pages (which the vm layer maps, and which reclaim and compaction reach only through its
 * Rmap), the one page cache and shmem with their xarray nodes, the one swap device, kernel and slab pages,
 * hugetlb; page reclaim (direct and kswapd), the workingset shadows, writeback and the dirty limits, page migration
 * and the OOM killer; and the slow-path hooks that plug them into the page allocator. CompactionApi declares what
 * it calls of compaction, which org.mmsim.compaction implements.
 *
 * <p>Kernel sources (6.1): mm/vmscan.c, mm/workingset.c, mm/page-writeback.c, fs/fs-writeback.c, mm/migrate.c,
 * mm/oom_kill.c, mm/swapfile.c, mm/swap.c, mm/memory.c, mm/filemap.c, mm/shmem.c, mm/hugetlb.c, mm/huge_memory.c,
 * lib/xarray.c, lib/radix-tree.c, include/linux/mmzone.h, include/linux/vm_event_item.h.
 *
 * <p>Layer reclaim: may import the arch packages, the boot packages and the page packages; never
 * org.mmsim.compaction, which builds on it. Checked by LayerTest in the architecture module.
 */
package org.mmsim.reclaim;
