package org.mmsim.workload.sim;

import org.mmsim.page.init.BootedMachine;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.Simulation;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * The Linux 6.1 memory manager running a scenario: the page allocator of the booted machine with the reclaim,
 * kswapd, compaction, kcompactd and OOM models in its slow path, driven by the scenario's generators on a
 * deterministic simulated clock.
 */
public final class LinuxSimulation implements Simulation {
    @Override
    public SimulationView run(Scenario scenario, BootedMachine machine, Recorder recorder) {
        return new SimulationRun(scenario, machine, recorder).run();
    }
}
