/**
 * The run view's model side: a scenario run stepped from the page ({@link org.mmsim.web.run.RunSession}), built in
 * or edited as YAML ({@link org.mmsim.web.run.ScenarioText}: machine presets only), the frames kept as it goes
 * ({@link org.mmsim.web.run.Frame}: each zone's free lists, watermarks and fragmentation ({@link
 * org.mmsim.web.run.ZoneFrame}), the charted counters ({@link org.mmsim.web.run.ChartedCounters}) and the /proc
 * files, deflated ({@link org.mmsim.web.run.ProcTexts})) so that scrubbing back needs no re-run, the charts'
 * columns ({@link org.mmsim.web.run.FrameSeries}) and the API ({@link org.mmsim.web.run.RunRoutes}).
 *
 * <p>Kernel sources (6.1): none modelled here; the frames hold the model's /proc files in the formats of
 * mm/vmstat.c, fs/proc/meminfo.c, mm/slab_common.c and mm/vmalloc.c, and the fragmentation indices of
 * mm/vmstat.c's __fragmentation_index() and unusable_free_index().
 *
 * <p>Layer web: a front end; may import the model layers, proc, report and study. Checked by LayerTest.
 */
package org.mmsim.web.run;
