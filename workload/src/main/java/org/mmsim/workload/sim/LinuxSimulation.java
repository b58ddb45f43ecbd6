package org.mmsim.workload.sim;

import org.mmsim.page.init.BootedMachine;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.RunStepper;
import org.mmsim.workload.Simulation;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * The Linux 6.1 memory manager running a scenario: the page allocator of the booted machine with the reclaim,
 * kswapd, compaction, kcompactd and OOM models in its slow path, driven by the scenario's generators on a
 * deterministic simulated clock. With debug checks on, every layer's invariants are checked after every event
 * ({@link DebugVmChecker}), and the first broken one stops the run with a {@link org.mmsim.page.debug.VmBug}.
 */
public final class LinuxSimulation implements Simulation {
    private final boolean debugVm;

    public LinuxSimulation() {
        this(false);
    }

    /** With {@code debugVm}, the model's CONFIG_DEBUG_VM: the checks after every event. */
    public LinuxSimulation(boolean debugVm) {
        this.debugVm = debugVm;
    }

    @Override
    public SimulationView run(Scenario scenario, BootedMachine machine, Recorder recorder) {
        return new SimulationRun(scenario, machine, recorder, debugVm).run();
    }

    @Override
    public RunStepper start(Scenario scenario, BootedMachine machine, Recorder recorder) {
        SimulationRun run = new SimulationRun(scenario, machine, recorder, debugVm);
        run.begin();
        return new SteppedRun(run);
    }
}
