/**
 * Process address spaces: mm_struct with its VMAs, page tables in the x86_64 and arm64 entry formats, the fault
 * path (anonymous, file, copy-on-write, THP), fork and exit, mmap, munmap, mprotect, mremap and madvise, the page
 * cache and swap as the fault path needs them, the page-table walk, and /proc/PID/maps and smaps.
 *
 * <p>Kernel sources (6.1): mm/memory.c, mm/mmap.c, mm/mprotect.c, mm/mremap.c, mm/huge_memory.c, mm/rmap.c,
 * mm/swapfile.c, mm/pagewalk.c, kernel/fork.c, fs/proc/task_mmu.c, include/linux/mm.h,
 * include/linux/mm_types_task.h.
 *
 * <p>Layer vm: may import the layers below (arch, boot, page, reclaim, compaction, kernel). Checked by LayerTest in
 * the architecture module.
 */
package org.mmsim.vm;
