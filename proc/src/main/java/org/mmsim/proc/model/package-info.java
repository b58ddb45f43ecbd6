/**
 * The /proc files of the live model at one moment (ProcFiles): buddyinfo, pagetypeinfo, zoneinfo, meminfo, vmstat,
 * extfrag_index and unusable_index, with the vmstat item names and meminfo fields of Debian's 6.1 build per
 * architecture; and the settings in force as /proc/sys/vm files and /proc/cmdline (ProcSysVm).
 *
 * <p>Kernel sources (6.1): mm/vmstat.c, fs/proc/meminfo.c, kernel/sysctl.c (proc_dointvec), fs/proc/cmdline.c.
 *
 * <p>Layer proc: may import the model layers, org.mmsim.proc and org.mmsim.proc.frag. Checked by LayerTest in the
 * architecture module.
 */
package org.mmsim.proc.model;
