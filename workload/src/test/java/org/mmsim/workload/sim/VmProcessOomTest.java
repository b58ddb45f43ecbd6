package org.mmsim.workload.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.workload.sim.ScenarioFixtures.MIB;
import static org.mmsim.workload.sim.ScenarioFixtures.S;
import static org.mmsim.workload.sim.ScenarioFixtures.gen;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * select_bad_process() weighs every process: on the 256 MiB machine without swap, a 150 MiB vm-module process
 * and a 90 MiB anonymous one cannot both fit, and the OOM killer picks the one with the most oom_badness()
 * points, the vm process, even though the other one's fault asked. Its memory comes back once it is reaped, and
 * the other process then gets all of its pages.
 */
class VmProcessOomTest {
    @Test
    void theBiggestProcessIsKilledWhateverModelItBelongsTo() {
        BootedMachine b = ScenarioFixtures.boot("x86_64-256M");
        Scenario base = ScenarioFixtures.scenario("vm-oom", 4, 4 * S, true, 0, List.of(),
                gen("process", "name", "big", "size", 150 * MIB, "write", Boolean.TRUE, "thp", Boolean.FALSE,
                        "rate", 0.0, "touch", "sequential", "lifetime", 10 * S),
                gen("anon", "name", "small", "size", 90 * MIB, "start", S, "rate", 90.0 * MIB,
                        "touch", "sequential", "lifetime", 10 * S));
        Scenario sc = ScenarioFixtures.withThp(base, "never");
        List<String> notes = new ArrayList<>();
        List<SimulationView.ProcessInfo> atEnd = new ArrayList<>();
        SimulationView end = new LinuxSimulation().run(sc, b, new Recorder() {
            @Override
            public void snapshot(long timeNs, String label, SimulationView view) {
                if (label.equals("end")) {
                    atEnd.addAll(view.processes());
                }
            }

            @Override
            public void note(long timeNs, String text) {
                notes.add(text);
            }
        });
        BuddyChecker.check(b.machine());
        assertThat(end.counters().get("oom_kill")).isEqualTo(1);
        assertThat(notes).anyMatch(n -> n.startsWith("Out of memory: Killed process") && n.contains("(big)"));
        assertThat(atEnd).noneMatch(p -> p.name().equals("big"));
        assertThat(atEnd).anyMatch(p -> p.name().equals("small") && p.rssPages() == 90 * MIB / 4096);
    }
}
