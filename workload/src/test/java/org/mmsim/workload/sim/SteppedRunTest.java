package org.mmsim.workload.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.RunStepper;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/** A stepped run makes the same run as {@link LinuxSimulation#run}: the same snapshots at the same times. */
class SteppedRunTest {

    @Test
    void steppingEventByEventOrByTimeGivesTheSameSnapshotsAsARun() {
        List<String> whole = new ArrayList<>();
        new LinuxSimulation().run(scenario(), ScenarioFixtures.boot("x86_64-256M"), recorder(whole));

        List<String> byEvent = new ArrayList<>();
        RunStepper s = new LinuxSimulation().start(scenario(), ScenarioFixtures.boot("x86_64-256M"), recorder(byEvent));
        long steps = 0;
        while (s.stepEvent()) {
            steps++;
        }
        assertThat(s.finished()).isTrue();
        assertThat(s.events()).isEqualTo(steps);
        assertThat(s.nowNs()).isEqualTo(s.durationNs());

        List<String> byTime = new ArrayList<>();
        RunStepper t = new LinuxSimulation().start(scenario(), ScenarioFixtures.boot("x86_64-256M"), recorder(byTime));
        for (long ns = 0; !t.finished(); ns += 1_000_000) {
            t.runUntil(ns);
            assertThat(t.nowNs()).isLessThanOrEqualTo(Math.max(ns, 0));
        }
        assertThat(whole).hasSizeGreaterThan(2).isEqualTo(byEvent).isEqualTo(byTime);
    }

    @Test
    void pageOwnersCoverTheAnonymousPagesTheCountersCount() {
        RunStepper s = new LinuxSimulation().start(scenario(), ScenarioFixtures.boot("x86_64-256M"), recorder(new ArrayList<>()));
        s.runUntil(150_000_000L);
        SimulationView v = s.view();
        org.mmsim.page.Machine m = v.booted().machine();
        long anon = 0;
        for (org.mmsim.page.Node n : m.nodes()) {
            for (long pfn = n.nodeStartPfn(); pfn < n.nodeStartPfn() + n.spannedPages(); pfn++) {
                String kind = v.pageOwner(pfn);
                if ("anon".equals(kind)) {
                    anon += 1L << Integer.parseInt(v.pageOwnerDetail(pfn).split("order ")[1].split(",")[0]);
                }
            }
        }
        assertThat(anon).isPositive().isEqualTo(v.counters().get("nr_anon_pages"));
        assertThat(SimulationView.OWNER_KINDS.get(org.mmsim.reclaim.PageOwners.ANON - 1)).isEqualTo("anon");
        assertThat(SimulationView.OWNER_KINDS.get(org.mmsim.reclaim.PageOwners.THP_HELD - 1)).isEqualTo("thp_held");
    }

    private static Scenario scenario() {
        return new Scenario("stepped", "stepped.yaml", "x86_64-256M", 7, 300_000_000L, 250, java.util.Map.of(), 0,
                true, Scenario.DEFAULT_WRITEBACK_DELAY_NS, "always",
                List.of(ScenarioFixtures.gen("anon", "name", "a", "size", 64L << 20, "rate", 200.0 * (1 << 20)),
                        ScenarioFixtures.gen("kernel", "rate", 2000.0, "orders", java.util.Map.of(0, 70.0, 3, 30.0))),
                new Scenario.Record(100_000_000L, List.of(), List.of()));
    }

    private static Recorder recorder(List<String> out) {
        return new Recorder() {
            @Override
            public void snapshot(long timeNs, String label, SimulationView view) {
                out.add(timeNs + " " + label + " " + view.booted().machine().nrFreePages() + " " + view.counters());
            }
        };
    }
}
