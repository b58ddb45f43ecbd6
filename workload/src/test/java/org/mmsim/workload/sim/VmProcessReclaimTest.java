package org.mmsim.workload.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.workload.sim.ScenarioFixtures.MIB;
import static org.mmsim.workload.sim.ScenarioFixtures.S;
import static org.mmsim.workload.sim.ScenarioFixtures.gen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * A vm-module process's anonymous pages are on the anon LRU like any process's: when another process needs
 * more memory than is free on the 256 MiB machine, reclaim ages them (their accessed bits, through rmap) and
 * swaps the cold ones out through the vm module (the PTEs become swap entries), instead of leaving them
 * unreclaimable. Without swap they stay, as anonymous memory does.
 */
class VmProcessReclaimTest {
    private record Result(long keeperRssBefore, long keeperRssAfter, Map<String, Long> end, long swapEntries) {
    }

    private static Result run(long swapBytes) {
        BootedMachine b = ScenarioFixtures.boot("x86_64-256M");
        Scenario base = ScenarioFixtures.scenario("vm-reclaim", 9, 4 * S, true, swapBytes, List.of(),
                gen("process", "name", "keeper", "size", 100 * MIB, "write", Boolean.TRUE, "thp", Boolean.FALSE,
                        "rate", 0.0, "touch", "sequential", "lifetime", 10 * S),
                gen("snapshot", "at", S, "label", "before"),
                gen("anon", "name", "hog", "size", 120 * MIB, "start", 2 * S, "rate", 240.0 * MIB,
                        "touch", "sequential", "lifetime", 10 * S),
                gen("snapshot", "at", 3500 * 1_000_000L, "label", "after"));
        Scenario sc = ScenarioFixtures.withThp(base, "never");
        Map<String, Long> rss = new LinkedHashMap<>();
        long[] swapped = new long[1];
        Map<String, Map<String, Long>> counters = new LinkedHashMap<>();
        new LinuxSimulation().run(sc, b, new Recorder() {
            @Override
            public void snapshot(long timeNs, String label, SimulationView view) {
                counters.put(label, view.counters());
                if (label.equals("after")) {
                    for (SimulationView.ProcessInfo p : view.processes()) {
                        swapped[0] += p.swapPages();
                    }
                }
                for (SimulationView.ProcessInfo p : view.processes()) {
                    if (p.name().equals("keeper")) {
                        rss.put(label, p.rssPages());
                    }
                }
            }
        });
        BuddyChecker.check(b.machine());
        return new Result(rss.get("before"), rss.get("after"), counters.get("after"), swapped[0]);
    }

    @Test
    void coldProcessPagesAreSwappedOutUnderPressure() {
        Result r = run(256 * MIB);
        assertThat(r.keeperRssBefore()).isEqualTo(100 * MIB / 4096);
        assertThat(r.keeperRssAfter()).isLessThan(r.keeperRssBefore());
        assertThat(r.end().get("pswpout")).isGreaterThanOrEqualTo(r.keeperRssBefore() - r.keeperRssAfter());
    }

    @Test
    void bothKindsOfProcessShareOneSwapArea() {
        // 8 MiB of swap is 2,048 slots for the vm process and the anonymous one together
        Result r = run(8 * MIB);
        assertThat(r.keeperRssAfter()).isLessThan(r.keeperRssBefore());
        assertThat(r.swapEntries()).isGreaterThan(0).isLessThanOrEqualTo(2048);
        // the one swap area counts every slot in use, whichever model's process holds it
        assertThat(r.end().get("nr_swap_used")).isEqualTo(r.swapEntries());
    }

    @Test
    void withoutSwapTheyStay() {
        Result r = run(0);
        assertThat(r.keeperRssAfter()).isEqualTo(r.keeperRssBefore());
    }
}
