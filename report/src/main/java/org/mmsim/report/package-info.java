/**
 * The output of mmsim run: the output directory (built aside and moved into place when the run succeeds),
 * proc/MOMENT/ with the asked /proc files and proc/end/PID/maps and smaps, trace.txt with the ftrace header,
 * summary.json and report.html (inline SVG charts, the pageblock picture and a short account of the run).
 *
 * <p>Kernel sources (6.1): kernel/trace/trace.c (the trace file's header).
 *
 * <p>Layer report: may import the model layers (arch to workload) and the proc packages. Checked by LayerTest in
 * the architecture module.
 */
package org.mmsim.report;
