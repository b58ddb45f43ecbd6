/**
 * The processes, the one model of a process's memory: the task list, mm_struct with its VMAs, page tables in the
 * x86_64, i386 PAE and arm64 entry formats, the fault path (anonymous, file, copy-on-write, THP), fork and exit, mmap, munmap,
 * mprotect, mremap, madvise and mlock2, the page-table walk, and /proc/PID/maps and smaps. Over a machine's memory
 * model (VmSystem.onMemory) the pages come from its allocator, file pages from its page cache, swap slots from its
 * swap device, and VmSystem is its rmap (reclaim and compaction reach mapped anonymous pages only through it) and
 * the OOM killer's task list.
 *
 * <p>Kernel sources (6.1): mm/memory.c, mm/mmap.c, mm/mprotect.c, mm/mremap.c, mm/huge_memory.c, mm/rmap.c,
 * mm/swapfile.c, mm/pagewalk.c, kernel/fork.c, fs/proc/task_mmu.c, include/linux/mm.h,
 * include/linux/mm_types_task.h; arch/x86/mm/pgtable.c, arch/x86/mm/mmap.c and arch/x86/include/asm/pgtable*.h for
 * x86_64 and i386 PAE.
 *
 * <p>Layer vm: may import the layers below (arch, boot, page, reclaim, compaction, kernel). Checked by LayerTest in
 * the architecture module.
 */
package org.mmsim.vm;
