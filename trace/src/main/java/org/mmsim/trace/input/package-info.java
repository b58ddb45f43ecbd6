/**
 * Opening a trace file whatever its form (gzip or not; ftrace text or trace-cmd's trace.dat), above the readers of
 * each form, so that the readers' packages and the event package stay free of cycles.
 *
 * <p>Kernel sources (6.1): none; the forms are those of kernel/trace/trace.c's trace file and trace-cmd's output.
 *
 * <p>Layer trace: may import the model layers up to workload, and proc. Checked by LayerTest in the architecture module.
 */
package org.mmsim.trace.input;
