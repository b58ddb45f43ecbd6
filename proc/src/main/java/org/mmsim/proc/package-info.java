/**
 * The /proc files as records and as text, both ways (a writer in the kernel's format and a parser of real files):
 * buddyinfo, pagetypeinfo, zoneinfo, meminfo and vmstat. The writers print 6.1's layouts; the parsers of buddyinfo,
 * pagetypeinfo and zoneinfo also read those of the kernels from 4.19 to 6.18.
 *
 * <p>Kernel sources (6.1): mm/vmstat.c (frag_show, pagetypeinfo_show, zoneinfo_show, vmstat_show),
 * fs/proc/meminfo.c, mm/hugetlb.c.
 *
 * <p>Layer proc, the first front end: may import the model layers (arch to workload); it imports only
 * org.mmsim.arch. Checked by LayerTest in the architecture module.
 */
package org.mmsim.proc;
