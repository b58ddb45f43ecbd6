package org.mmsim.workload.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * The kernel's tools/testing/selftests/vm/compaction_test.c as a scenario: with compaction, at least a third of
 * 80 % of MemFree comes back as huge pages after the mlocked mappings are half unmapped; without
 * CONFIG_COMPACTION the interleaved holes stay order-0 and the selftest's criterion fails.
 */
class CompactionTestScenarioTest {
    private static SimulationView run(boolean compaction) {
        BootedMachine b = ScenarioFixtures.boot("x86_64-1G");
        Scenario sc = ScenarioFixtures.scenario("compaction-test", 7, 2 * ScenarioFixtures.S, compaction, 0, List.of(),
                ScenarioFixtures.gen("compaction_test", "at", 0L));
        SimulationView v = new LinuxSimulation().run(sc, b, new Recorder() {
            @Override
            public void snapshot(long timeNs, String label, SimulationView view) {
            }
        });
        BuddyChecker.check(b.machine());
        return v;
    }

    @Test
    void compactionTestPassesWithCompaction() {
        SimulationView v = run(true);
        long requested = v.counters().get("compaction_test_hugepages_requested");
        long allocated = v.counters().get("compaction_test_hugepages_allocated");
        System.out.println("compaction_test with compaction: requested " + requested + " allocated " + allocated
                + " compact_stall " + v.counters().get("compact_stall") + " pgmigrate_success "
                + v.counters().get("pgmigrate_success"));
        assertThat(requested).isGreaterThan(0);
        assertThat(v.counters().get("compaction_test_passed")).isEqualTo(1);
        assertThat(allocated * 4).isGreaterThanOrEqualTo(requested);
        assertThat(v.counters().get("pgmigrate_success")).isGreaterThan(0);
    }

    @Test
    void compactionTestFailsWithoutCompaction() {
        SimulationView v = run(false);
        long requested = v.counters().get("compaction_test_hugepages_requested");
        long allocated = v.counters().get("compaction_test_hugepages_allocated");
        System.out.println("compaction_test without compaction: requested " + requested + " allocated " + allocated);
        assertThat(v.counters().get("compaction_test_passed")).isZero();
        assertThat(v.counters().get("pgmigrate_success")).isZero();
    }
}
