/**
 * The compare view's API: one built-in scenario run twice to its end with two sets of settings ({@code --set}
 * words: sysctls, boot parameters, scenario fields), recorded as {@code mmsim run} records a run, and the same
 * charts of both overlaid with their headline figures side by side.
 *
 * <p>Kernel sources (6.1): none modelled here; the figures are mm/page_alloc.c's watermarks
 * (__setup_per_zone_wmarks), mm/vmstat.c's extfrag index and the vmstat compaction and THP counters, as the
 * report module records them.
 *
 * <p>Layer web: a front end; may import the model layers, proc, report and study. Checked by LayerTest.
 */
package org.mmsim.web.compare;
