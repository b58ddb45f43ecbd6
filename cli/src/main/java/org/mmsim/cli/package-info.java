/**
 * The mmsim command line (picocli): run (a scenario, into report's output directory), boot (the memory boot log
 * and, with --print, zoneinfo, buddyinfo, pagetypeinfo, meminfo, vmstat, extfrag_index, unusable_index, slabinfo
 * and vmallocinfo), walk (a page-table walk and /proc/PID/maps), layout and translate (virtual memory maps),
 * analyze (extfrag_index, unusable_index and a diagnosis of real /proc files), alloc-demo (buddyinfo lines) and sysctl
 * (the vm sysctls in force for a run), sweep (a what-if study's points on this machine, into a results store and a
 * study report), query (SQL over a results store or Parquet), explore (the web explorer of org.mmsim.web) and
 * replay (a real kernel trace on the model, org.mmsim.trace); --set gives run and boot a sysctl or boot parameter of the settings table; a
 * user's mistake becomes one line on stderr and exit status 2.
 *
 * <p>Kernel sources (6.1): none of its own: the formats it prints come from org.mmsim.proc, org.mmsim.kernel.slab
 * and org.mmsim.kernel.vmalloc.
 *
 * <p>Layer cli, the top front end: may import every layer except bench and testdata. Checked by LayerTest in the
 * architecture module.
 */
package org.mmsim.cli;
