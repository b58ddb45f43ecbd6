/**
 * The run view's model side: a scenario run stepped from the page ({@link org.mmsim.web.run.RunSession}), the
 * frames kept as it goes ({@link org.mmsim.web.run.Frame}) so that scrubbing back needs no re-run, and the API.
 *
 * <p>Kernel sources (6.1): none modelled here; the frames hold the model's /proc files in the formats of
 * mm/vmstat.c and fs/proc/meminfo.c.
 *
 * <p>Layer web: a front end; may import the model layers, proc, report and study. Checked by LayerTest.
 */
package org.mmsim.web.run;
