/**
 * Scenario files: the YAML reader with a one-line error for every mistake, the values (times, sizes, rates), the
 * generator kinds and their settings, and what a scenario may record (/proc files and tracepoints).
 *
 * <p>Kernel sources (6.1): kernel/sysctl.c, include/trace/events/kmem.h (and the compaction, vmscan and oom
 * tracepoints it names).
 *
 * <p>Layer workload: may import the layers below (arch to vm); imports no other workload package. Checked by
 * LayerTest in the architecture module.
 */
package org.mmsim.workload.scenario;
