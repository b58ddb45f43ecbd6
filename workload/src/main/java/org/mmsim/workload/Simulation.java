package org.mmsim.workload;

import org.mmsim.page.init.BootedMachine;
import org.mmsim.workload.scenario.Scenario;

/** Runs a scenario on a booted machine, deterministically from the scenario's seed, reporting to a recorder. */
public interface Simulation {
    /** Runs to the scenario's duration; returns the final view. */
    SimulationView run(Scenario scenario, BootedMachine machine, Recorder recorder);

    /**
     * The same run, started (the start snapshot taken) and then advanced by the caller through the returned
     * stepper; running it to its end gives what {@link #run} gives.
     */
    RunStepper start(Scenario scenario, BootedMachine machine, Recorder recorder);
}
