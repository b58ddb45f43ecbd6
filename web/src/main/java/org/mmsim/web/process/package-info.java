/**
 * The process view's API: the processes of the session's run at its present moment, each one's VMAs (its
 * /proc/PID/maps and smaps, and a table made from them, {@link org.mmsim.web.process.VmaRow}) and the page-table
 * walk of any of its addresses, level by level with each entry's bits decoded, copy-on-write sharing after fork
 * and swap entries shown ({@link org.mmsim.web.process.WalkJson}).
 *
 * <p>Kernel sources (6.1): fs/proc/task_mmu.c (maps, smaps), mm/pagewalk.c and arch/x86/include/asm/pgtable*.h
 * (the walk and the entry bits), mm/memory.c (copy-on-write, swap entries); all modelled in the vm module, shown
 * here.
 *
 * <p>Layer web: a front end; may import the model layers, proc, report and study. Checked by LayerTest.
 */
package org.mmsim.web.process;
