/**
 * The Linux simulation: the simulated clock and event queue, kswapd and kcompactd, the workload generators (anon,
 * file, shmem, kernel, slab, thp, fork, process, kmalloc, kmem_cache, vmalloc, the one-shot compact_memory,
 * drop_caches, nr_hugepages and snapshot, compaction_test, frag), the kernel allocators and the processes of a run (every generator that runs a program makes a
 * process of the vm layer),
 * the hand-over of a /proc/meminfo boot residue to the run's memory model before the workload, and the live view
 * for recorders.
 *
 * <p>Kernel sources (6.1): mm/slab_common.c, mm/vmalloc.c, include/trace/events/kmem.h,
 * tools/testing/selftests/vm/compaction_test.c, fs/proc/meminfo.c, fs/dcache.c (dcache_init).
 *
 * <p>Layer workload: may import the layers below (arch to vm), org.mmsim.workload and org.mmsim.workload.scenario.
 * Checked by LayerTest in the architecture module.
 */
package org.mmsim.workload.sim;
