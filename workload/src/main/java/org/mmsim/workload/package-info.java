/**
 * What a front end sees of a simulation: Simulation (runs a scenario on a booted machine), Recorder (what the
 * simulation reports as it runs; ForwardingRecorder, the base of one that adds to another) and SimulationView (the
 * read-only live model).
 *
 * <p>Kernel sources (6.1): none: the simulation's interface to its front ends.
 *
 * <p>Layer workload: may import the layers below (arch to vm) and org.mmsim.workload.scenario. Checked by LayerTest
 * in the architecture module.
 */
package org.mmsim.workload;
