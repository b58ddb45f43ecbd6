/**
 * {@code mmsim explore}: the model in a browser. A Javalin server (loopback by default) serves a single page whose
 * scripts, styles and chart library (uPlot, from its WebJar) come from the jar, and a JSON API over the model's
 * public API: machines booted from presets, machine files, boot logs or real /proc files; runs stepped and
 * scrubbed through kept frames; the buddy allocator step by step; processes' VMAs and page-table walks; two
 * runs compared. Each browser session has its own runs, limited in number and freed when idle.
 *
 * <p>Kernel sources (6.1): none modelled here; it shows the model of the layers below, in the formats of
 * mm/vmstat.c, fs/proc/meminfo.c, fs/proc/task_mmu.c and the boot log.
 *
 * <p>Layer web: a front end; may import the model layers, proc, report and study, and only the command line
 * uses it. Checked by LayerTest in the architecture module.
 */
package org.mmsim.web;
