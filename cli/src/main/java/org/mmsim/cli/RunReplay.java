package org.mmsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mmsim.arch.InputError;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.report.RunRecorder;
import org.mmsim.study.RunInputs;
import org.mmsim.study.RunRequest;
import org.mmsim.study.RunSettings;
import org.mmsim.study.ScenarioRun;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.sim.Simulations;

/**
 * A finished run brought back to one of its moments: its recorded inputs ({@link RunInputs}) are run again, the
 * state at the moment is read, and the replay's end must meet the run's recorded end (else the scenario or machine
 * file changed since, and the answer would be about another run).
 */
final class RunReplay {
    private RunReplay() {
    }

    /** The page-table walk of {@code address} in process {@code pid} at the run's moment {@code moment}. */
    static String walk(Path runDir, String moment, int pid, long address) {
        RunInputs in = RunInputs.read(runDir);
        RunRequest again = new RunRequest(in.scenario(), new RunSettings(in.settings(), SettingOptions.OPTION, 0),
                in.seed(), in.meminfo() == null ? null : Path.of(in.meminfo()), false);
        ScenarioRun.Booted b = ScenarioRun.boot(again, ScenarioRun.scenario(again));
        Scenario scenario = b.scenario();
        BootedMachine booted = b.machine();
        List<String> moments = new ArrayList<>();
        List<Integer> pids = new ArrayList<>();
        String[] walk = new String[1];
        SimulationView end = Simulations.create(false).run(scenario, booted, new Recorder() {
            @Override
            public void snapshot(long timeNs, String label, SimulationView view) {
                String name = RunRecorder.snapshotName(timeNs, label);
                moments.add(name);
                if (name.equals(moment) && walk[0] == null && pids.isEmpty()) {
                    for (SimulationView.ProcessInfo p : view.processes()) {
                        pids.add(p.pid());
                    }
                    walk[0] = view.pageTableWalk(pid, address);
                }
            }
        });
        long free = end.counters().getOrDefault("nr_free_pages", -1L);
        long faults = end.counters().getOrDefault("pgfault", -1L);
        if (free != in.endFreePages() || faults != in.endPgfault()) {
            throw InputError.at(runDir.resolve(RunInputs.FILE).toString(), 0, "running " + in.scenario()
                    + " again ends with " + free + " free pages and " + faults + " page faults, not the run's "
                    + in.endFreePages() + " and " + in.endPgfault() + ": its scenario or machine changed since");
        }
        if (!moments.contains(moment)) {
            throw InputError.at("--at", 0, "the run has no moment '" + moment + "' (it has " + String.join(", ",
                    moments.size() > 12 ? moments.subList(0, 12) : moments) + (moments.size() > 12 ? ", ..." : "")
                    + ")");
        }
        if (walk[0] == null) {
            throw InputError.at("PID", 0, "no process " + pid + " at moment " + moment + " of the run (processes: "
                    + (pids.isEmpty() ? "none" : pids.toString().replaceAll("[\\[\\]]", "")) + ")");
        }
        return String.format("# run %s, moment %s, pid %d%n", runDir, moment, pid) + walk[0];
    }
}
