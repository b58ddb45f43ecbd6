/**
 * Runs of scenarios under settings: one run as {@code mmsim run} makes it ({@link org.mmsim.study.ScenarioRun},
 * {@link org.mmsim.study.RunSettings}), and many as a what-if study, their figures and time series kept in a
 * results store. A study file ({@link org.mmsim.study.StudyFile}) gives a base scenario, axes of settings, seeds
 * and scenarios, and a grid or list of points; {@link org.mmsim.study.LocalSweep} runs them on this machine's
 * cores into a resumable study folder ({@link org.mmsim.study.StudyFolder}) with a study report
 * ({@link org.mmsim.study.StudyReport}). Reads the model only through the workload's simulation and the report's
 * recorder.
 *
 * <p>Kernel sources (6.1): none modelled here; the settings are those of kernel/sysctl.c and the boot parameters
 * of Documentation/admin-guide/kernel-parameters.txt, through the boot layer's table.
 *
 * <p>Layer study: may import the model layers, proc and report. Checked by LayerTest in the architecture module.
 */
package org.mmsim.study;
